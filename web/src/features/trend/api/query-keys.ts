/** Query-key factory of My trend: every key starts with `all`, so one invalidation covers them. */
export const trendKeys = {
  all: ['my-trend'] as const,
  /** GET /api/v1/me/weeks for a range of ISO weeks. */
  series: (from: string, to: string) => [...trendKeys.all, 'series', from, to] as const,
};
