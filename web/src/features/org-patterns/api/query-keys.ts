/** Query-key factory of Org patterns: every key starts with `all`, so one invalidation covers them. */
export const orgPatternKeys = {
  all: ['org-patterns'] as const,
  /** GET /api/v1/org/metrics for a range of ISO weeks. */
  metrics: (from: string, to: string) => [...orgPatternKeys.all, 'metrics', from, to] as const,
};
