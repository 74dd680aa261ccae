import {
  type CreateInvitationBody,
  type Invitation,
  type InvitationStatus,
  invitationLinkPath,
  type ListInvitationsResponse,
  type MemberRole,
} from '@tiltmeter/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Prisma } from '../../generated/prisma/client.ts';
import { recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { type Mailer, sendInBackground } from '../../lib/mailer.ts';
import { requireAdmin } from '../../lib/permissions.ts';
import type { TenantDb } from '../../lib/tenant-db.ts';
import { type AuthContext, asRole, type Principal } from '../../plugins/auth.ts';
import type { Db } from '../../plugins/database.ts';
import { addMembership } from '../members/members.service.ts';

export const INVITATION_VALID_DAYS = 7;

export interface InvitationMail {
  mailer: Mailer;
  publicUrl: string;
  logger: FastifyBaseLogger;
}

const invitationSelect = {
  id: true,
  email: true,
  role: true,
  teamId: true,
  status: true,
  expiresAt: true,
  createdAt: true,
  inviter: { select: { id: true, name: true } },
} satisfies Prisma.InvitationSelect;

type InvitationRow = Prisma.InvitationGetPayload<{ select: typeof invitationSelect }>;

function statusOf(row: Pick<InvitationRow, 'status' | 'expiresAt'>, now = new Date()): InvitationStatus {
  if (row.status === 'pending') return row.expiresAt <= now ? 'expired' : 'pending';
  if (row.status === 'accepted') return 'accepted';
  return 'canceled';
}

export function toInvitationDto(row: InvitationRow): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: asRole(row.role),
    teamId: row.teamId,
    status: statusOf(row),
    expiresAt: row.expiresAt.toISOString(),
    invitedBy: { userId: row.inviter.id, name: row.inviter.name },
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listInvitations(db: TenantDb, auth: AuthContext): Promise<ListInvitationsResponse> {
  requireAdmin(auth, 'see invitations');
  const rows = await db.invitation.findMany({
    select: invitationSelect,
    orderBy: { createdAt: 'desc' },
    take: 500,
  });
  return { items: rows.map(toInvitationDto) };
}

/**
 * Invites an address with a role (and optionally into a team). Inviting the same address again
 * replaces its open invitation, so "resend" and "change the role" are the same action.
 */
export async function createInvitation(
  db: TenantDb,
  auth: AuthContext,
  input: CreateInvitationBody,
  mail: InvitationMail,
): Promise<Invitation> {
  requireAdmin(auth, 'invite members');
  const email = input.email.toLowerCase();
  const role: MemberRole = input.role ?? 'member';
  const { invitation, organizationName } = await db.$transaction(async (tx) => {
    if (input.teamId) {
      const team = await tx.team.findUnique({ where: { id: input.teamId }, select: { archivedAt: true } });
      if (!team) throw notFound('Team');
      if (team.archivedAt) throw new AppError('conflict', 'The team is archived');
    }
    const existing = await tx.member.findFirst({ where: { user: { email } }, select: { id: true } });
    if (existing) throw new AppError('conflict', `${email} is already a member of this organization`);
    await tx.invitation.updateMany({ where: { email, status: 'pending' }, data: { status: 'canceled' } });
    const created = await tx.invitation.create({
      data: {
        organizationId: auth.orgId,
        email,
        role,
        teamId: input.teamId ?? null,
        inviterId: auth.userId,
        expiresAt: new Date(Date.now() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000),
      },
      select: invitationSelect,
    });
    await recordAudit(
      tx,
      auth,
      'invitation.created',
      { type: 'invitation', id: created.id },
      { email, role },
    );
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: auth.orgId },
      select: { name: true },
    });
    return { invitation: created, organizationName: organization.name };
  });

  const link = `${mail.publicUrl}${invitationLinkPath(invitation.id)}`;
  sendInBackground(mail.mailer, mail.logger, {
    to: email,
    subject: `${invitation.inviter.name} invited you to ${organizationName} on Tiltmeter`,
    text: `${invitation.inviter.name} invited you to join ${organizationName} on Tiltmeter as ${role}.\n\nAccept the invitation (sign up first if you have no account yet) within ${INVITATION_VALID_DAYS} days:\n${link}\n`,
    link,
  });
  return toInvitationDto(invitation);
}

export async function cancelInvitation(db: TenantDb, auth: AuthContext, invitationId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { id: invitationId },
      select: invitationSelect,
    });
    if (!invitation) throw notFound('Invitation');
    requireAdmin(auth, 'cancel invitations');
    if (invitation.status !== 'pending')
      throw new AppError('conflict', `The invitation is already ${invitation.status}`);
    await tx.invitation.update({ where: { id: invitationId }, data: { status: 'canceled' } });
    await recordAudit(
      tx,
      auth,
      'invitation.canceled',
      { type: 'invitation', id: invitationId },
      {
        email: invitation.email,
      },
    );
  });
}

/**
 * The signed-in user accepts an invitation addressed to their email: they become a member (with the
 * invited role, in the invited team), and the organization becomes their session's current one.
 * The invitee is not a member yet, so this looks the invitation up by its id across organizations;
 * the id travels only in the email sent to that address, and the address must match the account's.
 */
export async function acceptInvitation(
  db: Db,
  principal: Principal,
  invitationId: string,
): Promise<AuthContext> {
  const invitation = await db.invitation.findFirst({
    where: { id: invitationId, email: principal.email.toLowerCase() },
    select: { id: true, organizationId: true, role: true, teamId: true, status: true, expiresAt: true },
  });
  if (!invitation || invitation.status === 'canceled' || invitation.status === 'rejected') {
    throw new AppError(
      'not_found',
      'Invitation not found (it may have been canceled, or is for another email)',
    );
  }
  const role = asRole(invitation.role);
  const already = await db.member.findFirst({
    where: { organizationId: invitation.organizationId, userId: principal.userId },
    select: { id: true, role: true },
  });
  if (already) {
    return enter(db, principal, {
      orgId: invitation.organizationId,
      memberId: already.id,
      role: asRole(already.role),
    });
  }
  if (invitation.status !== 'pending') throw new AppError('conflict', 'The invitation was already used');
  if (invitation.expiresAt <= new Date()) {
    throw new AppError(
      'conflict',
      'The invitation expired: ask an admin of the organization to invite you again',
    );
  }

  const memberId = await db.$transaction(async (tx) => {
    // Only one acceptance wins; a second concurrent one finds the invitation no longer pending.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, status: 'pending' },
      data: { status: 'accepted' },
    });
    if (claimed.count !== 1) throw new AppError('conflict', 'The invitation was already used');
    const latestSettings = await tx.memberSettings.findFirst({
      where: { member: { userId: principal.userId } },
      orderBy: { updatedAt: 'desc' },
      select: { timeZone: true },
    });
    const { memberId } = await addMembership(tx, {
      organizationId: invitation.organizationId,
      userId: principal.userId,
      role,
      timeZone: latestSettings?.timeZone ?? 'UTC',
    });
    if (invitation.teamId) {
      const team = await tx.team.findFirst({
        where: { id: invitation.teamId, organizationId: invitation.organizationId, archivedAt: null },
        select: { id: true },
      });
      if (team) {
        await tx.teamMember.create({
          data: { organizationId: invitation.organizationId, teamId: team.id, memberId },
        });
      }
    }
    // Following the emailed link proves the address is theirs.
    await tx.user.update({ where: { id: principal.userId }, data: { emailVerified: true } });
    await tx.auditEvent.create({
      data: {
        organizationId: invitation.organizationId,
        actorMemberId: memberId,
        action: 'member.joined',
        targetType: 'member',
        targetId: memberId,
        details: { invitationId: invitation.id, role },
      },
    });
    return memberId;
  });
  return enter(db, principal, { orgId: invitation.organizationId, memberId, role });
}

async function enter(
  db: Db,
  principal: Principal,
  membership: { orgId: string; memberId: string; role: MemberRole },
): Promise<AuthContext> {
  if (principal.sessionId) {
    await db.session.update({
      where: { id: principal.sessionId },
      data: { activeOrganizationId: membership.orgId },
    });
  }
  return { userId: principal.userId, via: principal.via, ...membership };
}
