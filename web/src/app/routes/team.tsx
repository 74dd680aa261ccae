import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { QueryError } from '../../components/charts/states.tsx';
import { ContentLayout } from '../../components/layouts/content-layout.tsx';
import { SkeletonRows } from '../../components/ui/loading.tsx';
import { TeamRetroView } from '../../features/team-retro/components/team-retro-view.tsx';
import { teamChoice } from '../../features/team-retro/utils/team-choice.ts';
import { useTeams } from '../../features/teams/api/get-teams.ts';
import { currentIsoWeek } from '../../lib/iso-week.ts';
import { useSession } from '../layout/session.tsx';

export const Route = createLazyRoute('/team')({ component: TeamPage });

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
