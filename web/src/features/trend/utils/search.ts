/** The ranges My trend offers, in weeks. */
export const TREND_RANGES = [12, 26, 52] as const;
export type TrendRange = (typeof TREND_RANGES)[number];
export const DEFAULT_TREND_RANGE: TrendRange = 26;

/** Search params of My trend: `?weeks=52`; absent means 26. */
export interface TrendSearch {
  weeks?: TrendRange;
}

export function validateTrendSearch(search: Record<string, unknown>): TrendSearch {
  const weeks = Number(search.weeks);
  return (TREND_RANGES as readonly number[]).includes(weeks) ? { weeks: weeks as TrendRange } : {};
}
