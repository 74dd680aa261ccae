import type { ResolvedThresholds } from '@tiltmeter/shared/metrics';
import type { WeekSeriesItem } from '@tiltmeter/shared/metrics-api';
import { compareSignals, SIGNAL_ORDER, type SignalKey } from '../../../components/charts/signal-meta.ts';
import { formatShare } from '../../../lib/format-metrics.ts';
import { shortWeekLabel } from '../../../lib/iso-week.ts';

/** One week as the charts draw it: percentages (0-100), so axes and tooltips need no conversion. */
export interface TrendPoint {
  week: string;
  label: string;
  /** Maker share in percent; null for a week without maker or manager time (drawn as a gap). */
  share: number | null;
  target: number;
  /** Maker share of the 4 weeks ending here, in percent; null without 4 weeks of baseline. */
  rolling: number | null;
  baseline: number | null;
  driftPoints: number | null;
  deepBlocks: number;
  makerMinutes: number;
  managerMinutes: number;
  streak: number;
  /** The most severe level of the week's signals, or null. */
  level: 'warning' | 'critical' | null;
  signals: WeekSeriesItem['signals'];
}

// Unrounded: every place that prints a share rounds it once, as formatShare does for the API's fraction.
const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? null : value * 100;

export function toTrendPoints(items: readonly WeekSeriesItem[]): TrendPoint[] {
  return items.map((item) => {
    const levels = item.signals.map((signal) => signal.level);
    return {
      week: item.week,
      label: shortWeekLabel(item.week),
      share: percent(item.makerShare),
      target: item.target * 100,
      rolling: percent(item.drift?.rollingShare),
      baseline: percent(item.drift?.baselineShare),
      driftPoints: item.drift ? Math.round(item.drift.points * 10) / 10 : null,
      deepBlocks: item.deepBlocks,
      makerMinutes: item.makerMinutes,
      managerMinutes: item.managerMinutes,
      streak: item.belowTargetStreak,
      level: levels.includes('critical') ? 'critical' : levels.includes('warning') ? 'warning' : null,
      signals: [...item.signals].sort(compareSignals),
    };
  });
}

export interface WeekRun {
  from: string;
  to: string;
  weeks: number;
}

/** Consecutive weeks (by position) for which `test` holds. */
function runs(points: readonly TrendPoint[], test: (point: TrendPoint) => boolean): WeekRun[] {
  const result: WeekRun[] = [];
  let start: number | null = null;
  points.forEach((point, index) => {
    if (test(point)) {
      if (start === null) start = index;
    } else if (start !== null) {
      result.push({
        from: points[start]?.week ?? '',
        to: points[index - 1]?.week ?? '',
        weeks: index - start,
      });
      start = null;
    }
  });
  if (start !== null) {
    result.push({
      from: points[start]?.week ?? '',
      to: points.at(-1)?.week ?? '',
      weeks: points.length - start,
    });
  }
  return result;
}

export interface TrendBands {
  /** The warning band: maker share from 0 up to the target, in percent. */
  belowTarget: { y1: number; y2: number };
  /** Weeks inside a burnout pattern (critical): the streak had reached `burnoutWeeks`. */
  burnout: WeekRun[];
}

/**
 * What is drawn behind the ratio line: below the target is the warning band, and the weeks in which
 * the streak below target had lasted long enough to be a burnout pattern are shaded as critical.
 * (A sustained tilt shows as its signal marks: shading it too would cover most of a tilting chart.)
 */
export function trendBands(points: readonly TrendPoint[], thresholds: ResolvedThresholds): TrendBands {
  const { burnoutWeeks, targetMakerShare } = thresholds.values;
  const target = points.at(-1)?.target ?? targetMakerShare * 100;
  return {
    belowTarget: { y1: 0, y2: target },
    burnout: runs(points, (point) => point.streak >= burnoutWeeks),
  };
}

/** The latest week that had maker or manager time (the current week may be empty yet). */
export function latestWorkedPoint(points: readonly TrendPoint[]): TrendPoint | undefined {
  return [...points].reverse().find((point) => point.share !== null);
}

/**
 * The trend in words, as a person would say it: "4 weeks below your 50 % target; 12 points under
 * your 12-week baseline."
 */
export function describeTrend(points: readonly TrendPoint[], thresholds: ResolvedThresholds): string {
  const latest = latestWorkedPoint(points);
  if (!latest) return 'No maker or manager time in these weeks yet.';
  const target = formatShare(latest.target / 100);
  const { burnoutWeeks, sustainedTiltWeeks } = thresholds.values;
  let streak: string;
  if (latest.streak === 0) streak = `At or above your ${target} target in ${latest.week}`;
  else if (latest.streak === 1) streak = `1 week below your ${target} target`;
  else streak = `${latest.streak} weeks below your ${target} target`;
  if (latest.streak >= burnoutWeeks) streak += ' (a burnout pattern: six months and more)';
  else if (latest.streak >= sustainedTiltWeeks) streak += ' (a sustained tilt)';

  let drift: string;
  if (latest.driftPoints === null) drift = 'not enough weeks yet for a 12-week baseline';
  else {
    const points = Math.round(Math.abs(latest.driftPoints));
    if (points === 0) drift = 'level with your 12-week baseline';
    else
      drift = `${points} ${points === 1 ? 'point' : 'points'} ${latest.driftPoints < 0 ? 'under' : 'above'} your 12-week baseline`;
  }
  return `${streak}; ${drift}.`;
}

export interface SignalSummary {
  code: SignalKey;
  level: 'info' | 'warning' | 'critical';
  /** Weeks in the range that raised it. */
  weeks: number;
  latestWeek: string;
  latestMessage: string;
  /** Where the threshold comes from (the brief's words) and which layer set it. */
  origin: string;
  layer: string;
}

/** Each signal raised in the range: how many weeks, the latest occurrence in the server's words. */
export function summarizeSignals(points: readonly TrendPoint[]): SignalSummary[] {
  const byCode = new Map<string, SignalSummary>();
  for (const point of points) {
    const seen = new Set<string>();
    for (const signal of point.signals) {
      const current = byCode.get(signal.code);
      const weekCount = seen.has(signal.code) ? 0 : 1;
      seen.add(signal.code);
      byCode.set(signal.code, {
        code: signal.code,
        level: current?.level === 'critical' ? 'critical' : signal.level,
        weeks: (current?.weeks ?? 0) + weekCount,
        latestWeek: point.week,
        latestMessage: signal.message,
        origin: signal.source.origin,
        layer: signal.source.layer,
      });
    }
  }
  return [...byCode.values()].sort(
    (a, b) => compareSignals(a, b) || SIGNAL_ORDER.indexOf(a.code) - SIGNAL_ORDER.indexOf(b.code),
  );
}
