/** Query-key factory of the inbox (entries no rule classified). */
export const inboxKeys = {
  all: ['inbox'] as const,
  list: (limit: number) => [...inboxKeys.all, 'list', limit] as const,
};
