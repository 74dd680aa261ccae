import type { QueryClient } from '@tanstack/react-query';
import type { Me } from '@tiltmeter/shared/accounts';
import { getMeQueryOptions } from '../../features/accounts/api/get-me.ts';
import { getOrgMetricsQueryOptions } from '../../features/org-patterns/api/get-org-metrics.ts';
import { DEFAULT_ORG_RANGE, type OrgSearch } from '../../features/org-patterns/utils/search.ts';
import { getTeamMetricsQueryOptions } from '../../features/team-retro/api/get-team-metrics.ts';
import { sprintPeriods, sprintWeeksOf } from '../../features/team-retro/utils/periods.ts';
import type { TeamSearch } from '../../features/team-retro/utils/search.ts';
import { type TeamChoice, teamChoice } from '../../features/team-retro/utils/team-choice.ts';
import { getTeamsQueryOptions } from '../../features/teams/api/get-teams.ts';
import { getMyWeeksQueryOptions } from '../../features/trend/api/get-my-weeks.ts';
import { DEFAULT_TREND_RANGE, type TrendSearch } from '../../features/trend/utils/search.ts';
import { getMyWeekQueryOptions } from '../../features/week/api/get-my-week.ts';
import { getWeekThresholdsQueryOptions } from '../../features/week/api/get-week-thresholds.ts';
import type { WeekSearch } from '../../features/week/utils/search.ts';
import { addIsoWeeks, currentIsoWeek } from '../../lib/iso-week.ts';

/**
 * The dashboards' route loaders: they start each page's requests as soon as the route matches, in
 * parallel with the download of the page's code, instead of after it. Nothing is awaited, so the
 * page renders its skeleton at once and picks the requests up through TanStack Query.
 */

function me(queryClient: QueryClient): Me | null {
  return queryClient.getQueryData(getMeQueryOptions().queryKey) ?? null;
}

/** "This week" for personal views: the member's own zone. */
function memberWeek(queryClient: QueryClient): string {
  return currentIsoWeek(me(queryClient)?.settings?.timeZone ?? 'UTC');
}

export function prefetchWeekPage(queryClient: QueryClient, search: WeekSearch): void {
  const week = search.week ?? memberWeek(queryClient);
  void queryClient.prefetchQuery(getMyWeekQueryOptions(week));
  void queryClient.prefetchQuery(getWeekThresholdsQueryOptions(week));
}

export function prefetchTrendPage(queryClient: QueryClient, search: TrendSearch): void {
  const to = memberWeek(queryClient);
  const from = addIsoWeeks(to, -((search.weeks ?? DEFAULT_TREND_RANGE) - 1));
  void queryClient.prefetchQuery(getMyWeeksQueryOptions({ from, to }));
}

/** The teams list first (the default team comes from it), then both sprints of the team. */
export function prefetchTeamPage(queryClient: QueryClient, search: TeamSearch): void {
  const viewer = me(queryClient);
  void queryClient
    .ensureQueryData(getTeamsQueryOptions())
    .then(({ items }) => {
      const choice: TeamChoice = teamChoice(items, viewer?.role ?? 'member', viewer?.member?.id ?? '');
      const team =
        choice.teams.find((t) => t.id === search.team) ??
        choice.teams.find((t) => t.id === choice.defaultTeamId);
      if (!team) return;
      const periods = sprintPeriods(
        search.end ?? currentIsoWeek('UTC'),
        search.sprint ?? sprintWeeksOf(team.sprintDays),
      );
      for (const period of [periods.current, periods.previous]) {
        void queryClient.prefetchQuery(
          getTeamMetricsQueryOptions(team.id, { from: period.from, to: period.to }),
        );
      }
    })
    .catch(() => {
      // The page's own queries show the error.
    });
}

export function prefetchOrgPage(queryClient: QueryClient, search: OrgSearch): void {
  if (me(queryClient)?.role === 'member') return;
  const to = currentIsoWeek('UTC');
  const from = addIsoWeeks(to, -((search.weeks ?? DEFAULT_ORG_RANGE) - 1));
  void queryClient.prefetchQuery(getOrgMetricsQueryOptions({ from, to }));
}
