import {
  DEFAULT_WEEK_RANGE,
  type IsoWeek,
  MANAGER_SUBTYPE_KEYS,
  type ManagerMinutesBySubtype,
  type Thresholds,
  type WeekSeriesItem,
  weekRangeProblem,
} from '@tiltmeter/shared';
import {
  addDays,
  addIsoWeeks,
  computeSignals,
  DRIFT_BASELINE_WEEKS,
  DRIFT_WINDOW_WEEKS,
  datesOfIsoWeek,
  isoWeekIndex,
  isoWeekOf,
  isoWeekOfDate,
  type SignalWeekInput,
  workingIntervals,
} from '../../engine/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { MemberMetricContext } from '../facts/metric-context.ts';
import type { WeekAggregateRow } from './metrics.sql.ts';

/**
 * A member's weekly series from week aggregates of stored day facts (metrics.sql.ts): the same numbers
 * `rollUpWeek` gives from the days' facts, computed from sums, so a year of weeks costs one grouped
 * read whatever the number of entries. A test holds the two equal.
 */

export interface WeekRange {
  from: IsoWeek;
  to: IsoWeek;
}

/** Every ISO week from `from` to `to`, inclusive. */
export function weeksBetween(from: IsoWeek, to: IsoWeek): IsoWeek[] {
  const first = isoWeekIndex(from);
  const last = isoWeekIndex(to);
  if (last < first) return [];
  // Step by Mondays (cheaper than converting every index back to a week).
  const weeks: IsoWeek[] = [from];
  let monday = datesOfIsoWeek(from)[0] as string;
  for (let i = first + 1; i <= last; i++) {
    monday = addDays(monday, 7);
    weeks.push(isoWeekOfDate(monday));
  }
  return weeks;
}

/** The local dates [Monday of `from`, Sunday of `to`]. */
export function dateRangeOf(range: WeekRange): { fromDate: string; toDate: string } {
  return { fromDate: datesOfIsoWeek(range.from)[0] as string, toDate: datesOfIsoWeek(range.to)[6] as string };
}

/**
 * Fills in the defaults of a week range query (`to`: the current week in `timeZone`; `from`: the 26
 * weeks ending with `to`) and checks the result, with the same 400 the schema gives.
 */
export function resolveWeekRange(
  query: { from?: IsoWeek | undefined; to?: IsoWeek | undefined },
  timeZone: string,
  now: number = Date.now(),
): WeekRange {
  const to = query.to ?? isoWeekOf(now, timeZone);
  const from = query.from ?? addIsoWeeks(to, -(DEFAULT_WEEK_RANGE - 1));
  const problem = weekRangeProblem(from, to);
  if (problem) {
    const path = query.to ? problem.path : 'from';
    const message = query.to
      ? problem.message
      : `${problem.message} (to defaults to the current week, ${to})`;
    throw new AppError('validation_failed', `Invalid querystring.${path}: ${message}`, [
      { path: ['querystring', path], message },
    ]);
  }
  return { from, to };
}

/**
 * How many weeks before `from` the signals need: the burnout streak (26 weeks by default; a week off
 * carries a streak, so twice that), the drift window and baseline (16), the after-hours window. At
 * least a year, so a streak is counted over at least 52 weeks.
 */
export function lookbackWeeks(thresholds: Thresholds): number {
  return Math.max(
    52,
    2 * thresholds.burnoutWeeks,
    DRIFT_WINDOW_WEEKS + DRIFT_BASELINE_WEEKS,
    2 * thresholds.afterHoursWindowWeeks,
  );
}

/** A week rolled up from its aggregate: what the signals read, plus the contract's fields. */
export interface AggregateRollup extends SignalWeekInput {
  neutralMinutes: number;
  deepMinutes: number;
  fragmentedMakerMinutes: number;
  longestBlockMinutes: number;
  heavyMeetingDays: number;
  meetingFreeDays: number;
  contextSwitches: number;
  focusCostMinutes: number;
  managerBySubtype: ManagerMinutesBySubtype;
}

const emptyBySubtype = () =>
  Object.fromEntries(MANAGER_SUBTYPE_KEYS.map((key) => [key, 0])) as ManagerMinutesBySubtype;

/**
 * `rollUpWeek` over sums. Days without a stored row have no entries: they add nothing, except that an
 * empty working day of a worked week is meeting-free (as computeDayFacts([]) would say).
 */
export function rollUpAggregate(
  week: IsoWeek,
  row: WeekAggregateRow | undefined,
  context: Pick<MemberMetricContext, 'timeZone' | 'workingHours' | 'thresholds'>,
): AggregateRollup {
  const dates = datesOfIsoWeek(week);
  const stored = new Map<string, { managerMinutes: number; meetingFree: boolean }>();
  if (row) {
    row.dates.forEach((date, i) => {
      stored.set(date, {
        managerMinutes: row.dayManagerMinutes[i] ?? 0,
        meetingFree: row.dayMeetingFree[i] ?? false,
      });
    });
  }

  const makerMinutes = row?.makerMinutes ?? 0;
  const managerMinutes = row?.managerMinutes ?? 0;
  const worked = makerMinutes + managerMinutes > 0;
  const dailyManagerMinutes = dates.map((date) => ({ date, minutes: stored.get(date)?.managerMinutes ?? 0 }));
  const meetingFreeDays = worked
    ? dates.filter((date) => {
        const day = stored.get(date);
        return day
          ? day.meetingFree
          : workingIntervals(date, context.workingHours, context.timeZone).length > 0;
      }).length
    : 0;
  const heavy = context.thresholds.values.heavyMeetingDayMinutes;
  return {
    week,
    makerMinutes,
    managerMinutes,
    neutralMinutes: row?.neutralMinutes ?? 0,
    makerShare: worked ? makerMinutes / (makerMinutes + managerMinutes) : null,
    deepBlocks: row?.deepBlocks ?? 0,
    deepMinutes: row?.deepMinutes ?? 0,
    fragmentedMakerMinutes: row?.fragmentedMakerMinutes ?? 0,
    longestBlockMinutes: row?.longestBlockMinutes ?? 0,
    heavyMeetingDays: dailyManagerMinutes.filter((day) => day.minutes >= heavy).length,
    meetingFreeDays,
    afterHoursMinutes: row?.afterHoursMinutes ?? 0,
    weekendMinutes: row?.weekendMinutes ?? 0,
    contextSwitches: row?.contextSwitches ?? 0,
    focusCostMinutes: row?.focusCostMinutes ?? 0,
    managerBySubtype: row?.managerBySubtype ?? emptyBySubtype(),
    dailyManagerMinutes,
  };
}

/**
 * The series items of `range` for one member, from the aggregates of `range` and the lookback weeks
 * before it (rows of other members or weeks outside are ignored). Signals, drift and streaks are
 * computed over the whole history given, then the weeks of the range are returned, oldest first.
 */
export function buildWeekSeries(
  rows: readonly WeekAggregateRow[],
  context: MemberMetricContext,
  range: WeekRange,
  options: {
    /**
     * Where the history signals are computed over begins (default: `lookbackWeeks` before `range.from`).
     * A caller that needs exact signals only from some week of the range on (the org view) starts it
     * `lookbackWeeks` before that week; the weeks before carry exact minutes and shares regardless.
     */
    historyFrom?: IsoWeek;
  } = {},
): WeekSeriesItem[] {
  const history = weeksBetween(
    options.historyFrom ?? addIsoWeeks(range.from, -lookbackWeeks(context.thresholds.values)),
    range.to,
  );
  const byWeek = new Map<string, WeekAggregateRow>();
  for (const row of rows) if (row.memberId === context.memberId) byWeek.set(row.week, row);
  const rollups = history.map((week) => rollUpAggregate(week, byWeek.get(week), context));
  // Weeks before the first with data are weeks without entries: they change no signal, so they are
  // not handed to the engine (its cost grows with the weeks it is given).
  const firstWorked = rollups.findIndex((rollup) => byWeek.has(rollup.week));
  const signals = firstWorked < 0 ? [] : computeSignals(rollups.slice(firstWorked), context.thresholds);
  const offset = history.length - weeksBetween(range.from, range.to).length;
  const target = context.thresholds.values.targetMakerShare;
  const items: WeekSeriesItem[] = [];
  rollups.forEach((rollup, i) => {
    if (i < offset) return;
    const weekSignals = firstWorked < 0 || i < firstWorked ? undefined : signals[i - firstWorked];
    if (weekSignals && weekSignals.week !== rollup.week)
      throw new Error(`signals out of step at ${rollup.week}`);
    items.push({
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
      target,
      signals: weekSignals?.signals ?? [],
      drift: weekSignals?.drift ?? null,
      belowTargetStreak: weekSignals?.belowTargetStreak ?? 0,
      focusCostMinutes: rollup.focusCostMinutes,
      managerBySubtype: rollup.managerBySubtype,
    });
  });
  return items;
}
