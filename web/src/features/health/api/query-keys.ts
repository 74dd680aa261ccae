/** Query-key factory: every key of the feature starts with `all`, so one invalidation covers them. */
export const healthKeys = {
  all: ['health'] as const,
  status: () => [...healthKeys.all, 'status'] as const,
};
