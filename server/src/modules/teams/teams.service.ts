import type {
  CreateTeamBody,
  ListTeamsResponse,
  PutTeamMemberBody,
  Team,
  UpdateTeamBody,
} from '@tiltmeter/shared';
import type { Prisma } from '../../generated/prisma/client.ts';
import { recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { TenantClient } from '../../lib/tenant-client.ts';
import type { TenantDb } from '../../lib/tenant-db.ts';
import type { AuthContext } from '../../plugins/auth.ts';

export const teamSelect = {
  id: true,
  name: true,
  visibility: true,
  sprintDays: true,
  archivedAt: true,
  createdAt: true,
  members: {
    select: {
      memberId: true,
      isLead: true,
      member: { select: { user: { select: { name: true } }, settings: { select: { displayName: true } } } },
    },
    orderBy: { createdAt: 'asc' },
  },
} satisfies Prisma.TeamSelect;

type TeamRow = Prisma.TeamGetPayload<{ select: typeof teamSelect }>;

export function toTeamDto(row: TeamRow): Team {
  return {
    id: row.id,
    name: row.name,
    visibility: row.visibility,
    sprintDays: row.sprintDays,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    members: row.members.map((m) => ({
      memberId: m.memberId,
      displayName: m.member.settings?.displayName ?? m.member.user.name,
      isLead: m.isLead,
    })),
  };
}

/**
 * Teams decide who sees whose individual metrics (leads, open teams), so their shape is managed by
 * admins and managers only, and every change is audited. Leads have no extra powers over the team.
 */
function requireTeamManager(auth: AuthContext, action: string) {
  if (auth.role !== 'admin' && auth.role !== 'manager') {
    throw new AppError('forbidden', `Only an admin or a manager can ${action}`);
  }
}

async function loadTeam(tx: TenantClient, teamId: string): Promise<TeamRow> {
  const team = await tx.team.findUnique({ where: { id: teamId }, select: teamSelect });
  if (!team) throw notFound('Team');
  return team;
}

function assertActive(team: TeamRow) {
  if (team.archivedAt) throw new AppError('conflict', 'The team is archived');
}

export async function listTeams(
  db: TenantDb,
  input: { includeArchived: boolean },
): Promise<ListTeamsResponse> {
  const rows = await db.team.findMany({
    where: input.includeArchived ? {} : { archivedAt: null },
    select: teamSelect,
    orderBy: { name: 'asc' },
  });
  return { items: rows.map(toTeamDto) };
}

export async function createTeam(db: TenantDb, auth: AuthContext, input: CreateTeamBody): Promise<Team> {
  requireTeamManager(auth, 'create teams');
  return db.$transaction(async (tx) => {
    const team = await tx.team.create({
      data: {
        organizationId: auth.orgId,
        name: input.name,
        visibility: input.visibility ?? 'private',
        sprintDays: input.sprintDays ?? 14,
      },
      select: teamSelect,
    });
    await recordAudit(
      tx,
      auth,
      'team.created',
      { type: 'team', id: team.id },
      {
        name: team.name,
        visibility: team.visibility,
      },
    );
    return toTeamDto(team);
  });
}

export async function updateTeam(
  db: TenantDb,
  auth: AuthContext,
  teamId: string,
  input: UpdateTeamBody,
): Promise<Team> {
  return db.$transaction(async (tx) => {
    const before = await loadTeam(tx, teamId);
    requireTeamManager(auth, 'change teams');
    assertActive(before);
    const after = await tx.team.update({ where: { id: teamId }, data: input, select: teamSelect });
    const changes = Object.fromEntries(
      (Object.keys(input) as (keyof UpdateTeamBody)[])
        .filter((key) => before[key] !== after[key])
        .map((key) => [key, { from: before[key], to: after[key] }]),
    );
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, auth, 'team.updated', { type: 'team', id: teamId }, changes);
    }
    return toTeamDto(after);
  });
}

/** Archived teams keep their history, but no longer count for visibility and cannot change. */
export async function archiveTeam(db: TenantDb, auth: AuthContext, teamId: string): Promise<Team> {
  return db.$transaction(async (tx) => {
    const team = await loadTeam(tx, teamId);
    requireTeamManager(auth, 'archive teams');
    if (team.archivedAt) return toTeamDto(team);
    const archived = await tx.team.update({
      where: { id: teamId },
      data: { archivedAt: new Date() },
      select: teamSelect,
    });
    await recordAudit(tx, auth, 'team.archived', { type: 'team', id: teamId }, { name: team.name });
    return toTeamDto(archived);
  });
}

/** Adds a member to the team, or changes whether they lead it. */
export async function putTeamMember(
  db: TenantDb,
  auth: AuthContext,
  teamId: string,
  memberId: string,
  input: PutTeamMemberBody,
): Promise<Team> {
  const isLead = input.isLead ?? false;
  return db.$transaction(async (tx) => {
    const team = await loadTeam(tx, teamId);
    const member = await tx.member.findUnique({ where: { id: memberId }, select: { id: true } });
    if (!member) throw notFound('Member');
    requireTeamManager(auth, 'change team members');
    assertActive(team);
    const current = team.members.find((m) => m.memberId === memberId);
    if (!current) {
      await tx.teamMember.create({ data: { organizationId: auth.orgId, teamId, memberId, isLead } });
      await recordAudit(tx, auth, 'team.member_added', { type: 'team', id: teamId }, { memberId, isLead });
    } else if (current.isLead !== isLead) {
      await tx.teamMember.updateMany({ where: { teamId, memberId }, data: { isLead } });
      await recordAudit(tx, auth, 'team.lead_changed', { type: 'team', id: teamId }, { memberId, isLead });
    }
    return toTeamDto(await loadTeam(tx, teamId));
  });
}

export async function removeTeamMember(
  db: TenantDb,
  auth: AuthContext,
  teamId: string,
  memberId: string,
): Promise<Team> {
  return db.$transaction(async (tx) => {
    const team = await loadTeam(tx, teamId);
    requireTeamManager(auth, 'change team members');
    const current = team.members.find((m) => m.memberId === memberId);
    if (!current) throw notFound('Team member');
    assertActive(team);
    await tx.teamMember.deleteMany({ where: { teamId, memberId } });
    await recordAudit(
      tx,
      auth,
      'team.member_removed',
      { type: 'team', id: teamId },
      {
        memberId,
        wasLead: current.isLead,
      },
    );
    return toTeamDto(await loadTeam(tx, teamId));
  });
}
