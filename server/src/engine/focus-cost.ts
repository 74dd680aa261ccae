import type { DayFacts, SeriesFocusCost } from '@tiltmeter/shared';
import {
  type MetricEntry,
  mergeIntervals,
  minutesOf,
  overlapMinutes,
  runsOf,
  type Segment,
  subtractIntervals,
  toMinute,
} from './intervals.ts';
import type { Interval } from './time.ts';

/**
 * Time a person could have spent building: the maker time they declared, plus the free gaps inside
 * working hours (maker capacity). Measuring focus cost on both means a meeting costs the same whether
 * the day around it was declared as a focus block or simply left open.
 */
export function focusEligible(segments: readonly Segment[], working: readonly Interval[]): Interval[] {
  const capacity = subtractIntervals(working, runsOf(segments, 'manager'));
  return mergeIntervals([...runsOf(segments, 'maker'), ...capacity]);
}

export const deepRuns = (runs: readonly Interval[], deepBlockMinutes: number) =>
  runs.filter((run) => minutesOf(run) >= deepBlockMinutes);

const deepMinutes = (runs: readonly Interval[], deepBlockMinutes: number) =>
  deepRuns(runs, deepBlockMinutes).reduce((sum, run) => sum + minutesOf(run), 0);

export interface FocusCostInput {
  /** All entries of the day (any category); each meeting must be one of them. */
  entries: readonly MetricEntry[];
  /** The local day's bounds. */
  day: Interval;
  working: readonly Interval[];
  deepBlockMinutes: number;
}

/**
 * The deep time each manager entry destroys beyond its own duration, against the same day without it:
 * deep minutes without it, minus deep minutes with it, minus the minutes the entry itself sat on deep
 * time. What remains is the time it left in runs too short to count, e.g. a 30-minute meeting at 10:00
 * in an open 09:00-17:00 day strands 09:00-10:00 below N = 120 and costs 60 minutes. Never negative:
 * with the entry, the eligible time is a subset of the time without it minus the entry. Each entry is
 * measured with all the others in place (its marginal cost).
 */
export function focusCostsOf(input: FocusCostInput, meetings: readonly MetricEntry[]): number[] {
  const { entries, day, working, deepBlockMinutes } = input;
  const clip = (entry: MetricEntry): Interval => ({
    start: Math.max(toMinute(entry.start.getTime()), day.start),
    end: Math.min(toMinute(entry.end.getTime()), day.end),
  });
  // Eligible time is (maker time ∪ working hours) − manager time: manager time wins over everything,
  // and neutral time takes nothing away. So removing one meeting only frees the part of its own
  // interval that no other meeting covers, within maker time or working hours; everything else stays.
  // That is the same as replaying the day's timeline without it (focusEligible), at a fraction of the
  // cost: a day's replay per meeting made fact rebuilds quadratic in the meetings of a day.
  const makerOrWorking = mergeIntervals([
    ...entries.filter((entry) => entry.category === 'maker').map(clip),
    ...working,
  ]);
  const managers = entries
    .filter((entry) => entry.category === 'manager')
    .map((entry) => ({ entry, ...clip(entry) }))
    .filter((interval) => interval.end > interval.start);
  const eligibleWith = subtractIntervals(makerOrWorking, managers);
  const deepWith = deepMinutes(eligibleWith, deepBlockMinutes);
  return meetings.map((meeting) => {
    const own = clip(meeting);
    if (own.end <= own.start || !managers.some((manager) => manager.entry === meeting)) return 0;
    const others = managers.filter(
      (manager) => manager.entry !== meeting && manager.start < own.end && manager.end > own.start,
    );
    const freed = intersectIntervals(subtractIntervals([own], others), makerOrWorking);
    const without = deepRuns(mergeIntervals([...eligibleWith, ...freed]), deepBlockMinutes);
    const destroyed = without.reduce((sum, run) => sum + minutesOf(run), 0) - deepWith;
    return Math.max(0, destroyed - overlapMinutes([own], without));
  });
}

/** The parts two sorted, merged interval lists share. */
function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let j = 0;
  for (const x of a) {
    while (j < b.length && (b[j] as Interval).end <= x.start) j++;
    for (let k = j; k < b.length && (b[k] as Interval).start < x.end; k++) {
      const y = b[k] as Interval;
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (end > start) result.push({ start, end });
    }
  }
  return result;
}

export function focusCostOf(input: FocusCostInput & { meeting: MetricEntry }): number {
  return focusCostsOf(input, [input.meeting])[0] ?? 0;
}

/**
 * Recurring meetings ranked by the focus they cost, most costly first (ties: more manager time, then
 * series id for a stable order). One-off meetings have no series and are left out: the ranking is for
 * deciding which standing meetings to move, shorten or drop.
 */
export function rankSeriesByFocusCost(days: readonly DayFacts[]): SeriesFocusCost[] {
  const bySeries = new Map<
    string,
    { entries: Set<string>; managerMinutes: number; focusCostMinutes: number }
  >();
  for (const day of days) {
    for (const meeting of day.meetings) {
      if (meeting.seriesId === null) continue;
      const series = bySeries.get(meeting.seriesId) ?? {
        entries: new Set<string>(),
        managerMinutes: 0,
        focusCostMinutes: 0,
      };
      // An occurrence crossing midnight appears on two days: count it once, but add both days' costs.
      series.entries.add(meeting.entryId);
      series.managerMinutes += meeting.minutes;
      series.focusCostMinutes += meeting.focusCostMinutes;
      bySeries.set(meeting.seriesId, series);
    }
  }
  return [...bySeries.entries()]
    .map(([seriesId, s]) => ({
      seriesId,
      occurrences: s.entries.size,
      managerMinutes: s.managerMinutes,
      focusCostMinutes: s.focusCostMinutes,
    }))
    .sort(
      (a, b) =>
        b.focusCostMinutes - a.focusCostMinutes ||
        b.managerMinutes - a.managerMinutes ||
        (a.seriesId < b.seriesId ? -1 : 1),
    );
}
