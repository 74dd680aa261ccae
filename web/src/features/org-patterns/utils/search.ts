/** The ranges Org patterns offers, in weeks. */
export const ORG_RANGES = [12, 26, 52] as const;
export type OrgRange = (typeof ORG_RANGES)[number];
export const DEFAULT_ORG_RANGE: OrgRange = 26;

/** Search params of Org patterns: `?weeks=12`; absent means 26. */
export interface OrgSearch {
  weeks?: OrgRange;
}

export function validateOrgSearch(search: Record<string, unknown>): OrgSearch {
  const weeks = Number(search.weeks);
  return (ORG_RANGES as readonly number[]).includes(weeks) ? { weeks: weeks as OrgRange } : {};
}
