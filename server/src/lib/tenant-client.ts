import type { ITXClientDenyList } from '@prisma/client/runtime/client';
import type { TenantDb } from './tenant-db.ts';

/**
 * A tenant-scoped client (`request.db`) or the transaction client of one (`db.$transaction(async (tx) =>
 * ...)`): services and helpers that run inside or outside a transaction take this.
 */
export type TenantClient = TenantDb | Omit<TenantDb, ITXClientDenyList>;
