import type { Db } from '../plugins/database.ts';

/**
 * Models whose rows belong to one organization (they carry organization_id). A test checks this list
 * against schema.prisma, so a new tenant table cannot be forgotten here.
 */
export const TENANT_MODELS = new Set([
  'Member',
  'MemberSettings',
  'Team',
  'TeamMember',
  'Invitation',
  'Entry',
  'SeriesOverride',
  'Rule',
  'ThresholdSetting',
  'MemberDayFact',
  'ImportBatch',
  'CalendarSubscription',
  'ApiToken',
  'AuditEvent',
  'BackgroundJob',
]);

const FILTERED_OPERATIONS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'delete',
  'deleteMany',
]);

type Args = Record<string, unknown> & { where?: Record<string, unknown> };

/**
 * The one place tenancy is enforced for Prisma: a client whose every query on a tenant model is
 * limited to `organizationId`, and whose every create stamps it. Services receive this client (as
 * `request.db`), so forgetting a filter cannot leak another organization's rows. Nested writes are not
 * rewritten: services create related tenant rows with their own top-level calls.
 */
export function scopedDb(db: Db, organizationId: string) {
  return db.$extends({
    name: 'tenant-scope',
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (!TENANT_MODELS.has(model)) return query(args);
          const scoped = { ...(args as Args) };
          if (FILTERED_OPERATIONS.has(operation)) {
            scoped.where = { ...scoped.where, organizationId };
          } else if (operation === 'create') {
            scoped.data = { ...(scoped.data as object), organizationId };
          } else if (operation === 'createMany' || operation === 'createManyAndReturn') {
            const data = scoped.data as object | object[];
            scoped.data = Array.isArray(data)
              ? data.map((row) => ({ ...row, organizationId }))
              : { ...data, organizationId };
          } else if (operation === 'upsert') {
            scoped.where = { ...scoped.where, organizationId };
            scoped.create = { ...(scoped.create as object), organizationId };
          }
          return query(scoped as typeof args);
        },
      },
    },
  });
}

export type TenantDb = ReturnType<typeof scopedDb>;
