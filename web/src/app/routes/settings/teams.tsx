import type { QueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { ContentLayout } from '../../../components/layouts/content-layout.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { PlusIcon, TeamIcon } from '../../../components/ui/icons.tsx';
import { SkeletonRows } from '../../../components/ui/loading.tsx';
import { getMembersQueryOptions, useMembers } from '../../../features/accounts/api/get-members.ts';
import { getTeamsQueryOptions, useTeams } from '../../../features/teams/api/get-teams.ts';
import { TeamCard } from '../../../features/teams/components/team-card.tsx';
import { TeamFormDialog } from '../../../features/teams/components/team-form-dialog.tsx';
import { errorMessage } from '../../../lib/form.ts';
import { useSession } from '../../layout/session.tsx';

export const Route = createLazyRoute('/settings/teams')({ component: TeamsPage });

/** The route's loader starts these (see ../prefetch.ts). */
export function prefetch(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(getTeamsQueryOptions());
  void queryClient.prefetchQuery(getMembersQueryOptions());
}

function TeamsPage() {
  const { role, organization } = useSession();
  const canManage = role === 'admin' || role === 'manager';
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const teams = useTeams({ includeArchived: showArchived });
  const members = useMembers();
  const people = (members.data?.items ?? []).map((member) => ({
    id: member.id,
    displayName: member.displayName,
  }));

  const createButton = canManage && (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon />
      New team
    </Button>
  );

  return (
    <ContentLayout
      title="Teams"
      description="Teams, their members and leads, and whether a team shares individual numbers in its retros."
      actions={createButton}
    >
      <div className="space-y-6">
        {!canManage && (
          <Alert tone="info">
            Admins and managers create and shape teams. Here you can see who is in which team.
          </Alert>
        )}
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm font-medium text-slate-700" aria-live="polite">
            {teams.isSuccess &&
              teams.data.items.length > 0 &&
              `${teams.data.items.length} ${teams.data.items.length === 1 ? 'team' : 'teams'}${showArchived ? ', archived included' : ''}`}
          </p>
          <Checkbox
            label="Show archived teams"
            checked={showArchived}
            onChange={(event) => setShowArchived(event.target.checked)}
          />
        </div>
        {teams.isPending ? (
          <div className="rounded-xl border border-slate-200 bg-white p-5">
            <SkeletonRows rows={3} label="Loading teams" />
          </div>
        ) : teams.isError ? (
          <Alert
            tone="error"
            action={
              <Button variant="secondary" size="sm" onClick={() => void teams.refetch()}>
                Try again
              </Button>
            }
          >
            {errorMessage(teams.error)}
          </Alert>
        ) : teams.data.items.length === 0 ? (
          <EmptyState icon={<TeamIcon />} title="No teams yet" action={createButton || undefined}>
            A team groups people for retros: its views show the team's maker time together, never one person's
            entries.
          </EmptyState>
        ) : (
          <ul className="space-y-4" aria-label="Teams">
            {teams.data.items.map((team) => (
              <li key={team.id}>
                <TeamCard
                  team={team}
                  people={people}
                  canManage={canManage}
                  minGroupSize={organization.minGroupSize}
                />
              </li>
            ))}
          </ul>
        )}
      </div>
      <TeamFormDialog
        open={creating}
        onClose={() => setCreating(false)}
        minGroupSize={organization.minGroupSize}
      />
    </ContentLayout>
  );
}
