import type { AuditEvent, ListAuditQuery, ListAuditResponse } from '@tiltmeter/shared';
import type { Prisma } from '../../generated/prisma/client.ts';
import { AppError } from '../../lib/errors.ts';
import { requireAdmin } from '../../lib/permissions.ts';
import type { TenantDb } from '../../lib/tenant-db.ts';
import type { AuthContext } from '../../plugins/auth.ts';

const auditSelect = {
  id: true,
  actorMemberId: true,
  action: true,
  targetType: true,
  targetId: true,
  details: true,
  createdAt: true,
} satisfies Prisma.AuditEventSelect;

/** Cursor: the last event's instant and id, so pages stay stable while new events arrive. */
function encodeCursor(event: { createdAt: Date; id: string }): string {
  return Buffer.from(`${event.createdAt.toISOString()}|${event.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [instant, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(instant ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) throw new AppError('bad_request', 'The cursor is not valid');
  return { createdAt, id };
}

export async function listAudit(
  db: TenantDb,
  auth: AuthContext,
  query: { action?: ListAuditQuery['action']; targetId?: string; limit: number; cursor?: string },
): Promise<ListAuditResponse> {
  requireAdmin(auth, 'read the audit log');
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await db.auditEvent.findMany({
    where: {
      ...(query.action ? { action: query.action } : {}),
      ...(query.targetId ? { targetId: query.targetId } : {}),
      ...(after
        ? {
            OR: [
              { createdAt: { lt: after.createdAt } },
              { createdAt: after.createdAt, id: { lt: after.id } },
            ],
          }
        : {}),
    },
    select: auditSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const actorIds = [
    ...new Set(page.map((row) => row.actorMemberId).filter((id): id is string => id !== null)),
  ];
  const actors = await db.member.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, user: { select: { name: true } }, settings: { select: { displayName: true } } },
  });
  const names = new Map(actors.map((actor) => [actor.id, actor.settings?.displayName ?? actor.user.name]));
  const items: AuditEvent[] = page.map((row) => {
    const actorName = row.actorMemberId ? names.get(row.actorMemberId) : undefined;
    return {
      id: row.id,
      action: row.action,
      actor: row.actorMemberId && actorName ? { memberId: row.actorMemberId, displayName: actorName } : null,
      targetType: row.targetType,
      targetId: row.targetId,
      details:
        row.details && typeof row.details === 'object' && !Array.isArray(row.details)
          ? (row.details as Record<string, unknown>)
          : {},
      createdAt: row.createdAt.toISOString(),
    };
  });
  const last = page.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}
