import type { ResolvedThresholds } from '@tiltmeter/shared/metrics';
import { type ReactNode, useMemo } from 'react';
import { ChartCard, Panel } from '../../../components/charts/chart-card.tsx';
import { HEX } from '../../../components/charts/palette.ts';
import { SegmentedControl } from '../../../components/charts/segmented-control.tsx';
import { SignalGlyph } from '../../../components/charts/signal-badge.tsx';
import { SIGNAL_META, signalLabel } from '../../../components/charts/signal-meta.ts';
import { LoadingRegion, QueryError, Skeleton } from '../../../components/charts/states.tsx';
import { cn } from '../../../lib/cn.ts';
import { formatDecimal, formatShare, plural } from '../../../lib/format-metrics.ts';
import { addIsoWeeks, formatWeekSpan } from '../../../lib/iso-week.ts';
import { useMyWeeks } from '../api/get-my-weeks.ts';
import { TREND_RANGES, type TrendRange } from '../utils/search.ts';
import {
  describeTrend,
  latestWorkedPoint,
  summarizeSignals,
  type TrendPoint,
  toTrendPoints,
  trendBands,
} from '../utils/trend-model.ts';
import { DeepBlocksChart, MakerShareChart } from './trend-chart.tsx';
import { TrendTable } from './trend-table.tsx';

const RANGE_OPTIONS = TREND_RANGES.map((weeks) => ({
  value: String(weeks) as `${TrendRange}`,
  label: `${weeks} weeks`,
}));

interface TrendViewProps {
  /** The last week of the range: the current week in the member's zone. */
  to: string;
  range: TrendRange;
  onRangeChange: (range: TrendRange) => void;
}

/** My trend: the ratio over weeks against the target, deep blocks, drift and streaks in words, and signals. */
export function TrendView({ to, range, onRangeChange }: TrendViewProps) {
  const from = addIsoWeeks(to, -(range - 1));
  const query = useMyWeeks({ from, to });
  const points = useMemo(() => (query.data ? toTrendPoints(query.data.items) : []), [query.data]);

  const rangeControl = (
    <SegmentedControl
      label="Range"
      value={String(range) as `${TrendRange}`}
      onChange={(value) => onRangeChange(Number(value) as TrendRange)}
      options={RANGE_OPTIONS}
    />
  );

  if (query.isPending) return <TrendSkeleton control={rangeControl} />;
  if (query.isError && !query.data) {
    return (
      <QueryError
        title="Your trend could not be loaded"
        error={query.error}
        onRetry={() => query.refetch()}
      />
    );
  }
  if (!query.data) return null;
  const thresholds = query.data.thresholds;
  const worked = points.filter((point) => point.share !== null);

  return (
    <div
      className={cn('space-y-5 transition-opacity', query.isPlaceholderData && 'opacity-60')}
      aria-busy={query.isPlaceholderData || undefined}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <Headline points={points} thresholds={thresholds} />
        {rangeControl}
      </div>
      {worked.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
          No maker or manager time between {formatWeekSpan(from, to)}. Import a calendar in Settings and your
          trend starts with its first week.
        </p>
      ) : (
        <>
          <Tiles points={points} thresholds={thresholds} />
          <TrendCharts points={points} thresholds={thresholds} from={from} to={to} />
          <SignalsPanel points={points} />
        </>
      )}
    </div>
  );
}

function Headline({ points, thresholds }: { points: readonly TrendPoint[]; thresholds: ResolvedThresholds }) {
  const latest = latestWorkedPoint(points);
  const tone =
    !latest || latest.streak === 0
      ? 'ok'
      : latest.streak >= thresholds.values.burnoutWeeks
        ? 'critical'
        : 'warning';
  return (
    <p
      data-testid="trend-headline"
      className={cn(
        'flex max-w-3xl min-w-0 flex-1 items-start gap-2.5 rounded-xl border px-4 py-3 text-[15px] leading-6 font-medium',
        tone === 'critical' && 'border-red-200 bg-critical-soft text-red-950',
        tone === 'warning' && 'border-amber-200 bg-warning-soft text-amber-950',
        tone === 'ok' && 'border-green-200 bg-ok-soft text-green-950',
      )}
    >
      {tone === 'ok' ? (
        <span aria-hidden="true" className="mt-2 size-2.5 shrink-0 rounded-full bg-ok" />
      ) : (
        <SignalGlyph level={tone} className="mt-1.5 size-3.5" />
      )}
      <span>{describeTrend(points, thresholds)}</span>
    </p>
  );
}

function Tile({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: string;
  detail: ReactNode;
  testId?: string;
}) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white px-4 py-3.5">
      <p className="text-[13px] font-medium text-slate-600">{label}</p>
      <p
        data-testid={testId}
        className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums"
      >
        {value}
      </p>
      <p className="mt-0.5 text-xs leading-5 text-slate-500">{detail}</p>
    </div>
  );
}

function Tiles({ points, thresholds }: { points: readonly TrendPoint[]; thresholds: ResolvedThresholds }) {
  const latest = latestWorkedPoint(points);
  const worked = points.filter((point) => point.share !== null);
  const averageDeep = worked.reduce((sum, point) => sum + point.deepBlocks, 0) / Math.max(1, worked.length);
  const floor = thresholds.values.minDeepBlocksPerWeek;
  const drift = latest?.driftPoints ?? null;
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Tile
        label={latest ? `Maker share, ${latest.week}` : 'Maker share'}
        value={latest?.share != null ? `${Math.round(latest.share)} %` : '–'}
        detail={`Target ${formatShare(thresholds.values.targetMakerShare)} for the ${thresholds.profile} profile`}
        testId="trend-latest-share"
      />
      <Tile
        label="Last 4 weeks"
        value={latest?.rolling != null ? `${Math.round(latest.rolling)} %` : '–'}
        detail={
          latest?.baseline != null && drift !== null ? (
            <>
              <span
                className={cn(
                  'font-medium',
                  drift <= -thresholds.values.driftPoints ? 'text-amber-800' : 'text-slate-700',
                )}
              >
                {drift > 0 ? '+' : drift < 0 ? '−' : ''}
                {Math.abs(Math.round(drift))} points
              </span>{' '}
              against the 12 weeks before ({Math.round(latest.baseline)} %)
            </>
          ) : (
            'A baseline needs 4 more weeks of history'
          )
        }
      />
      <Tile
        label="Below target"
        value={latest ? plural(latest.streak, 'week') : '–'}
        detail={`in a row; a sustained tilt at ${thresholds.values.sustainedTiltWeeks}, a burnout pattern at ${thresholds.values.burnoutWeeks}`}
        testId="trend-streak"
      />
      <Tile
        label="Deep blocks a week"
        value={formatDecimal(averageDeep)}
        detail={`on average; your role asks for ${floor} (blocks of ${thresholds.values.deepBlockMinutes / 60} h or more)`}
      />
    </div>
  );
}

function TrendCharts({
  points,
  thresholds,
  from,
  to,
}: {
  points: readonly TrendPoint[];
  thresholds: ResolvedThresholds;
  from: string;
  to: string;
}) {
  const bands = trendBands(points, thresholds);
  const latest = latestWorkedPoint(points);
  const summary = `Maker share by week from ${from} to ${to}. ${describeTrend(points, thresholds)} ${
    bands.burnout.length > 0
      ? `Burnout pattern in ${bands.burnout.map((run) => `${run.from} to ${run.to}`).join(', ')}.`
      : ''
  } Latest week ${latest?.week ?? ''}: ${latest?.share != null ? `${Math.round(latest.share)} %` : 'no data'}.`;
  return (
    <ChartCard
      title="Maker share by week"
      description="The line is your weekly maker share; the dashed blue line its 4-week average. Below the dashed target is the warning band."
      summary={summary}
      chart={
        <div data-testid="trend-chart">
          <MakerShareChart points={points} bands={bands} />
          <h3 className="mt-4 mb-1 text-[13px] font-semibold text-slate-800">Deep blocks per week</h3>
          <DeepBlocksChart points={points} floor={thresholds.values.minDeepBlocksPerWeek} />
        </div>
      }
      table={<TrendTable points={points} />}
      footer={<TrendLegend hasBurnout={bands.burnout.length > 0} />}
    />
  );
}

function TrendLegend({ hasBurnout }: { hasBurnout: boolean }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-slate-600">
      <li className="flex items-center gap-1.5">
        <svg aria-hidden="true" width="22" height="10">
          <line x1="0" x2="22" y1="5" y2="5" stroke={HEX.maker} strokeWidth="2.5" />
          <circle cx="11" cy="5" r="3" fill={HEX.maker} />
        </svg>
        Maker share
      </li>
      <li className="flex items-center gap-1.5">
        <svg aria-hidden="true" width="22" height="10">
          <line x1="0" x2="22" y1="5" y2="5" stroke={HEX.makerLight} strokeWidth="2" strokeDasharray="5 3" />
        </svg>
        4-week average
      </li>
      <li className="flex items-center gap-1.5">
        <svg aria-hidden="true" width="22" height="10">
          <line x1="0" x2="22" y1="5" y2="5" stroke={HEX.warning} strokeWidth="1.5" strokeDasharray="5 3" />
        </svg>
        Target
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="h-3 w-5 rounded-sm bg-warning-soft ring-1 ring-amber-200" />
        Below target
      </li>
      {hasBurnout && (
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="h-3 w-5 rounded-sm bg-critical/10 ring-1 ring-red-200" />
          Burnout pattern
        </li>
      )}
      <li className="flex items-center gap-1.5">
        <SignalGlyph level="critical" />
        Critical signal
      </li>
      <li className="flex items-center gap-1.5">
        <SignalGlyph level="warning" />
        Warning signal
      </li>
      <li className="flex items-center gap-1.5">
        <svg aria-hidden="true" width="16" height="10">
          <rect x="1" y="1" width="14" height="8" fill="url(#legend-hatch)" stroke={HEX.makerLight} />
          <defs>
            <pattern
              id="legend-hatch"
              width="4"
              height="4"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="4" height="4" fill={HEX.makerLight} fillOpacity={0.5} />
              <line x1="0" y1="0" x2="0" y2="4" stroke="#fff" strokeWidth="1.5" />
            </pattern>
          </defs>
        </svg>
        Deep blocks under the floor
      </li>
    </ul>
  );
}

function SignalsPanel({ points }: { points: readonly TrendPoint[] }) {
  const summaries = summarizeSignals(points);
  return (
    <Panel
      title="Signals in these weeks"
      description="What each threshold means, how often it fired, and what it said the last time."
    >
      {summaries.length === 0 ? (
        <p className="text-sm text-green-800">
          No signals in these weeks: every week was within your thresholds.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="trend-signals">
          {summaries.map((summary) => (
            <li key={summary.code} className="flex gap-3 py-3 first:pt-0 last:pb-0">
              <SignalGlyph level={summary.level} className="mt-1" />
              <div className="min-w-0 flex-1 text-[13px] leading-5">
                <p className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <span className="font-semibold text-slate-900">
                    <span className="sr-only">
                      {summary.level === 'critical' ? 'Critical: ' : 'Warning: '}
                    </span>
                    {signalLabel(summary.code)}
                  </span>
                  <span className="text-xs text-slate-500 tabular-nums">
                    {plural(summary.weeks, 'week')}, latest {summary.latestWeek}
                  </span>
                </p>
                <p className="text-slate-600">{SIGNAL_META[summary.code]?.explanation}</p>
                <p className="mt-1 text-slate-800">“{summary.latestMessage}”</p>
                <p className="mt-0.5 text-xs text-slate-500">
                  Where it comes from: {summary.origin}
                  {summary.layer !== 'default' &&
                    ` (set for your ${summary.layer === 'org' ? 'organization' : summary.layer})`}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

function TrendSkeleton({ control }: { control: ReactNode }) {
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <Skeleton className="h-12 max-w-2xl flex-1 rounded-xl" />
        {control}
      </div>
      <LoadingRegion label="Loading your trend…">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {Array.from({ length: 4 }, (_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <Skeleton key={index} className="h-[6.5rem] rounded-xl" />
          ))}
        </div>
        <Skeleton className="mt-5 h-[34rem] rounded-xl" />
      </LoadingRegion>
    </div>
  );
}
