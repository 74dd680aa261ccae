import { randomBytes } from 'node:crypto';
import type { ListMyOrganizationsResponse, Organization, UpdateOrganizationBody } from '@tiltmeter/shared';
import type { Prisma } from '../../generated/prisma/client.ts';
import { recordAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import { requireAdmin } from '../../lib/permissions.ts';
import { scopedDb, type TenantDb } from '../../lib/tenant-db.ts';
import { type AuthContext, asRole, type Principal } from '../../plugins/auth.ts';
import type { Db } from '../../plugins/database.ts';
import { addMembership } from '../members/members.service.ts';
import { installDefaultRules } from '../rules/rule-sets.ts';

export const organizationSelect = {
  id: true,
  name: true,
  slug: true,
  minGroupSize: true,
  titlePolicy: true,
  createdAt: true,
} satisfies Prisma.OrganizationSelect;

type OrganizationRow = Prisma.OrganizationGetPayload<{ select: typeof organizationSelect }>;

export function toOrganizationDto(row: OrganizationRow): Organization {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** `acme-labs-3f9a1c`: readable, and unique without a retry loop. */
function slugFor(name: string): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'org'}-${randomBytes(3).toString('hex')}`;
}

/**
 * A new organization with `userId` as its admin (default settings in the given time zone) and the
 * default classification rules. Sign-up and the admin CLI both make organizations this way.
 */
export async function createOrganizationWithAdmin(
  db: Db,
  input: { userId: string; name: string; timeZone: string },
): Promise<{ organizationId: string; memberId: string; slug: string }> {
  const created = await db.$transaction(async (tx) => {
    const organization = await tx.organization.create({
      data: { name: input.name, slug: slugFor(input.name) },
      select: { id: true, slug: true },
    });
    const { memberId } = await addMembership(tx, {
      organizationId: organization.id,
      userId: input.userId,
      role: 'admin',
      timeZone: input.timeZone,
    });
    await tx.auditEvent.create({
      data: {
        organizationId: organization.id,
        actorMemberId: memberId,
        action: 'organization.created',
        targetType: 'organization',
        targetId: organization.id,
        details: { name: input.name },
      },
    });
    return { organizationId: organization.id, memberId, slug: organization.slug };
  });
  try {
    await installDefaultRules(scopedDb(db, created.organizationId));
  } catch (error) {
    // An organization without its rules would classify nothing: take it back rather than keep it half-made.
    await db.organization.delete({ where: { id: created.organizationId } }).catch(() => {});
    throw error;
  }
  return created;
}

/** The organizations the user belongs to (not scoped: it is the list of scopes to choose from). */
export async function listMyOrganizations(
  db: Db,
  principal: Principal,
  auth: AuthContext | null,
): Promise<ListMyOrganizationsResponse> {
  const memberships = await db.member.findMany({
    where: { userId: principal.userId },
    select: { role: true, organization: { select: { id: true, name: true, slug: true } } },
    orderBy: { createdAt: 'asc' },
  });
  // An API token acts in its own organization only, so it lists only that one.
  const visible =
    principal.via === 'token' ? memberships.filter((m) => m.organization.id === auth?.orgId) : memberships;
  return {
    items: visible.map((membership) => ({
      ...membership.organization,
      role: asRole(membership.role),
      current: membership.organization.id === auth?.orgId,
    })),
  };
}

/**
 * Makes another of the user's organizations the current one of this browser session; returns the
 * context the session acts in from now on.
 */
export async function switchOrganization(
  db: Db,
  principal: Principal,
  organizationId: string,
): Promise<AuthContext> {
  if (!principal.sessionId) {
    throw new AppError('forbidden', 'API tokens are bound to the organization they were created in');
  }
  const membership = await db.member.findFirst({
    where: { userId: principal.userId, organizationId },
    select: { id: true, role: true },
  });
  // Not a member and no such organization look the same: other organizations' ids reveal nothing.
  if (!membership) throw new AppError('not_found', 'Organization not found');
  await db.session.update({
    where: { id: principal.sessionId },
    data: { activeOrganizationId: organizationId },
  });
  return {
    userId: principal.userId,
    memberId: membership.id,
    orgId: organizationId,
    role: asRole(membership.role),
    via: 'session',
  };
}

export async function updateCurrentOrganization(
  db: TenantDb,
  auth: AuthContext,
  input: UpdateOrganizationBody,
): Promise<Organization> {
  requireAdmin(auth, 'change the organization');
  return db.$transaction(async (tx) => {
    // Organization is the tenant itself, not a tenant table: it is addressed by the caller's orgId only.
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: auth.orgId },
      select: organizationSelect,
    });
    const updated = await tx.organization.update({
      where: { id: auth.orgId },
      data: input,
      select: organizationSelect,
    });
    const changes = Object.fromEntries(
      (Object.keys(input) as (keyof UpdateOrganizationBody)[]).map((key) => [
        key,
        { from: before[key], to: updated[key] },
      ]),
    );
    await recordAudit(tx, auth, 'organization.updated', { type: 'organization', id: auth.orgId }, changes);
    return toOrganizationDto(updated);
  });
}
