import { isIsoWeek } from '../../../lib/iso-week.ts';

export const SPRINT_LENGTHS = [1, 2, 3, 4, 6] as const;

/**
 * Search params of the team retro: `?team=<id>&sprint=2&end=2026-W47`. Absent: the first team, the
 * team's own sprint length, and the sprint ending with the current week.
 */
export interface TeamSearch {
  team?: string;
  /** Sprint length in weeks. */
  sprint?: number;
  /** The last week of the sprint under review. */
  end?: string;
}

export function validateTeamSearch(search: Record<string, unknown>): TeamSearch {
  const result: TeamSearch = {};
  if (typeof search.team === 'string' && search.team.length > 0 && search.team.length <= 100)
    result.team = search.team;
  const sprint = Number(search.sprint);
  if ((SPRINT_LENGTHS as readonly number[]).includes(sprint)) result.sprint = sprint;
  if (isIsoWeek(search.end)) result.end = search.end;
  return result;
}
