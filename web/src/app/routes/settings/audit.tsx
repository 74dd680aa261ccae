import type { QueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { useMemo } from 'react';
import { ContentLayout } from '../../../components/layouts/content-layout.tsx';
import { AdminOnly } from '../../../components/ui/admin-only.tsx';
import { getMembersQueryOptions, useMembers } from '../../../features/accounts/api/get-members.ts';
import { getAuditEventsQueryOptions } from '../../../features/audit/api/get-audit-events.ts';
import { AuditLogCard } from '../../../features/audit/components/audit-log-card.tsx';
import type { AuditNames } from '../../../features/audit/utils/describe-event.ts';
import { getTeamsQueryOptions, useTeams } from '../../../features/teams/api/get-teams.ts';
import { useSession } from '../../layout/session.tsx';
import { cachedMe } from '../prefetch.ts';

export const Route = createLazyRoute('/settings/audit')({ component: AuditPage });

/** The route's loader starts these for admins (see ../prefetch.ts). */
export function prefetch(queryClient: QueryClient): void {
  if (cachedMe(queryClient)?.role !== 'admin') return;
  void queryClient.prefetchInfiniteQuery(getAuditEventsQueryOptions());
  void queryClient.prefetchQuery(getMembersQueryOptions());
  void queryClient.prefetchQuery(getTeamsQueryOptions({ includeArchived: true }));
}

function AuditPage() {
  const { role } = useSession();
  return (
    <ContentLayout
      title="Audit log"
      description="Sensitive actions in the organization: membership and roles, teams and leads, sharing, tokens, and every look at someone's individual numbers."
    >
      {role === 'admin' ? <AuditLog /> : <AdminOnly what="audit log" />}
    </ContentLayout>
  );
}

function AuditLog() {
  const members = useMembers();
  const teams = useTeams({ includeArchived: true });
  // Events store ids; today's names make them readable (a removed member has none any more).
  const names = useMemo<AuditNames>(() => {
    const memberNames = new Map(members.data?.items.map((m) => [m.id, m.displayName]));
    const teamNames = new Map(teams.data?.items.map((t) => [t.id, t.name]));
    return { member: (id) => memberNames.get(id), team: (id) => teamNames.get(id) };
  }, [members.data, teams.data]);
  return <AuditLogCard names={names} />;
}
