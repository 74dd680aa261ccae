import { recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { TenantClient } from '../../lib/tenant-client.ts';
import {
  effectiveMinGroupSize,
  type IndividualMetricsAccess,
  individualMetricsAccess,
  type TeamForVisibility,
} from '../../lib/visibility.ts';
import type { AuthContext } from '../../plugins/auth.ts';

/**
 * The database side of lib/visibility.ts: loads what the pure rules need, and audits views of other
 * people's metrics. Metric routes call these; they never decide visibility themselves.
 */

/** Active teams with at least one of `memberIds`, with their members and leads. */
export async function loadTeamsForVisibility(
  db: TenantClient,
  memberIds: readonly string[],
): Promise<TeamForVisibility[]> {
  const teams = await db.team.findMany({
    where: { archivedAt: null, members: { some: { memberId: { in: [...memberIds] } } } },
    select: { id: true, visibility: true, members: { select: { memberId: true, isLead: true } } },
  });
  return teams.map((team) => ({ ...team, archived: false }));
}

/**
 * Before showing one member's individual metrics: 404 when the member is not in the organization,
 * 403 when the caller may not see them. Views of someone else's metrics are audited with the reason.
 */
export async function authorizeIndividualMetrics(
  db: TenantClient,
  auth: AuthContext,
  targetMemberId: string,
): Promise<IndividualMetricsAccess> {
  if (targetMemberId === auth.memberId) return { reason: 'own' };
  const target = await db.member.findUnique({
    where: { id: targetMemberId },
    select: { id: true, settings: { select: { shareWithTeamLeads: true } } },
  });
  if (!target) throw notFound('Member');
  const teams = await loadTeamsForVisibility(db, [auth.memberId, targetMemberId]);
  const access = individualMetricsAccess(
    auth,
    { memberId: target.id, sharesWithTeamLeads: target.settings?.shareWithTeamLeads ?? false },
    teams,
  );
  if (!access) {
    throw new AppError(
      'forbidden',
      "This member's individual metrics are private: they are shown to leads of their teams only if the member shares them, or inside an open team",
    );
  }
  await recordAudit(
    db,
    auth,
    'metrics.individual_viewed',
    { type: 'member', id: targetMemberId },
    {
      reason: access.reason,
      teamId: 'teamId' in access ? access.teamId : null,
    },
  );
  return access;
}

/** Of `memberIds`, those whose individual metrics the caller may see, with the reason (not audited). */
export async function visibleIndividualMetrics(
  db: TenantClient,
  auth: AuthContext,
  memberIds: readonly string[],
): Promise<Map<string, IndividualMetricsAccess>> {
  const [settings, teams] = await Promise.all([
    db.memberSettings.findMany({
      where: { memberId: { in: [...memberIds] } },
      select: { memberId: true, shareWithTeamLeads: true },
    }),
    loadTeamsForVisibility(db, [auth.memberId, ...memberIds]),
  ]);
  const shares = new Map(settings.map((row) => [row.memberId, row.shareWithTeamLeads]));
  const visible = new Map<string, IndividualMetricsAccess>();
  for (const memberId of memberIds) {
    const access = individualMetricsAccess(
      auth,
      { memberId, sharesWithTeamLeads: shares.get(memberId) ?? false },
      teams,
    );
    if (access) visible.set(memberId, access);
  }
  return visible;
}

/** The organization's minimum group size for aggregates (never below the product's floor of 5). */
export async function loadMinGroupSize(db: TenantClient, auth: AuthContext): Promise<number> {
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: auth.orgId },
    select: { minGroupSize: true },
  });
  return effectiveMinGroupSize(organization.minGroupSize);
}
