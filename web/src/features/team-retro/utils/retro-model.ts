import type {
  AggregateCell,
  GroupAggregate,
  TeamMetricsResponse,
  TeamSeries,
} from '@tiltmeter/shared/metrics-api';
import { SIGNAL_ORDER, type SignalKey } from '../../../components/charts/signal-meta.ts';

export type Shown = GroupAggregate;

/** The aggregate when it is shown, or null when it is suppressed or not loaded. */
export function shown(cell: AggregateCell | undefined): Shown | null {
  return cell && !cell.suppressed ? cell : null;
}

export interface Comparison {
  key: string;
  label: string;
  previous: number | null;
  current: number | null;
  /** How to print a value of this row. */
  kind: 'share' | 'decimal';
  /** Whether a rise is good news (maker share) or bad news (below-target weeks). */
  higherIsBetter: boolean | null;
}

/** The rows the retro compares sprint with sprint. */
export function comparisons(
  previous: AggregateCell | undefined,
  current: AggregateCell | undefined,
): Comparison[] {
  const a = shown(previous);
  const b = shown(current);
  return [
    {
      key: 'median-share',
      label: 'Median maker share per person-week',
      previous: a?.medianMakerShare ?? null,
      current: b?.medianMakerShare ?? null,
      kind: 'share',
      higherIsBetter: true,
    },
    {
      key: 'median-deep',
      label: 'Median deep blocks per person-week',
      previous: a?.medianDeepBlocks ?? null,
      current: b?.medianDeepBlocks ?? null,
      kind: 'decimal',
      higherIsBetter: true,
    },
    {
      key: 'below-target',
      label: 'Person-weeks below their own target',
      previous: a?.belowTargetShare ?? null,
      current: b?.belowTargetShare ?? null,
      kind: 'share',
      higherIsBetter: false,
    },
    {
      key: 'maker',
      label: 'Maker time',
      previous: a?.distribution.makerFraction ?? null,
      current: b?.distribution.makerFraction ?? null,
      kind: 'share',
      higherIsBetter: null,
    },
    {
      key: 'manager',
      label: 'Manager time',
      previous: a?.distribution.managerFraction ?? null,
      current: b?.distribution.managerFraction ?? null,
      kind: 'share',
      higherIsBetter: null,
    },
    {
      key: 'neutral',
      label: 'Neutral time',
      previous: a?.distribution.neutralFraction ?? null,
      current: b?.distribution.neutralFraction ?? null,
      kind: 'share',
      higherIsBetter: null,
    },
  ];
}

/** "+4 points", "−0.5", "no change", or "–" when either side is missing. */
export function formatChange(row: Pick<Comparison, 'previous' | 'current' | 'kind'>): string {
  if (row.previous === null || row.current === null) return '–';
  if (row.kind === 'share') {
    const points = Math.round(row.current * 100) - Math.round(row.previous * 100);
    if (points === 0) return 'no change';
    return `${points > 0 ? '+' : '−'}${Math.abs(points)} ${Math.abs(points) === 1 ? 'point' : 'points'}`;
  }
  const delta = Math.round((row.current - row.previous) * 10) / 10;
  if (delta === 0) return 'no change';
  return `${delta > 0 ? '+' : '−'}${Math.abs(delta)}`;
}

export function formatValue(value: number | null, kind: Comparison['kind']): string {
  if (value === null) return '–';
  return kind === 'share' ? `${Math.round(value * 100)} %` : String(Math.round(value * 10) / 10);
}

export interface SeriesRow {
  series: TeamSeries;
  /** The same meeting's focus cost in the previous sprint, when it was counted there. */
  previousFocusCost: number | null;
}

/** This sprint's costly recurring meetings, with last sprint's cost of the same meeting beside them. */
export function seriesRows(
  previous: TeamMetricsResponse | undefined,
  current: TeamMetricsResponse | undefined,
): SeriesRow[] {
  const before = new Map(previous?.series.map((series) => [series.seriesId, series.focusCostMinutes]) ?? []);
  return (current?.series ?? []).map((series) => ({
    series,
    previousFocusCost: before.get(series.seriesId) ?? null,
  }));
}

export interface SignalRow {
  code: SignalKey;
  previous: number | null;
  current: number | null;
}

/** Person-weeks raising each signal, sprint by sprint; signals that never fired in either are left out. */
export function signalRows(
  previous: AggregateCell | undefined,
  current: AggregateCell | undefined,
): SignalRow[] {
  const a = shown(previous);
  const b = shown(current);
  return SIGNAL_ORDER.map((code) => ({
    code,
    previous: a ? a.signalCounts[code] : null,
    current: b ? b.signalCounts[code] : null,
  })).filter((row) => (row.previous ?? 0) > 0 || (row.current ?? 0) > 0);
}

export const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
