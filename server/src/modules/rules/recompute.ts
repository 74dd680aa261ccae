import { scopedDb } from '../../lib/tenant-db.ts';
import type { Db, Sql } from '../../plugins/database.ts';
import { selectEntries, upsertEntries } from '../entries/entry-store.sql.ts';
import {
  classifyRow,
  datesOf,
  loadWriteContext,
  rowChanged,
  writeForMember,
} from '../entries/entry-writer.ts';

export interface RecomputeProgress {
  done: number;
  total: number;
}

/**
 * Reclassifies every entry of one member with the current rules and overrides, and rebuilds the day
 * facts of every day whose classification changed, in one transaction: the member's numbers are
 * never a mix of old and new rules.
 */
export async function reclassifyMember(
  db: Db,
  sql: Sql,
  scope: { organizationId: string; memberId: string },
): Promise<{ changed: number }> {
  const context = await loadWriteContext(scopedDb(db, scope.organizationId), scope.memberId);
  return writeForMember(sql, scope, context, async (tx) => {
    const rows = await selectEntries(tx, scope, {});
    const changed = [];
    const touched = [];
    for (const before of rows) {
      const after = classifyRow(context, before);
      if (rowChanged(before, after)) {
        changed.push(after);
        touched.push(before, after);
      }
    }
    await upsertEntries(tx, changed);
    return { result: { changed: changed.length }, touched: datesOf(touched, context.metrics.timeZone) };
  });
}

/**
 * After a rule change: reclassify the members the change can affect (a team's members for a team
 * rule, everyone for an organization rule), one member-transaction at a time, reporting progress.
 */
export async function recomputeClassifications(
  db: Db,
  sql: Sql,
  target: { organizationId: string; teamId: string | null },
  onProgress: (progress: RecomputeProgress) => Promise<void> | void = () => {},
): Promise<{ members: number; changed: number }> {
  const members = await db.member.findMany({
    where: {
      organizationId: target.organizationId,
      ...(target.teamId ? { teams: { some: { teamId: target.teamId } } } : {}),
    },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  let changed = 0;
  await onProgress({ done: 0, total: members.length });
  for (const [index, member] of members.entries()) {
    const result = await reclassifyMember(db, sql, {
      organizationId: target.organizationId,
      memberId: member.id,
    });
    changed += result.changed;
    await onProgress({ done: index + 1, total: members.length });
  }
  return { members: members.length, changed };
}
