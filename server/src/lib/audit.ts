import type { AuditAction, AuditTargetType } from '@tiltmeter/shared';
import type { Prisma } from '../generated/prisma/client.ts';
import type { AuthContext } from '../plugins/auth.ts';
import type { TenantClient } from './tenant-client.ts';

export interface AuditTarget {
  type: AuditTargetType;
  id: string;
}

/**
 * Records a sensitive action in the caller's organization (admins read it at GET /api/v1/audit). Call
 * it with the same client as the change itself (inside its transaction), so the change and its record
 * commit together. `details` holds facts, never secrets (no tokens, no passwords).
 */
export async function recordAudit(
  db: TenantClient,
  auth: Pick<AuthContext, 'orgId' | 'memberId'> | { orgId: string; memberId: null },
  action: AuditAction,
  target: AuditTarget | null,
  details: Record<string, Prisma.InputJsonValue | null> = {},
): Promise<void> {
  await db.auditEvent.create({
    data: {
      // The scoped client stamps the organization anyway; naming it keeps the types honest.
      organizationId: auth.orgId,
      actorMemberId: auth.memberId,
      action,
      targetType: target?.type ?? null,
      targetId: target?.id ?? null,
      details,
    },
  });
}
