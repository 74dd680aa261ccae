import type { DayFacts } from '@tiltmeter/shared';
import type postgres from 'postgres';
import { computeDayFacts } from '../../engine/index.ts';
import { dayBounds, isoWeekOfDate } from '../../engine/time.ts';
import { selectCountedEntriesBetween, type Tx } from '../entries/entry-store.sql.ts';
import type { MemberMetricContext } from './metric-context.ts';

const INSERT_CHUNK = 500;

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
  const rows = sorted.map((date) => {
    const bounds = dayBounds(date, context.timeZone);
    const ofDay = entries.filter(
      (entry) => entry.start.getTime() < bounds.end && entry.end.getTime() > bounds.start,
    );
    return toRow(scope.organizationId, scope.memberId, computeDayFacts(ofDay, date, context));
  });
  await tx`DELETE FROM member_day_facts
            WHERE organization_id = ${scope.organizationId} AND member_id = ${scope.memberId}
              AND local_date = ANY(${sorted}::date[])`;
  for (let index = 0; index < rows.length; index += INSERT_CHUNK) {
    const chunk = rows.slice(index, index + INSERT_CHUNK);
    await tx`INSERT INTO member_day_facts ${tx(chunk as unknown as Record<string, postgres.SerializableParameter>[])}`;
  }
  return rows.length;
}
