import { z } from 'zod';

/**
 * The audit log of sensitive actions, visible to admins. Add an action here before recording it
 * (server: `recordAudit(db, auth, action, target, details)` in server/src/lib/audit.ts).
 */
export const AUDIT_ACTIONS = [
  'organization.created',
  'organization.updated',
  'member.joined',
  'member.role_changed',
  'member.removed',
  'invitation.created',
  'invitation.canceled',
  'team.created',
  'team.updated',
  'team.archived',
  'team.member_added',
  'team.member_removed',
  'team.lead_changed',
  'settings.sharing_changed',
  'token.created',
  'token.revoked',
  /** Someone looked at another member's individual metrics (details: { reason }). */
  'metrics.individual_viewed',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const AUDIT_TARGET_TYPES = ['organization', 'member', 'invitation', 'team', 'token'] as const;
export const AuditTargetTypeSchema = z.enum(AUDIT_TARGET_TYPES);
export type AuditTargetType = z.infer<typeof AuditTargetTypeSchema>;

export const AuditEventSchema = z.object({
  id: z.string(),
  action: z.string(),
  /** Who did it; null when the member no longer exists or the action came from the admin CLI. */
  actor: z.object({ memberId: z.string(), displayName: z.string() }).nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const ListAuditQuerySchema = z.object({
  action: AuditActionSchema.optional(),
  /** Events about this target id only (a member, team, token...). */
  targetId: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().min(1).optional(),
});
export type ListAuditQuery = z.input<typeof ListAuditQuerySchema>;

export const ListAuditResponseSchema = z.object({
  items: z.array(AuditEventSchema),
  /** Pass as `cursor` for older events; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ListAuditResponse = z.infer<typeof ListAuditResponseSchema>;

export const auditEndpoints = {
  /** Admin only: newest first. */
  list: {
    method: 'GET',
    url: '/api/v1/audit',
    schema: { querystring: ListAuditQuerySchema, response: { 200: ListAuditResponseSchema } },
  },
} as const;
