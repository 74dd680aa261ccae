/**
 * Who may see what about whom: the product's privacy rules, in one pure module (no I/O), used by every
 * route that shows data about people. The rules:
 *
 * - Entries: a member sees their own entries and nobody else's. No role changes that.
 * - Individual metrics of another member: visible only when the viewer leads a (non-archived) team the
 *   member belongs to and the member opted in to share with their team leads, or when the viewer and
 *   the member are both in a (non-archived) team that chose `open` visibility.
 * - Privacy over hierarchy: admins and managers get no extra visibility of individual metrics. They
 *   manage members, teams and settings, and see aggregates under the same group-size floor as
 *   everyone else. (An admin can make themselves a lead of a team, but that is audited, and the
 *   member's own opt-in still decides.)
 * - Aggregates: only over groups of at least the organization's minimum group size, never below 5, and
 *   two aggregates must not differ by fewer members than that (or a filter isolates people by
 *   difference).
 *
 * Routes load the data these functions need (see modules/visibility/visibility.service.ts, which also
 * audits views of other people's metrics) and decide with these functions only.
 */

import { MIN_GROUP_SIZE_FLOOR } from '@tiltmeter/shared';

/** The product's floor (5): no organization can configure aggregates over fewer members. */
export { MIN_GROUP_SIZE_FLOOR };

export interface Viewer {
  memberId: string;
  /** Deliberately unused by the rules below (privacy over hierarchy); kept so callers pass it. */
  role: 'member' | 'manager' | 'admin';
}

export interface VisibilityTarget {
  memberId: string;
  /** The member's revocable opt-in to share individual metrics with the leads of their teams. */
  sharesWithTeamLeads: boolean;
}

export interface TeamForVisibility {
  id: string;
  visibility: 'private' | 'open';
  archived: boolean;
  members: readonly { memberId: string; isLead: boolean }[];
}

/** Why a viewer may see a member's individual metrics (recorded in the audit log), or null. */
export type IndividualMetricsAccess =
  | { reason: 'own' }
  | { reason: 'shared_with_lead'; teamId: string }
  | { reason: 'open_team'; teamId: string };

export function individualMetricsAccess(
  viewer: Viewer,
  target: VisibilityTarget,
  teams: readonly TeamForVisibility[],
): IndividualMetricsAccess | null {
  if (viewer.memberId === target.memberId) return { reason: 'own' };
  let openTeamId: string | undefined;
  for (const team of teams) {
    if (team.archived) continue;
    const targetIn = team.members.some((member) => member.memberId === target.memberId);
    if (!targetIn) continue;
    const viewerMembership = team.members.find((member) => member.memberId === viewer.memberId);
    if (!viewerMembership) continue;
    // The member's consent is the stronger reason; report it when both hold.
    if (viewerMembership.isLead && target.sharesWithTeamLeads) {
      return { reason: 'shared_with_lead', teamId: team.id };
    }
    if (team.visibility === 'open') openTeamId ??= team.id;
  }
  return openTeamId ? { reason: 'open_team', teamId: openTeamId } : null;
}

export function canViewIndividualMetrics(
  viewer: Viewer,
  target: VisibilityTarget,
  teams: readonly TeamForVisibility[],
): boolean {
  return individualMetricsAccess(viewer, target, teams) !== null;
}

/** The members (of `targets`) whose individual metrics the viewer may see, in the given order. */
export function visibleMemberIds(
  viewer: Viewer,
  targets: readonly VisibilityTarget[],
  teams: readonly TeamForVisibility[],
): string[] {
  return targets
    .filter((target) => canViewIndividualMetrics(viewer, target, teams))
    .map((target) => target.memberId);
}

/** Entries are private to their owner, whatever the viewer's role or team. */
export function canViewEntries(viewer: Pick<Viewer, 'memberId'>, ownerMemberId: string): boolean {
  return viewer.memberId === ownerMemberId;
}

/** The organization's setting, but never below the product's floor (a bad row cannot weaken it). */
export function effectiveMinGroupSize(organizationMinGroupSize: number): number {
  return Math.max(MIN_GROUP_SIZE_FLOOR, Math.trunc(organizationMinGroupSize) || 0);
}

/** May an aggregate over `groupSize` members be shown? */
export function isAggregateAllowed(groupSize: number, minGroupSize: number): boolean {
  return groupSize >= effectiveMinGroupSize(minGroupSize);
}

/**
 * May aggregates over two groups be shown side by side (a team and the team minus a filter, two
 * overlapping teams)? Both must be large enough, and the members in one but not the other must be none
 * or at least the minimum group size: subtracting a 4-member difference would reveal those 4.
 */
export function isDifferenceSafe(
  groupA: readonly string[],
  groupB: readonly string[],
  minGroupSize: number,
): boolean {
  const a = new Set(groupA);
  const b = new Set(groupB);
  if (!isAggregateAllowed(a.size, minGroupSize) || !isAggregateAllowed(b.size, minGroupSize)) return false;
  const onlyA = [...a].filter((id) => !b.has(id)).length;
  const onlyB = [...b].filter((id) => !a.has(id)).length;
  const min = effectiveMinGroupSize(minGroupSize);
  return (onlyA === 0 || onlyA >= min) && (onlyB === 0 || onlyB >= min);
}
