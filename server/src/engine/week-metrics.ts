import {
  type DayFacts,
  type IsoWeek,
  MANAGER_SUBTYPE_KEYS,
  type ManagerMinutesBySubtype,
  type ResolvedThresholds,
  type Signal,
  type WeekDetail,
  type WeekMetrics,
} from '@tiltmeter/shared';
import { computeDayDetail, computeDayFacts, type DayContext } from './day-facts.ts';
import { rankSeriesByFocusCost } from './focus-cost.ts';
import type { MetricEntry } from './intervals.ts';
import { datesOfIsoWeek } from './time.ts';

export interface WeekContext extends DayContext {
  /** A day with at least this much manager time is a heavy meeting day. */
  heavyMeetingDayMinutes: number;
}

/**
 * A week rolled up from its day facts: the fields of the week API (without target and signals) plus
 * what the signals, the trend and the retro need.
 */
export interface WeekRollup extends Omit<WeekMetrics, 'target' | 'signals'> {
  /** True length of the week in minutes: 10020 or 10140 when it holds a DST change. */
  weekMinutes: number;
  managerBySubtype: ManagerMinutesBySubtype;
  deepBlockMinutes: number;
  capacityMinutes: number;
  capacityBlockMinutes: number;
  fragmentedCapacityMinutes: number;
  /** Distinct manager entries (one crossing midnight counts once). */
  meetingCount: number;
  backToBackChains: number;
  focusCostMinutes: number;
  /** Manager minutes of each local date, Monday first, for the per-day heavy meeting signal. */
  dailyManagerMinutes: { date: string; minutes: number }[];
}

const sum = (days: readonly DayFacts[], pick: (day: DayFacts) => number) =>
  days.reduce((total, day) => total + pick(day), 0);

/**
 * Rolls a week up from stored day facts. Days without a row are days without entries: their facts
 * are computed from the context (an empty working day still has its full capacity). A week with no
 * maker or manager time is a week off, so none of its days count as meeting-free.
 */
export function rollUpWeek(week: IsoWeek, stored: readonly DayFacts[], context: WeekContext): WeekRollup {
  const dates = datesOfIsoWeek(week);
  const byDate = new Map<string, DayFacts>();
  for (const day of stored) {
    if (!dates.includes(day.date)) throw new RangeError(`day ${day.date} is not in week ${week}`);
    if (byDate.has(day.date)) throw new RangeError(`day ${day.date} given twice`);
    byDate.set(day.date, day);
  }
  const days = dates.map((date) => byDate.get(date) ?? computeDayFacts([], date, context));

  const makerMinutes = sum(days, (d) => d.makerMinutes);
  const managerMinutes = sum(days, (d) => d.managerMinutes);
  const worked = makerMinutes + managerMinutes > 0;
  const managerBySubtype = Object.fromEntries(
    MANAGER_SUBTYPE_KEYS.map((key) => [key, sum(days, (d) => d.managerBySubtype[key])]),
  ) as ManagerMinutesBySubtype;

  return {
    week,
    makerMinutes,
    managerMinutes,
    neutralMinutes: sum(days, (d) => d.neutralMinutes),
    makerShare: worked ? makerMinutes / (makerMinutes + managerMinutes) : null,
    deepBlocks: sum(days, (d) => d.deepBlocks),
    deepMinutes: sum(days, (d) => d.deepMinutes),
    fragmentedMakerMinutes: sum(days, (d) => d.fragmentedMakerMinutes),
    longestBlockMinutes: Math.max(0, ...days.map((d) => d.longestBlockMinutes)),
    heavyMeetingDays: days.filter((d) => d.managerMinutes >= context.heavyMeetingDayMinutes).length,
    meetingFreeDays: worked ? days.filter((d) => d.workingDay && d.meetingCount === 0).length : 0,
    afterHoursMinutes: sum(days, (d) => d.afterHoursMinutes),
    weekendMinutes: sum(days, (d) => d.weekendMinutes),
    contextSwitches: sum(days, (d) => d.contextSwitches),
    weekMinutes: sum(days, (d) => d.dayMinutes),
    managerBySubtype,
    deepBlockMinutes: context.deepBlockMinutes,
    capacityMinutes: sum(days, (d) => d.capacityMinutes),
    capacityBlockMinutes: sum(days, (d) => d.capacityBlockMinutes),
    fragmentedCapacityMinutes: sum(days, (d) => d.fragmentedCapacityMinutes),
    meetingCount: new Set(days.flatMap((d) => d.meetings.map((m) => m.entryId))).size,
    backToBackChains: sum(days, (d) => d.backToBackChains),
    focusCostMinutes: sum(days, (d) => d.focusCostMinutes),
    dailyManagerMinutes: days.map((d) => ({ date: d.date, minutes: d.managerMinutes })),
  };
}

/** The week API object: exactly the public contract's fields. */
export function toWeekMetrics(
  rollup: WeekRollup,
  signals: readonly Signal[],
  thresholds: ResolvedThresholds,
): WeekMetrics {
  return {
    week: rollup.week,
    makerMinutes: rollup.makerMinutes,
    managerMinutes: rollup.managerMinutes,
    neutralMinutes: rollup.neutralMinutes,
    makerShare: rollup.makerShare,
    deepBlocks: rollup.deepBlocks,
    deepMinutes: rollup.deepMinutes,
    fragmentedMakerMinutes: rollup.fragmentedMakerMinutes,
    longestBlockMinutes: rollup.longestBlockMinutes,
    heavyMeetingDays: rollup.heavyMeetingDays,
    meetingFreeDays: rollup.meetingFreeDays,
    afterHoursMinutes: rollup.afterHoursMinutes,
    weekendMinutes: rollup.weekendMinutes,
    contextSwitches: rollup.contextSwitches,
    target: thresholds.values.targetMakerShare,
    signals: [...signals],
  };
}

/**
 * The by-day view of a week straight from entries: each day's facts (blocks, capacity blocks, every
 * manager entry with its focus cost) with its resolved timeline, and the week's recurring meetings
 * ranked by focus cost.
 */
export function computeWeekDetail(
  entries: readonly MetricEntry[],
  week: IsoWeek,
  context: DayContext,
): WeekDetail {
  const days = datesOfIsoWeek(week).map((date) => computeDayDetail(entries, date, context));
  return {
    week,
    timeZone: context.timeZone,
    days,
    series: rankSeriesByFocusCost(days.map((day) => day.facts)),
  };
}
