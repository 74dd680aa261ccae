/** Query-key factory of My week: every key starts with `all`, so one invalidation covers them. */
export const weekKeys = {
  all: ['my-week'] as const,
  /** A week by day, with entries: GET /api/v1/me/weeks/:week. */
  detail: (week: string) => [...weekKeys.all, 'detail', week] as const,
  /** The week's row of the series, with the thresholds it was measured against. */
  thresholds: (week: string) => [...weekKeys.all, 'thresholds', week] as const,
};
