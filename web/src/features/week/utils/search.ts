import { isIsoWeek } from '../../../lib/iso-week.ts';

/** Search params of My week: `?week=2026-W05`; absent means the current week. */
export interface WeekSearch {
  week?: string;
}

/** A week that does not exist (an old or hand-edited link) is dropped rather than failing the page. */
export function validateWeekSearch(search: Record<string, unknown>): WeekSearch {
  return isIsoWeek(search.week) ? { week: search.week } : {};
}
