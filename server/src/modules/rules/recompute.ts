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
  options: { allFacts?: boolean } = {},
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
    const dates = datesOf(options.allFacts ? rows : touched, context.metrics.timeZone);
    if (options.allFacts) {
      // Zone, working hours or N changed: every stored day is stale. Start over from the entries.
      await tx`DELETE FROM member_day_facts WHERE organization_id = ${scope.organizationId} AND member_id = ${scope.memberId}`;
    }
    return { result: { changed: changed.length }, touched: dates };
  });
}

/**
 * After a rule change: reclassify the members the change can affect (a team's members for a team
 * rule, everyone for an organization rule), one member-transaction at a time, reporting progress.
 * With `allFacts` (a change of zone, working hours or N), every stored day is rebuilt too.
 */
export async function recomputeClassifications(
  db: Db,
  sql: Sql,
  target: { organizationId: string; teamId?: string | null; memberId?: string | null; allFacts?: boolean },
  onProgress: (progress: RecomputeProgress) => Promise<void> | void = () => {},
): Promise<{ members: number; changed: number }> {
  const members = await db.member.findMany({
    where: {
      organizationId: target.organizationId,
      ...(target.teamId ? { teams: { some: { teamId: target.teamId } } } : {}),
      ...(target.memberId ? { id: target.memberId } : {}),
    },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  let changed = 0;
  await onProgress({ done: 0, total: members.length });
  for (const [index, member] of members.entries()) {
    const result = await reclassifyMember(
      db,
      sql,
      { organizationId: target.organizationId, memberId: member.id },
      { allFacts: target.allFacts ?? false },
    );
    changed += result.changed;
    await onProgress({ done: index + 1, total: members.length });
  }
  return { members: members.length, changed };
}
