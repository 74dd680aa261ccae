import type { IsoWeek } from '@tiltmeter/shared';
import { isoWeekIndex } from './time.ts';

/** The rolling window the drift looks at, and the baseline it is compared with (the weeks before it). */
export const DRIFT_WINDOW_WEEKS = 4;
export const DRIFT_BASELINE_WEEKS = 12;
/**
 * A baseline of one or two worked weeks says more about those weeks than about the member, so drift
 * is only measured once the baseline holds at least this many weeks with maker or manager time.
 */
export const DRIFT_MIN_BASELINE_WEEKS = 4;

export interface WeekShareInput {
  week: IsoWeek;
  makerMinutes: number;
  managerMinutes: number;
}

export interface Drift {
  /** Maker share of the 4 weeks ending with this one (pooled minutes, a fraction). */
  rollingShare: number;
  /** Maker share of the 12 weeks before those (pooled minutes, a fraction). */
  baselineShare: number;
  /** rolling minus baseline in percentage points, to 2 decimals; negative is a tilt toward manager. */
  points: number;
}

/**
 * Drift for every given week, in the order given. Windows are calendar weeks; shares pool the minutes
 * of the window (a week off adds nothing to either side, so it neither pulls the share down nor up).
 * Weeks missing from the input are weeks without entries.
 */
export function computeDrift(weeks: readonly WeekShareInput[]): (Drift | null)[] {
  const byIndex = new Map<number, WeekShareInput>();
  for (const week of weeks) byIndex.set(isoWeekIndex(week.week), week);

  const pool = (from: number, to: number) => {
    let maker = 0;
    let worked = 0;
    let workedWeeks = 0;
    for (let index = from; index <= to; index++) {
      const week = byIndex.get(index);
      if (!week || week.makerMinutes + week.managerMinutes === 0) continue;
      maker += week.makerMinutes;
      worked += week.makerMinutes + week.managerMinutes;
      workedWeeks++;
    }
    return { share: worked > 0 ? maker / worked : null, workedWeeks };
  };

  return weeks.map((week) => {
    const index = isoWeekIndex(week.week);
    const rolling = pool(index - DRIFT_WINDOW_WEEKS + 1, index);
    const baseline = pool(index - DRIFT_WINDOW_WEEKS - DRIFT_BASELINE_WEEKS + 1, index - DRIFT_WINDOW_WEEKS);
    if (rolling.share === null || baseline.share === null) return null;
    if (baseline.workedWeeks < DRIFT_MIN_BASELINE_WEEKS) return null;
    // Rounded so a boundary case (40 % against 50 %) is exactly -10, not -9.999999.
    const points = Math.round((rolling.share - baseline.share) * 10_000) / 100;
    return { rollingShare: rolling.share, baselineShare: baseline.share, points };
  });
}

/**
 * Consecutive weeks below target ending with each week, for weeks sorted ascending. A week without
 * maker or manager time (holiday, leave) has no share: it neither breaks nor extends the streak and
 * carries the streak it found.
 */
export function belowTargetStreaks(
  weeks: readonly { week: IsoWeek; makerShare: number | null }[],
  target: number,
): number[] {
  let streak = 0;
  return weeks.map((week) => {
    if (week.makerShare === null) return streak;
    streak = week.makerShare < target ? streak + 1 : 0;
    return streak;
  });
}
