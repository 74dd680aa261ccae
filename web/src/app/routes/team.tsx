import type { QueryClient } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { QueryError } from '../../components/charts/states.tsx';
import { ContentLayout } from '../../components/layouts/content-layout.tsx';
import { SkeletonRows } from '../../components/ui/loading.tsx';
import { getTeamMetricsQueryOptions } from '../../features/team-retro/api/get-team-metrics.ts';
import { TeamRetroView } from '../../features/team-retro/components/team-retro-view.tsx';
import { sprintPeriods, sprintWeeksOf } from '../../features/team-retro/utils/periods.ts';
import type { TeamSearch } from '../../features/team-retro/utils/search.ts';
import { teamChoice } from '../../features/team-retro/utils/team-choice.ts';
import { getTeamsQueryOptions, useTeams } from '../../features/teams/api/get-teams.ts';
import { currentIsoWeek } from '../../lib/iso-week.ts';
import { useSession } from '../layout/session.tsx';
import { cachedMe } from './prefetch.ts';

export const Route = createLazyRoute('/team')({ component: TeamPage });

/**
 * The route's loader starts these (see prefetch.ts): the teams list first (the default team comes
 * from it), then both sprints of the team.
 */
export function prefetch(queryClient: QueryClient, search: TeamSearch): void {
  const viewer = cachedMe(queryClient);
  void queryClient
    .ensureQueryData(getTeamsQueryOptions())
    .then(({ items }) => {
      const choice = teamChoice(items, viewer?.role ?? 'member', viewer?.member?.id ?? '');
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

function TeamPage() {
  const search = Route.useSearch();
  const navigate = useNavigate({ from: '/team' });
  const { role, memberId } = useSession();
  const teams = useTeams();

  const choice = teamChoice(teams.data?.items ?? [], role, memberId);

  return (
    <ContentLayout
      title="Team retro"
      description="How the team's maker time changed sprint over sprint, which recurring meetings cost the most focus, and whether the working agreements held."
    >
      {teams.isPending ? (
        <SkeletonRows rows={3} label="Loading teams…" />
      ) : teams.isError ? (
        <QueryError
          title="The teams could not be loaded"
          error={teams.error}
          onRetry={() => teams.refetch()}
        />
      ) : (
        <TeamRetroView
          teams={choice.teams}
          defaultTeamId={choice.defaultTeamId}
          currentWeek={currentIsoWeek('UTC')}
          search={search}
          onSearchChange={(next) => navigate({ search: next, replace: true })}
        />
      )}
    </ContentLayout>
  );
}
