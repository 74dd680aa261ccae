import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { HEX } from '../../../components/charts/palette.ts';
import { SignalGlyph } from '../../../components/charts/signal-badge.tsx';
import { signalLabel } from '../../../components/charts/signal-meta.ts';
import { formatMinutes } from '../../../lib/format-metrics.ts';
import { formatWeekSpan, shortWeekLabel } from '../../../lib/iso-week.ts';
import type { TrendBands, TrendPoint } from '../utils/trend-model.ts';

/** Both charts share the week axis and the tooltip, so hovering one week highlights it in both. */
const SYNC_ID = 'my-trend';
const MARGIN = { top: 12, right: 16, bottom: 4, left: 0 };

/**
 * No vertical grid lines. `vertical={false}` alone only hides them: recharts still places them, laying
 * out the week axis's ticks a second time, measuring every label in the DOM (a forced layout each), a
 * sizeable part of the page's first render.
 */
const noVerticalLines = () => [];

interface SizeProps {
  /** Fixed size (tests); without it the chart fills its container's width. */
  width?: number;
  height: number;
}

function sizing({ width, height }: SizeProps) {
  return width ? { width, height } : { responsive: true, style: { width: '100%', height } };
}

/** The mark of a week on the ratio line: its most severe signal, by shape and colour. */
function SignalDot(props: { cx?: number; cy?: number; payload?: TrendPoint; index?: number }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || !payload || payload.share === null) return <g />;
  if (payload.level === 'critical') {
    return (
      <rect
        x={cx - 5}
        y={cy - 5}
        width={10}
        height={10}
        rx={1.5}
        fill={HEX.critical}
        stroke="#fff"
        strokeWidth={1.5}
        data-testid="signal-mark-critical"
      />
    );
  }
  if (payload.level === 'warning') {
    return (
      <path
        d={`M${cx},${cy - 6}L${cx + 6},${cy + 4.5}L${cx - 6},${cy + 4.5}Z`}
        fill={HEX.warning}
        stroke="#fff"
        strokeWidth={1.5}
        strokeLinejoin="round"
        data-testid="signal-mark-warning"
      />
    );
  }
  return <circle cx={cx} cy={cy} r={3.5} fill={HEX.maker} stroke="#fff" strokeWidth={1.5} />;
}

function WeekTooltip({
  active,
  payload,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
}) {
  const point = payload?.[0]?.payload as TrendPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="w-72 rounded-lg bg-slate-900 px-3 py-2.5 text-xs leading-5 text-slate-100 shadow-xl">
      <p className="font-semibold text-white">
        {point.week} <span className="font-normal text-slate-300">· {formatWeekSpan(point.week)}</span>
      </p>
      <p className="mt-1">
        Maker share{' '}
        <span className="font-semibold text-white">
          {point.share === null ? 'no data (week off)' : `${Math.round(point.share)} %`}
        </span>{' '}
        <span className="text-slate-400">(target {Math.round(point.target)} %)</span>
      </p>
      <p>
        {formatMinutes(point.makerMinutes)} maker · {formatMinutes(point.managerMinutes)} manager ·{' '}
        {point.deepBlocks} deep {point.deepBlocks === 1 ? 'block' : 'blocks'}
      </p>
      {point.rolling !== null && point.baseline !== null && (
        <p className="text-slate-300">
          4 weeks: {Math.round(point.rolling)} % · 12 weeks before: {Math.round(point.baseline)} %
        </p>
      )}
      {point.signals.length > 0 && (
        <ul className="mt-1.5 space-y-1 border-t border-white/10 pt-1.5">
          {point.signals.slice(0, 4).map((signal, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a week may raise one code on several days
            <li key={`${signal.code}-${index}`} className="flex gap-1.5">
              <SignalGlyph level={signal.level} className="mt-1 size-2.5" />
              <span>
                <span className="font-medium text-white">{signalLabel(signal.code)}:</span> {signal.message}
              </span>
            </li>
          ))}
          {point.signals.length > 4 && (
            <li className="text-slate-400">and {point.signals.length - 4} more</li>
          )}
        </ul>
      )}
    </div>
  );
}

const tickWeek = (week: string) => shortWeekLabel(week);

/**
 * Maker share by week: the warning band below the target and the shaded weeks of a burnout pattern
 * sit behind the line, the target is a dashed rule, and each week's most severe
 * signal is its mark (square critical, triangle warning). Arrow keys move through the weeks.
 */
export function MakerShareChart({
  points,
  bands,
  width,
  height = 300,
}: { points: readonly TrendPoint[]; bands: TrendBands } & Partial<SizeProps>) {
  const target = points.at(-1)?.target ?? bands.belowTarget.y2;
  return (
    <ComposedChart
      {...sizing({ width, height })}
      data={points as TrendPoint[]}
      margin={MARGIN}
      syncId={SYNC_ID}
      title="Maker share by week"
      desc="Maker share of maker and manager time per week, with the target line and threshold bands"
    >
      <ReferenceArea
        y1={bands.belowTarget.y1}
        y2={bands.belowTarget.y2}
        fill={HEX.warningSoft}
        fillOpacity={0.75}
        stroke="none"
        ifOverflow="visible"
        className="band-below-target"
      />
      {bands.burnout.map((run) => (
        <ReferenceArea
          key={`burnout-${run.from}`}
          x1={run.from}
          x2={run.to}
          fill={HEX.critical}
          fillOpacity={0.1}
          stroke="none"
          className="band-burnout"
          label={{
            value: 'Burnout pattern',
            position: 'insideTopRight',
            fill: HEX.critical,
            fontSize: 11,
            fontWeight: 600,
          }}
        />
      ))}
      <CartesianGrid
        stroke={HEX.grid}
        strokeDasharray="3 3"
        vertical={false}
        verticalCoordinatesGenerator={noVerticalLines}
      />
      <XAxis
        dataKey="week"
        scale="band"
        tickFormatter={tickWeek}
        tick={{ fontSize: 11, fill: HEX.axis }}
        tickLine={false}
        axisLine={{ stroke: HEX.grid }}
        interval="preserveStartEnd"
        minTickGap={12}
      />
      <YAxis
        domain={[0, 100]}
        ticks={[0, 25, 50, 75, 100]}
        tickFormatter={(value: number) => `${value} %`}
        tick={{ fontSize: 11, fill: HEX.axis }}
        tickLine={false}
        axisLine={false}
        width={52}
      />
      <ReferenceLine
        y={target}
        stroke={HEX.warning}
        strokeDasharray="6 4"
        strokeWidth={1.5}
        ifOverflow="extendDomain"
        label={{
          value: `Target ${Math.round(target)} %`,
          position: 'insideTopRight',
          fill: HEX.warning,
          fontSize: 11,
          fontWeight: 600,
        }}
      />
      <Line
        dataKey="rolling"
        name="4-week maker share"
        type="monotone"
        stroke={HEX.makerLight}
        strokeWidth={2}
        strokeDasharray="5 4"
        dot={false}
        activeDot={false}
        connectNulls={false}
        isAnimationActive={false}
      />
      <Line
        dataKey="share"
        name="Maker share"
        type="linear"
        stroke={HEX.maker}
        strokeWidth={2.5}
        dot={<SignalDot />}
        activeDot={{ r: 6, fill: HEX.maker, stroke: '#fff', strokeWidth: 2 }}
        connectNulls={false}
        isAnimationActive={false}
      />
      <Tooltip
        content={WeekTooltip}
        cursor={{ stroke: HEX.axis, strokeDasharray: '3 3' }}
        isAnimationActive={false}
      />
    </ComposedChart>
  );
}

/** Deep blocks per week against the role's floor; weeks under the floor are drawn lighter and hatched. */
export function DeepBlocksChart({
  points,
  floor,
  width,
  height = 150,
}: { points: readonly TrendPoint[]; floor: number } & Partial<SizeProps>) {
  const max = Math.max(floor + 1, ...points.map((point) => point.deepBlocks));
  return (
    <BarChart
      {...sizing({ width, height })}
      data={points as TrendPoint[]}
      margin={MARGIN}
      syncId={SYNC_ID}
      title="Deep blocks by week"
      desc="Deep blocks per week against the deep work floor"
    >
      <defs>
        <pattern
          id="below-floor"
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill={HEX.makerLight} fillOpacity={0.55} />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2" />
        </pattern>
      </defs>
      <CartesianGrid
        stroke={HEX.grid}
        strokeDasharray="3 3"
        vertical={false}
        verticalCoordinatesGenerator={noVerticalLines}
      />
      <XAxis
        dataKey="week"
        tickFormatter={tickWeek}
        tick={{ fontSize: 11, fill: HEX.axis }}
        tickLine={false}
        axisLine={{ stroke: HEX.grid }}
        interval="preserveStartEnd"
        minTickGap={12}
      />
      <YAxis
        domain={[0, max]}
        allowDecimals={false}
        tick={{ fontSize: 11, fill: HEX.axis }}
        tickLine={false}
        axisLine={false}
        width={52}
      />
      <ReferenceLine
        y={floor}
        stroke={HEX.warning}
        strokeDasharray="6 4"
        strokeWidth={1.5}
        label={{
          value: `Floor ${floor}`,
          position: 'insideTopRight',
          fill: HEX.warning,
          fontSize: 11,
          fontWeight: 600,
        }}
      />
      <Bar
        dataKey="deepBlocks"
        name="Deep blocks"
        radius={[3, 3, 0, 0]}
        isAnimationActive={false}
        maxBarSize={28}
      >
        {points.map((point) => (
          <Cell key={point.week} fill={point.deepBlocks >= floor ? HEX.maker : 'url(#below-floor)'} />
        ))}
      </Bar>
      <Tooltip content={WeekTooltip} cursor={{ fill: 'rgb(148 163 184 / 0.12)' }} isAnimationActive={false} />
    </BarChart>
  );
}
