import {
  DEFAULT_ROLE_PROFILE,
  DEFAULT_WORKING_HOURS,
  type ListMembersResponse,
  type Member,
  type MemberRole,
} from '@tiltmeter/shared';
import type { Prisma } from '../../generated/prisma/client.ts';
import { recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { requireAdmin } from '../../lib/permissions.ts';
import type { TenantClient } from '../../lib/tenant-client.ts';
import type { TenantDb } from '../../lib/tenant-db.ts';
import { type AuthContext, asRole } from '../../plugins/auth.ts';
import type { Db } from '../../plugins/database.ts';

export const memberSelect = {
  id: true,
  userId: true,
  role: true,
  createdAt: true,
  user: { select: { name: true, email: true } },
  settings: { select: { displayName: true } },
} satisfies Prisma.MemberSelect;

type MemberRow = Prisma.MemberGetPayload<{ select: typeof memberSelect }>;

export function toMemberDto(row: MemberRow): Member {
  return {
    id: row.id,
    userId: row.userId,
    name: row.user.name,
    email: row.user.email,
    displayName: row.settings?.displayName ?? row.user.name,
    role: asRole(row.role),
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Makes a user a member of an organization, with default settings. Used where someone enters an
 * organization the request is not scoped to yet (sign-up, an accepted invitation, the admin CLI), so
 * it names the organization explicitly; `db` is the unscoped client or its transaction.
 */
export async function addMembership(
  db: Db | Prisma.TransactionClient,
  input: { organizationId: string; userId: string; role: MemberRole; timeZone: string },
): Promise<{ memberId: string }> {
  const member = await db.member.create({
    data: { organizationId: input.organizationId, userId: input.userId, role: input.role },
    select: { id: true },
  });
  await db.memberSettings.create({
    data: {
      memberId: member.id,
      organizationId: input.organizationId,
      timeZone: input.timeZone,
      workingHours: DEFAULT_WORKING_HOURS,
      roleProfile: DEFAULT_ROLE_PROFILE,
    },
  });
  return { memberId: member.id };
}

export async function listMembers(db: TenantDb): Promise<ListMembersResponse> {
  const rows = await db.member.findMany({ select: memberSelect, orderBy: { createdAt: 'asc' } });
  return { items: rows.map(toMemberDto) };
}

/**
 * Locks the organization's admin rows until the transaction ends, so two admins demoting or removing
 * each other at once cannot leave the organization without one.
 */
async function lockAdmins(tx: TenantClient, orgId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM members WHERE organization_id = ${orgId} AND role = 'admin' FOR UPDATE`;
  return rows.length;
}

export async function changeMemberRole(
  db: TenantDb,
  auth: AuthContext,
  memberId: string,
  role: MemberRole,
): Promise<Member> {
  return db.$transaction(async (tx) => {
    const member = await tx.member.findUnique({ where: { id: memberId }, select: memberSelect });
    if (!member) throw notFound('Member');
    requireAdmin(auth, 'change roles');
    const from = asRole(member.role);
    if (from === role) return toMemberDto(member);
    if (from === 'admin' && (await lockAdmins(tx, auth.orgId)) <= 1) {
      throw new AppError(
        'conflict',
        'The organization needs at least one admin: make someone else admin first',
      );
    }
    const updated = await tx.member.update({ where: { id: memberId }, data: { role }, select: memberSelect });
    await recordAudit(tx, auth, 'member.role_changed', { type: 'member', id: memberId }, { from, to: role });
    return toMemberDto(updated);
  });
}

/** Removes the membership, and with it the member's entries, settings, team places and tokens. */
export async function removeMember(db: TenantDb, auth: AuthContext, memberId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const member = await tx.member.findUnique({ where: { id: memberId }, select: memberSelect });
    if (!member) throw notFound('Member');
    requireAdmin(auth, 'remove members');
    if (member.role === 'admin' && (await lockAdmins(tx, auth.orgId)) <= 1) {
      throw new AppError(
        'conflict',
        'The organization needs at least one admin: make someone else admin first',
      );
    }
    await tx.member.delete({ where: { id: memberId } });
    await recordAudit(
      tx,
      auth,
      'member.removed',
      { type: 'member', id: memberId },
      { userId: member.userId, email: member.user.email, role: member.role },
    );
  });
}
