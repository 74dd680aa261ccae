import type { AuditAction } from '@tiltmeter/shared/audit';

/** Query-key factory: every key of the feature starts with `all`, so one invalidation covers them. */
export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: { action?: AuditAction | undefined }) => [...auditKeys.all, 'list', filters] as const,
};
