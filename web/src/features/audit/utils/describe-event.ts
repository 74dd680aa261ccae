import type { AuditAction, AuditEvent } from '@tiltmeter/shared/audit';

export interface AuditNames {
  member: (memberId: string) => string | undefined;
  team: (teamId: string) => string | undefined;
}

/** The action filter's choices, in words. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'organization.created': 'Organization created',
  'organization.updated': 'Organization settings changed',
  'member.joined': 'Member joined',
  'member.role_changed': 'Role changed',
  'member.removed': 'Member removed',
  'invitation.created': 'Invitation sent',
  'invitation.canceled': 'Invitation canceled',
  'team.created': 'Team created',
  'team.updated': 'Team changed',
  'team.archived': 'Team archived',
  'team.member_added': 'Team member added',
  'team.member_removed': 'Team member removed',
  'team.lead_changed': 'Team lead changed',
  'settings.sharing_changed': 'Sharing changed',
  'token.created': 'API token created',
  'token.revoked': 'API token revoked',
  'metrics.individual_viewed': 'Individual numbers viewed',
};

const FIELD_LABELS: Record<string, string> = {
  name: 'name',
  minGroupSize: 'minimum group size',
  titlePolicy: 'titles',
  visibility: 'visibility',
  sprintDays: 'sprint length',
};

function text(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === 'object' && value !== null && 'from' in value && 'to' in value;
}

/** "name: Platform → Platform team; visibility: private → open". */
function describeChanges(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, value]) => isChange(value))
    .map(([key, value]) => {
      const change = value as { from: unknown; to: unknown };
      return `${FIELD_LABELS[key] ?? key}: ${text(change.from)} → ${text(change.to)}`;
    })
    .join('; ');
}

/** A sentence for an audit event ("Added Ada to Platform") and an optional detail line. */
export function describeAuditEvent(
  event: AuditEvent,
  names: AuditNames,
): { summary: string; detail?: string } {
  const d = event.details;
  const str = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : undefined);
  const memberName = (id: string | undefined) => (id ? (names.member(id) ?? 'a former member') : 'someone');
  const teamName = () =>
    event.targetId ? (names.team(event.targetId) ?? str('name') ?? 'a team') : 'a team';

  switch (event.action as AuditAction) {
    case 'organization.created':
      return { summary: 'Created the organization' };
    case 'organization.updated':
      return { summary: 'Changed the organization settings', detail: describeChanges(d) || undefined };
    case 'member.joined':
      return { summary: 'Joined the organization', detail: str('role') ? `as ${str('role')}` : undefined };
    case 'member.role_changed':
      return {
        summary: `Changed the role of ${memberName(event.targetId ?? undefined)}`,
        detail: `${text(d.from)} → ${text(d.to)}`,
      };
    case 'member.removed':
      return {
        summary: `Removed ${str('email') ?? 'a member'}`,
        detail: str('role') ? `was ${str('role')}` : undefined,
      };
    case 'invitation.created':
      return {
        summary: `Invited ${str('email') ?? 'someone'}`,
        detail: str('role') ? `as ${str('role')}` : undefined,
      };
    case 'invitation.canceled':
      return { summary: `Canceled the invitation for ${str('email') ?? 'someone'}` };
    case 'team.created':
      return {
        summary: `Created the team ${str('name') ?? teamName()}`,
        detail: str('visibility') ? `visibility: ${str('visibility')}` : undefined,
      };
    case 'team.updated':
      return { summary: `Changed the team ${teamName()}`, detail: describeChanges(d) || undefined };
    case 'team.archived':
      return { summary: `Archived the team ${str('name') ?? teamName()}` };
    case 'team.member_added':
      return {
        summary: `Added ${memberName(str('memberId'))} to ${teamName()}`,
        detail: d.isLead === true ? 'as a lead' : undefined,
      };
    case 'team.member_removed':
      return { summary: `Removed ${memberName(str('memberId'))} from ${teamName()}` };
    case 'team.lead_changed':
      return d.isLead === true
        ? { summary: `Made ${memberName(str('memberId'))} a lead of ${teamName()}` }
        : { summary: `${memberName(str('memberId'))} no longer leads ${teamName()}` };
    case 'settings.sharing_changed':
      return {
        summary:
          d.shareWithTeamLeads === true
            ? 'Started sharing their numbers with their team leads'
            : 'Stopped sharing their numbers with their team leads',
      };
    case 'token.created':
      return {
        summary: `Created the API token ${str('name') ?? ''}`.trim(),
        detail: str('prefix') ? `${str('prefix')}…` : undefined,
      };
    case 'token.revoked':
      return { summary: 'Revoked an API token' };
    case 'metrics.individual_viewed':
      return {
        summary: `Viewed the individual numbers of ${memberName(event.targetId ?? undefined)}`,
        detail: str('reason') ? `because ${str('reason')?.replaceAll('_', ' ')}` : undefined,
      };
    default:
      return { summary: event.action, detail: Object.keys(d).length > 0 ? JSON.stringify(d) : undefined };
  }
}
