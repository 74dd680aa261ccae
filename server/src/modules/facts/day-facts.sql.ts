import type { DayFacts } from '@tiltmeter/shared';
import { computeDayFacts } from '../../engine/index.ts';
import { dayBounds, isoWeekOfDate, localDatesTouched } from '../../engine/time.ts';
import { selectCountedEntriesBetween, type Tx } from '../entries/entry-store.sql.ts';
import type { MemberMetricContext } from './metric-context.ts';

function toRow(organizationId: string, memberId: string, facts: DayFacts) {
  return {
    organization_id: organizationId,
    member_id: memberId,
    local_date: facts.date,
    iso_week: isoWeekOfDate(facts.date),
    time_zone: facts.timeZone,
    deep_block_minutes: facts.deepBlockMinutes,
    working_day: facts.workingDay,
    maker_minutes: facts.makerMinutes,
    manager_minutes: facts.managerMinutes,
    neutral_minutes: facts.neutralMinutes,
    manager_by_subtype: facts.managerBySubtype,
    deep_blocks: facts.deepBlocks,
    deep_minutes: facts.deepMinutes,
    longest_block_minutes: facts.longestBlockMinutes,
    fragmented_maker_minutes: facts.fragmentedMakerMinutes,
    capacity_minutes: facts.capacityMinutes,
    capacity_block_minutes: facts.capacityBlockMinutes,
    fragmented_capacity_minutes: facts.fragmentedCapacityMinutes,
    meeting_count: facts.meetingCount,
    back_to_back_chains: facts.backToBackChains,
    focus_cost_minutes: facts.focusCostMinutes,
    after_hours_minutes: facts.afterHoursMinutes,
    weekend_minutes: facts.weekendMinutes,
    context_switches: facts.contextSwitches,
    details: facts,
  };
}

const FACT_COLUMNS = [
  ['organization_id', 'text'],
  ['member_id', 'text'],
  ['local_date', 'date'],
  ['iso_week', 'text'],
  ['time_zone', 'text'],
  ['deep_block_minutes', 'integer'],
  ['working_day', 'boolean'],
  ['maker_minutes', 'integer'],
  ['manager_minutes', 'integer'],
  ['neutral_minutes', 'integer'],
  ['manager_by_subtype', 'jsonb'],
  ['deep_blocks', 'integer'],
  ['deep_minutes', 'integer'],
  ['longest_block_minutes', 'integer'],
  ['fragmented_maker_minutes', 'integer'],
  ['capacity_minutes', 'integer'],
  ['capacity_block_minutes', 'integer'],
  ['fragmented_capacity_minutes', 'integer'],
  ['meeting_count', 'integer'],
  ['back_to_back_chains', 'integer'],
  ['focus_cost_minutes', 'integer'],
  ['after_hours_minutes', 'integer'],
  ['weekend_minutes', 'integer'],
  ['context_switches', 'integer'],
  ['details', 'jsonb'],
] as const satisfies readonly (readonly [keyof ReturnType<typeof toRow>, string])[];

/**
 * All of a rebuild's rows in one statement: the rows travel as one JSON array parameter and
 * json_to_recordset turns them into typed columns. A year of days is one round trip and one parse,
 * where a multi-row VALUES list binds 25 parameters per row.
 */
const INSERT_FACTS = `INSERT INTO member_day_facts (${FACT_COLUMNS.map(([column]) => column).join(', ')})
  SELECT ${FACT_COLUMNS.map(([column]) => column).join(', ')}
    FROM json_to_recordset($1::text::json) AS r(${FACT_COLUMNS.map(([column, type]) => `${column} ${type}`).join(', ')})`;

/**
 * Recomputes the stored facts of the given local dates of one member from their entries, inside the
 * caller's transaction, so entries and facts change together. Days without counted time are stored
 * too (as zeros): a stored day is always the truth for that day.
 */
export async function rebuildDayFacts(
  tx: Tx,
  scope: { organizationId: string; memberId: string },
  context: MemberMetricContext,
  dates: Iterable<string>,
): Promise<number> {
  const sorted = [...new Set(dates)].sort();
  if (sorted.length === 0) return 0;
  const first = dayBounds(sorted[0] as string, context.timeZone).start;
  const last = dayBounds(sorted[sorted.length - 1] as string, context.timeZone).end;
  const entries = await selectCountedEntriesBetween(tx, scope, new Date(first), new Date(last));
  // Each entry goes to the days it overlaps (usually one), rather than every day scanning every entry.
  const byDate = new Map<string, (typeof entries)[number][]>(sorted.map((date) => [date, []]));
  for (const entry of entries) {
    for (const date of localDatesTouched(entry, context.timeZone)) byDate.get(date)?.push(entry);
  }
  const rows = sorted.map((date) =>
    toRow(scope.organizationId, scope.memberId, computeDayFacts(byDate.get(date) ?? [], date, context)),
  );
  await tx`DELETE FROM member_day_facts
            WHERE organization_id = ${scope.organizationId} AND member_id = ${scope.memberId}
              AND local_date = ANY(${sorted}::date[])`;
  await tx.unsafe(INSERT_FACTS, [JSON.stringify(rows)]);
  return rows.length;
}
