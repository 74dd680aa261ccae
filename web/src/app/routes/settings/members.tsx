import type { QueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { ContentLayout } from '../../../components/layouts/content-layout.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { getInvitationsQueryOptions } from '../../../features/accounts/api/get-invitations.ts';
import { getMembersQueryOptions } from '../../../features/accounts/api/get-members.ts';
import { InvitationsCard } from '../../../features/accounts/components/invitations-card.tsx';
import { InviteMemberCard } from '../../../features/accounts/components/invite-member-card.tsx';
import { MembersCard } from '../../../features/accounts/components/members-card.tsx';
import { getTeamsQueryOptions, useTeams } from '../../../features/teams/api/get-teams.ts';
import { useSession } from '../../layout/session.tsx';
import { cachedMe } from '../prefetch.ts';

export const Route = createLazyRoute('/settings/members')({ component: MembersPage });

/** The route's loader starts these (see ../prefetch.ts). */
export function prefetch(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(getMembersQueryOptions());
  void queryClient.prefetchQuery(getTeamsQueryOptions());
  if (cachedMe(queryClient)?.role === 'admin') void queryClient.prefetchQuery(getInvitationsQueryOptions());
}

function MembersPage() {
  const { role, memberId } = useSession();
  const isAdmin = role === 'admin';
  const teams = useTeams();

  return (
    <ContentLayout
      title="Members"
      description="Who belongs to the organization and what they may do. Admins invite people and change roles."
    >
      <div className="space-y-6">
        {isAdmin ? (
          <>
            <InviteMemberCard teams={teams.data?.items ?? []} />
            <InvitationsCard />
          </>
        ) : (
          <Alert tone="info">
            Only admins invite people and change roles. Ask an admin if someone is missing.
          </Alert>
        )}
        <MembersCard currentMemberId={memberId} canManage={isAdmin} />
      </div>
    </ContentLayout>
  );
}
