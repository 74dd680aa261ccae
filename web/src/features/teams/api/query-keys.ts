/** Query-key factory: every key of the feature starts with `all`, so one invalidation covers them. */
export const teamsKeys = {
  all: ['teams'] as const,
  list: (includeArchived: boolean) => [...teamsKeys.all, 'list', { includeArchived }] as const,
};
