/**
 * The signals of the threshold table in the product's words: a short name for legends and tables,
 * and one sentence on what it means. The server's own `message` says what happened in a given week;
 * this says what the signal is.
 */

export const SIGNAL_ORDER = [
  'burnout_pattern',
  'zero_maker_week',
  'sustained_tilt',
  'maker_share_below_target',
  'drift',
  'deep_work_floor',
  'heavy_meeting_day',
  'after_hours',
  'weekend',
] as const;

export type SignalKey = (typeof SIGNAL_ORDER)[number];
export type SignalLevelKey = 'info' | 'warning' | 'critical';

export const SIGNAL_META: Record<SignalKey, { label: string; explanation: string; level: SignalLevelKey }> = {
  burnout_pattern: {
    label: 'Burnout pattern',
    explanation: 'Maker share below target for six months in a row.',
    level: 'critical',
  },
  zero_maker_week: {
    label: 'Zero-maker week',
    explanation: 'A week with manager time and no maker time at all.',
    level: 'critical',
  },
  sustained_tilt: {
    label: 'Sustained tilt',
    explanation: 'Maker share below target four weeks in a row.',
    level: 'warning',
  },
  maker_share_below_target: {
    label: 'Below target',
    explanation: 'Maker share of the week below the target for the role.',
    level: 'warning',
  },
  drift: {
    label: 'Drift',
    explanation: 'The last 4 weeks 10 points or more below the 12 weeks before them.',
    level: 'warning',
  },
  deep_work_floor: {
    label: 'Few deep blocks',
    explanation: 'Fewer uninterrupted deep blocks than the role asks for.',
    level: 'warning',
  },
  heavy_meeting_day: {
    label: 'Heavy meeting day',
    explanation: '5 hours or more of manager time in one day.',
    level: 'warning',
  },
  after_hours: {
    label: 'After hours',
    explanation: 'More than an hour a week outside working hours, 3 of the last 4 weeks.',
    level: 'warning',
  },
  weekend: {
    label: 'Weekend work',
    explanation: 'More than 1.5 hours worked on a weekend.',
    level: 'warning',
  },
};

export function signalLabel(code: string): string {
  return SIGNAL_META[code as SignalKey]?.label ?? code.replaceAll('_', ' ');
}

/** Most severe first, then in the order of the threshold table. */
export function compareSignals(
  a: { code: string; level: string },
  b: { code: string; level: string },
): number {
  const rank = (level: string) => (level === 'critical' ? 0 : level === 'warning' ? 1 : 2);
  return (
    rank(a.level) - rank(b.level) ||
    SIGNAL_ORDER.indexOf(a.code as SignalKey) - SIGNAL_ORDER.indexOf(b.code as SignalKey)
  );
}
