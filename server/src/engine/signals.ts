import type {
  IsoWeek,
  ResolvedThresholds,
  Signal,
  SignalCode,
  SignalLevel,
  ThresholdKey,
} from '@tiltmeter/shared';
import {
  belowTargetStreaks,
  computeDrift,
  DRIFT_BASELINE_WEEKS,
  DRIFT_WINDOW_WEEKS,
  type Drift,
} from './drift.ts';
import { isoWeekday, isoWeekIndex } from './time.ts';
import type { WeekRollup } from './week-metrics.ts';

/** What the signals read of a week; a `WeekRollup` is one. */
export type SignalWeekInput = Pick<
  WeekRollup,
  | 'week'
  | 'makerMinutes'
  | 'managerMinutes'
  | 'makerShare'
  | 'deepBlocks'
  | 'afterHoursMinutes'
  | 'weekendMinutes'
  | 'dailyManagerMinutes'
>;

export interface WeekSignals {
  week: IsoWeek;
  signals: Signal[];
  drift: Drift | null;
  /** Consecutive weeks below target ending with this week (a week off carries the streak it found). */
  belowTargetStreak: number;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** A share as a whole percentage, with a decimal when rounding would make it look equal to `other`. */
function formatShare(share: number, other?: number): string {
  const whole = Math.round(share * 100);
  if (other !== undefined && whole === Math.round(other * 100) && share !== other) {
    return `${(share * 100).toFixed(1)} %`;
  }
  return `${whole} %`;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * The signals of every given week, sorted by week. Give the member's whole history (at least 26 weeks
 * before the first week shown, for the burnout streak and the drift baseline); weeks missing from the
 * input are weeks without entries. A week without maker or manager time (holiday, leave, or only
 * neutral time such as travel) raises no signal, and neither breaks nor extends a streak or the
 * after-hours window. One fact raises one signal, at its highest level: a zero-maker week is not also
 * reported as below target, and a burnout pattern is not also a sustained tilt.
 */
export function computeSignals(
  input: readonly SignalWeekInput[],
  thresholds: ResolvedThresholds,
): WeekSignals[] {
  const weeks = [...input].sort((a, b) => isoWeekIndex(a.week) - isoWeekIndex(b.week));
  weeks.forEach((week, i) => {
    if (i > 0 && weeks[i - 1]?.week === week.week) throw new RangeError(`week ${week.week} given twice`);
  });

  const t = thresholds.values;
  const target = t.targetMakerShare;
  const streaks = belowTargetStreaks(weeks, target);
  const drifts = computeDrift(weeks);
  const worked = weeks.map((w) => w.makerMinutes + w.managerMinutes > 0);

  const signal = (
    code: SignalCode,
    level: SignalLevel,
    key: ThresholdKey,
    message: string,
    date: string | null = null,
  ): Signal => ({
    code,
    level,
    message,
    source: thresholds.sources[key],
    threshold: { key, value: t[key] },
    date,
  });

  return weeks.map((week, i) => {
    const streak = streaks[i] ?? 0;
    const drift = drifts[i] ?? null;
    const result: WeekSignals = { week: week.week, signals: [], drift, belowTargetStreak: streak };
    if (!worked[i]) return result;
    const signals = result.signals;

    if (week.managerMinutes > 0 && week.makerMinutes <= t.zeroMakerMinutes) {
      const maker =
        week.makerMinutes === 0
          ? 'No maker time this week'
          : `Only ${formatMinutes(week.makerMinutes)} of maker time this week`;
      signals.push(
        signal(
          'zero_maker_week',
          'critical',
          'zeroMakerMinutes',
          `${maker}, against ${formatMinutes(week.managerMinutes)} of manager time.`,
        ),
      );
    } else if (week.makerShare !== null && week.makerShare < target) {
      signals.push(
        signal(
          'maker_share_below_target',
          'warning',
          'targetMakerShare',
          `Maker work was ${formatShare(week.makerShare, target)} of maker and manager time this week, below the ${formatShare(target)} target.`,
        ),
      );
    }

    for (const day of week.dailyManagerMinutes) {
      if (day.minutes < t.heavyMeetingDayMinutes) continue;
      const weekday = WEEKDAYS[isoWeekday(day.date) - 1];
      signals.push(
        signal(
          'heavy_meeting_day',
          'warning',
          'heavyMeetingDayMinutes',
          `${weekday} ${day.date} had ${formatMinutes(day.minutes)} of manager time (a heavy day starts at ${formatMinutes(t.heavyMeetingDayMinutes)}).`,
          day.date,
        ),
      );
    }

    if (streak >= t.burnoutWeeks) {
      signals.push(
        signal(
          'burnout_pattern',
          'critical',
          'burnoutWeeks',
          `Maker share has been below the ${formatShare(target)} target for ${plural(streak, 'week')} in a row.`,
        ),
      );
    } else if (streak >= t.sustainedTiltWeeks) {
      signals.push(
        signal(
          'sustained_tilt',
          'warning',
          'sustainedTiltWeeks',
          `Maker share has been below the ${formatShare(target)} target for ${plural(streak, 'week')} in a row.`,
        ),
      );
    }

    if (drift && drift.points <= -t.driftPoints) {
      signals.push(
        signal(
          'drift',
          'warning',
          'driftPoints',
          `Maker share of the last ${DRIFT_WINDOW_WEEKS} weeks (${formatShare(drift.rollingShare)}) is ${Math.abs(drift.points)} points below the ${DRIFT_BASELINE_WEEKS} weeks before (${formatShare(drift.baselineShare)}).`,
        ),
      );
    }

    if (week.deepBlocks < t.minDeepBlocksPerWeek) {
      signals.push(
        signal(
          'deep_work_floor',
          'warning',
          'minDeepBlocksPerWeek',
          `${plural(week.deepBlocks, 'deep block')} of ${formatMinutes(t.deepBlockMinutes)} or more this week; the floor is ${t.minDeepBlocksPerWeek}.`,
        ),
      );
    }

    // The window is the last worked weeks, so a week off neither counts against it nor ends it.
    const window: SignalWeekInput[] = [];
    for (let j = i; j >= 0 && window.length < t.afterHoursWindowWeeks; j--) {
      if (worked[j]) window.push(weeks[j] as SignalWeekInput);
    }
    const lateWeeks = window.filter((w) => w.afterHoursMinutes > t.afterHoursMinutesPerWeek).length;
    if (lateWeeks >= t.afterHoursWeeks) {
      signals.push(
        signal(
          'after_hours',
          'warning',
          'afterHoursMinutesPerWeek',
          `More than ${formatMinutes(t.afterHoursMinutesPerWeek)} of work outside working hours in ${lateWeeks} of the last ${plural(window.length, 'week')} (${formatMinutes(week.afterHoursMinutes)} this week).`,
        ),
      );
    }

    if (week.weekendMinutes > t.weekendMinutes) {
      signals.push(
        signal(
          'weekend',
          'warning',
          'weekendMinutes',
          `${formatMinutes(week.weekendMinutes)} of work on non-working days this week, more than ${formatMinutes(t.weekendMinutes)}.`,
        ),
      );
    }

    return result;
  });
}
