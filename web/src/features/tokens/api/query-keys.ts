/** Query-key factory: every key of the feature starts with `all`, so one invalidation covers them. */
export const tokensKeys = {
  all: ['tokens'] as const,
  list: () => [...tokensKeys.all, 'list'] as const,
};
