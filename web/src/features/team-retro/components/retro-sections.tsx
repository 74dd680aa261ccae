import type { TeamMetricsResponse, TeamWeekCell } from '@tiltmeter/shared/metrics-api';
import { ChartCard, Panel } from '../../../components/charts/chart-card.tsx';
import { type Column, DataTable } from '../../../components/charts/data-table.tsx';
import { DistributionBar, DistributionLegend } from '../../../components/charts/distribution-bar.tsx';
import { HEX } from '../../../components/charts/palette.ts';
import { SignalGlyph } from '../../../components/charts/signal-badge.tsx';
import { SIGNAL_META, signalLabel } from '../../../components/charts/signal-meta.ts';
import { Sparkline } from '../../../components/charts/sparkline.tsx';
import { cn } from '../../../lib/cn.ts';
import { formatHours, formatShare } from '../../../lib/format-metrics.ts';
import { formatWeekSpan } from '../../../lib/iso-week.ts';
import type { SprintPeriod } from '../utils/periods.ts';
import {
  type Comparison,
  comparisons,
  formatChange,
  formatValue,
  type SeriesRow,
  type SignalRow,
  seriesRows,
  shown,
  signalRows,
  WEEKDAY_NAMES,
} from '../utils/retro-model.ts';

export interface RetroData {
  current: TeamMetricsResponse | undefined;
  previous: TeamMetricsResponse | undefined;
  periods: { current: SprintPeriod; previous: SprintPeriod };
}

/** A suppressed aggregate, said plainly: what is hidden and why. */
export function SuppressedNotice({ which, reason }: { which: string; reason: string }) {
  return (
    <div
      data-testid="suppressed-notice"
      className="flex items-start gap-3 rounded-xl border border-slate-300 bg-slate-50 px-4 py-3 text-sm leading-6 text-slate-700"
    >
      <span
        aria-hidden="true"
        className="mt-1 size-4 shrink-0 rounded-sm border border-slate-300"
        style={{ backgroundImage: 'repeating-linear-gradient(135deg, #e2e8f0 0 3px, transparent 3px 6px)' }}
      />
      <p>
        <span className="font-semibold text-slate-900">{which}: suppressed.</span> {reason}.
      </p>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Comparison tiles
// ---------------------------------------------------------------------------------------------

function changeTone(row: Comparison): string {
  if (row.previous === null || row.current === null || row.higherIsBetter === null) return 'text-slate-600';
  const delta = Math.round((row.current - row.previous) * (row.kind === 'share' ? 100 : 10));
  if (delta === 0) return 'text-slate-600';
  return delta > 0 === row.higherIsBetter ? 'text-green-800' : 'text-amber-800';
}

export function ComparisonTiles({ data }: { data: RetroData }) {
  const rows = comparisons(data.previous?.summary, data.current?.summary).filter((row) =>
    ['median-share', 'median-deep', 'below-target', 'manager'].includes(row.key),
  );
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="retro-tiles">
      {rows.map((row) => (
        <div key={row.key} className="rounded-xl border border-slate-200 bg-white px-4 py-3.5">
          <p className="text-[13px] leading-5 font-medium text-slate-600">{row.label}</p>
          <p
            className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums"
            data-testid={`tile-${row.key}`}
          >
            {row.current === null ? (
              <span className="text-base font-medium text-slate-500">Suppressed</span>
            ) : (
              formatValue(row.current, row.kind)
            )}
          </p>
          <p className="mt-0.5 text-xs text-slate-500">
            <span className={cn('font-medium', changeTone(row))}>{formatChange(row)}</span>
            {row.previous !== null && ` from ${formatValue(row.previous, row.kind)} the sprint before`}
          </p>
        </div>
      ))}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Distribution
// ---------------------------------------------------------------------------------------------

export function DistributionCard({ data }: { data: RetroData }) {
  const periods = [
    { key: 'previous', name: 'Previous sprint', period: data.periods.previous, cell: data.previous?.summary },
    { key: 'current', name: 'This sprint', period: data.periods.current, cell: data.current?.summary },
  ];
  const rows = comparisons(data.previous?.summary, data.current?.summary).filter((row) =>
    ['maker', 'manager', 'neutral'].includes(row.key),
  );
  const columns: Column<Comparison>[] = [
    { key: 'label', header: 'Time', rowHeader: true, cell: (row) => row.label },
    {
      key: 'previous',
      header: 'Previous sprint',
      numeric: true,
      cell: (row) => formatValue(row.previous, row.kind),
    },
    {
      key: 'current',
      header: 'This sprint',
      numeric: true,
      cell: (row) => formatValue(row.current, row.kind),
    },
    { key: 'change', header: 'Change', numeric: true, cell: (row) => formatChange(row) },
  ];
  const summary = periods
    .map(({ name, cell }) =>
      cell && !cell.suppressed
        ? `${name}: ${formatShare(cell.distribution.makerFraction)} maker, ${formatShare(cell.distribution.managerFraction)} manager, ${formatShare(cell.distribution.neutralFraction)} neutral`
        : `${name}: suppressed`,
    )
    .join('. ');
  return (
    <ChartCard
      title="Where the time went"
      description="Maker, manager and neutral time of the whole team, summed over the sprint."
      summary={summary}
      chart={
        <div className="space-y-3" data-testid="team-distribution">
          {periods.map(({ key, name, period, cell }) => {
            const aggregate = shown(cell);
            return (
              <div
                key={key}
                className="grid items-center gap-x-4 gap-y-1 sm:grid-cols-[9.5rem_minmax(0,1fr)]"
              >
                <div>
                  <p className="text-[13px] font-medium text-slate-800">{name}</p>
                  <p className="text-xs text-slate-500">{period.span}</p>
                </div>
                {aggregate ? (
                  <DistributionBar
                    parts={{
                      maker: aggregate.distribution.makerMinutes,
                      manager: aggregate.distribution.managerMinutes,
                      neutral: aggregate.distribution.neutralMinutes,
                    }}
                  />
                ) : (
                  <div
                    className="flex h-7 items-center rounded-md px-3 text-xs font-medium text-slate-600 ring-1 ring-slate-200 ring-inset"
                    style={{
                      backgroundImage: 'repeating-linear-gradient(135deg, #f1f5f9 0 6px, #fff 6px 12px)',
                    }}
                  >
                    Suppressed{cell?.suppressed ? `: ${cell.reason}` : ''}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      }
      table={
        <DataTable
          caption="Share of the team's time by category, sprint by sprint"
          columns={columns}
          rows={rows}
          rowKey={(row) => row.key}
        />
      }
      footer={<DistributionLegend />}
    />
  );
}

// ---------------------------------------------------------------------------------------------
// Week by week
// ---------------------------------------------------------------------------------------------

export function WeeklyCard({ data }: { data: RetroData }) {
  const weeks: { cell: TeamWeekCell; sprint: 'previous' | 'current' }[] = [
    ...(data.previous?.weeks ?? []).map((cell) => ({ cell, sprint: 'previous' as const })),
    ...(data.current?.weeks ?? []).map((cell) => ({ cell, sprint: 'current' as const })),
  ];
  const columns: Column<(typeof weeks)[number]>[] = [
    { key: 'week', header: 'Week', rowHeader: true, cell: ({ cell }) => cell.week },
    {
      key: 'sprint',
      header: 'Sprint',
      cell: ({ sprint }) => (sprint === 'current' ? 'This sprint' : 'Previous'),
    },
    {
      key: 'share',
      header: 'Median maker share',
      numeric: true,
      cell: ({ cell }) =>
        cell.suppressed ? `Suppressed: ${cell.reason}` : formatShare(cell.medianMakerShare),
    },
    {
      key: 'deep',
      header: 'Median deep blocks',
      numeric: true,
      cell: ({ cell }) => (cell.suppressed ? '–' : formatValue(cell.medianDeepBlocks, 'decimal')),
    },
    {
      key: 'people',
      header: 'People',
      numeric: true,
      cell: ({ cell }) => (cell.suppressed ? '–' : cell.people),
    },
  ];
  const summary = weeks
    .map(({ cell }) => `${cell.week}: ${cell.suppressed ? 'suppressed' : formatShare(cell.medianMakerShare)}`)
    .join(', ');
  return (
    <ChartCard
      title="Week by week"
      description="The median person-week's maker share and deep blocks. A week with too few people is suppressed."
      summary={`Median maker share by week: ${summary}.`}
      chart={
        <ol
          className="grid gap-2"
          style={{ gridTemplateColumns: `repeat(${Math.max(weeks.length, 1)}, minmax(0, 1fr))` }}
        >
          {weeks.map(({ cell, sprint }) => (
            <li key={cell.week} className="min-w-0">
              <div className="relative h-32 overflow-hidden rounded-md bg-slate-50 ring-1 ring-slate-100 ring-inset">
                {cell.suppressed ? (
                  <div
                    className="absolute inset-0 flex items-center justify-center p-2 text-center text-[11px] leading-4 font-medium text-slate-600"
                    style={{
                      backgroundImage:
                        'repeating-linear-gradient(135deg, #e2e8f0 0 2px, transparent 2px 8px)',
                    }}
                    title={cell.reason}
                  >
                    <span className="rounded bg-white/90 px-1.5 py-0.5">Suppressed</span>
                  </div>
                ) : (
                  <>
                    <div
                      className={cn(
                        'absolute inset-x-2 bottom-0 rounded-t',
                        sprint === 'current' ? 'bg-maker' : 'bg-maker-light',
                      )}
                      style={{ height: `${(cell.medianMakerShare ?? 0) * 100}%` }}
                    />
                    <span className="absolute inset-x-0 top-1.5 text-center text-xs font-semibold text-slate-900 tabular-nums">
                      {formatShare(cell.medianMakerShare)}
                    </span>
                  </>
                )}
              </div>
              <p className="mt-1 truncate text-center text-[11px] text-slate-600 tabular-nums">
                {cell.week.slice(5)}
                <span className="hidden text-slate-400 sm:inline">
                  {' '}
                  · {sprint === 'current' ? 'this' : 'prev.'}
                </span>
              </p>
              {!cell.suppressed && (
                <p className="truncate text-center text-[11px] text-slate-500 tabular-nums">
                  {formatValue(cell.medianDeepBlocks, 'decimal')} deep
                </p>
              )}
            </li>
          ))}
        </ol>
      }
      table={
        <DataTable
          caption="Team aggregates by week"
          columns={columns}
          rows={weeks}
          rowKey={({ cell }) => cell.week}
          dense
        />
      }
    />
  );
}

// ---------------------------------------------------------------------------------------------
// Meetings
// ---------------------------------------------------------------------------------------------

export function MeetingsCard({ data }: { data: RetroData }) {
  const rows = seriesRows(data.previous, data.current);
  const widest = Math.max(1, ...rows.map((row) => row.series.focusCostMinutes));
  const columns: Column<SeriesRow>[] = [
    {
      key: 'title',
      header: 'Meeting',
      rowHeader: true,
      cell: (row) => row.series.title ?? 'Recurring meeting',
    },
    { key: 'people', header: 'People', numeric: true, cell: (row) => row.series.people },
    { key: 'occurrences', header: 'Occurrences', numeric: true, cell: (row) => row.series.occurrences },
    {
      key: 'time',
      header: 'Meeting time',
      numeric: true,
      cell: (row) => formatHours(row.series.managerMinutes),
    },
    {
      key: 'cost',
      header: 'Focus cost',
      numeric: true,
      cell: (row) => formatHours(row.series.focusCostMinutes),
    },
    {
      key: 'previous',
      header: 'Previous sprint',
      numeric: true,
      cell: (row) => (row.previousFocusCost === null ? '–' : formatHours(row.previousFocusCost)),
    },
  ];
  return (
    <ChartCard
      title="Recurring meetings that cost the most focus"
      description={data.current?.seriesNote ?? 'Recurring meetings ranked by the deep time they destroyed.'}
      summary={
        rows.length === 0
          ? 'No recurring meetings counted.'
          : `Most costly: ${rows
              .slice(0, 3)
              .map(
                (row) =>
                  `${row.series.title ?? 'a recurring meeting'}, ${formatHours(row.series.focusCostMinutes)} of focus`,
              )
              .join('; ')}.`
      }
      chart={
        rows.length === 0 ? (
          <p className="text-sm text-slate-600">
            No recurring meeting was shared by enough of the team to be counted.
          </p>
        ) : (
          <ol className="space-y-3" data-testid="team-meetings">
            {rows.map((row) => (
              <li
                key={row.series.seriesId}
                className="grid gap-x-4 gap-y-1 text-[13px] sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)]"
              >
                <div className="min-w-0">
                  <p className="truncate font-medium text-slate-900">
                    {row.series.title ?? 'Recurring meeting'}
                  </p>
                  <p className="text-xs text-slate-500">
                    {row.series.people} people · {row.series.occurrences} occurrences ·{' '}
                    {formatHours(row.series.managerMinutes)} in it
                  </p>
                </div>
                <div className="flex items-center gap-3">
                  <div className="h-4 flex-1 rounded bg-slate-100">
                    <div
                      className="h-full rounded bg-critical/75"
                      style={{ width: `${(row.series.focusCostMinutes / widest) * 100}%` }}
                    />
                  </div>
                  <p className="w-28 shrink-0 text-right tabular-nums">
                    <span className="font-semibold text-critical">
                      {formatHours(row.series.focusCostMinutes)}
                    </span>
                    <span className="block text-[11px] text-slate-500">
                      {row.previousFocusCost === null
                        ? 'not counted before'
                        : `${formatHours(row.previousFocusCost)} before`}
                    </span>
                  </p>
                </div>
              </li>
            ))}
          </ol>
        )
      }
      table={
        <DataTable
          caption="Recurring meetings by focus cost, this sprint"
          columns={columns}
          rows={rows}
          rowKey={(row) => row.series.seriesId}
        />
      }
    />
  );
}

// ---------------------------------------------------------------------------------------------
// Weekdays
// ---------------------------------------------------------------------------------------------

export function WeekdayCard({ data }: { data: RetroData }) {
  const days = data.current?.weekdays ?? [];
  const widest = Math.max(1, ...days.map((day) => day.managerMinutes));
  const free = days.filter((day) => day.weekday <= 5 && day.meetings === 0);
  const columns: Column<(typeof days)[number]>[] = [
    { key: 'day', header: 'Weekday', rowHeader: true, cell: (day) => WEEKDAY_NAMES[day.weekday - 1] },
    { key: 'minutes', header: 'Manager time', numeric: true, cell: (day) => formatHours(day.managerMinutes) },
    { key: 'meetings', header: 'Meetings', numeric: true, cell: (day) => day.meetings },
  ];
  return (
    <ChartCard
      title="Manager time by weekday"
      description={
        free.length > 0
          ? `Meeting-free this sprint: ${free.map((day) => WEEKDAY_NAMES[day.weekday - 1]).join(', ')}.`
          : 'Did the team keep its meeting-free day? No weekday was free of meetings this sprint.'
      }
      summary={days
        .map((day) => `${WEEKDAY_NAMES[day.weekday - 1]} ${formatHours(day.managerMinutes)}`)
        .join(', ')}
      chart={
        days.length === 0 ? (
          <p className="text-sm text-slate-600">No week of this sprint is shown.</p>
        ) : (
          <ol className="flex h-40 items-end gap-2" data-testid="team-weekdays">
            {days.map((day) => (
              <li key={day.weekday} className="flex h-full min-w-0 flex-1 flex-col justify-end text-center">
                <span className="mb-1 text-[11px] font-medium text-slate-700 tabular-nums">
                  {formatHours(day.managerMinutes)}
                </span>
                <div
                  className={cn('rounded-t', day.meetings === 0 ? 'bg-transparent' : 'bg-manager')}
                  style={{
                    height: `${(day.managerMinutes / widest) * 75}%`,
                    backgroundImage:
                      'repeating-linear-gradient(135deg, transparent 0 6px, rgb(255 255 255 / 0.28) 6px 8px)',
                  }}
                />
                {day.meetings === 0 && day.weekday <= 5 && (
                  <span className="mb-1 rounded bg-ok-soft px-1 py-0.5 text-[10px] font-semibold text-green-800">
                    free
                  </span>
                )}
                <span className="mt-1 border-t border-slate-200 pt-1 text-xs text-slate-600">
                  {WEEKDAY_NAMES[day.weekday - 1]?.slice(0, 3)}
                </span>
              </li>
            ))}
          </ol>
        )
      }
      table={
        <DataTable
          caption="Manager time by weekday, this sprint"
          columns={columns}
          rows={days}
          rowKey={(day) => String(day.weekday)}
        />
      }
    />
  );
}

// ---------------------------------------------------------------------------------------------
// Signals
// ---------------------------------------------------------------------------------------------

export function SignalsCard({ data }: { data: RetroData }) {
  const rows = signalRows(data.previous?.summary, data.current?.summary);
  const personWeeks = shown(data.current?.summary)?.personWeeks ?? null;
  return (
    <Panel
      title="Signals"
      description={`Person-weeks that raised each signal${personWeeks !== null ? ` (of ${personWeeks} this sprint)` : ''}. A person counts once a week.`}
    >
      {rows.length === 0 ? (
        <p className="text-sm text-green-800">No signals in either sprint.</p>
      ) : (
        <table className="w-full border-collapse text-left text-[13px]" data-testid="team-signals">
          <caption className="sr-only">
            Signal counts in person-weeks, previous sprint and this sprint
          </caption>
          <thead>
            <tr className="border-b border-slate-200 text-slate-500">
              <th scope="col" className="py-2 pr-3 font-medium">
                Signal
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Previous
              </th>
              <th scope="col" className="py-2 pl-3 text-right font-medium">
                This sprint
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row: SignalRow) => (
              <tr key={row.code} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="py-2 pr-3 font-normal">
                  <span className="flex items-center gap-2 font-medium text-slate-900">
                    <SignalGlyph level={SIGNAL_META[row.code].level} />
                    {signalLabel(row.code)}
                  </span>
                  <span className="ml-5 block text-xs text-slate-500">
                    {SIGNAL_META[row.code].explanation}
                  </span>
                </th>
                <td className="px-3 py-2 text-right text-slate-600 tabular-nums">{row.previous ?? '–'}</td>
                <td className="py-2 pl-3 text-right font-semibold text-slate-900 tabular-nums">
                  {row.current ?? '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

// ---------------------------------------------------------------------------------------------
// Individuals
// ---------------------------------------------------------------------------------------------

const ACCESS_LABEL = {
  own: 'You',
  shared_with_lead: 'Shares with team leads',
  open_team: 'Open team',
} as const;

export function IndividualsCard({ data, weeks }: { data: RetroData; weeks: readonly string[] }) {
  const previous = new Map(data.previous?.individuals.shown.map((person) => [person.memberId, person]) ?? []);
  const people = [...(data.current?.individuals.shown ?? [])].sort((a, b) =>
    // Never a ranking: you first, then by name.
    a.access === 'own' ? -1 : b.access === 'own' ? 1 : a.displayName.localeCompare(b.displayName),
  );
  const omitted = data.current?.individuals.omitted ?? 0;
  const reason = data.current?.individuals.omittedReason;
  return (
    <Panel
      title="Individuals"
      description="Only people who chose to share their numbers with their leads, or everyone in an open team. Listed by name, never ranked."
    >
      {people.length > 0 && (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="team-individuals">
          {people.map((person) => {
            const before = previous.get(person.memberId);
            const byWeek = new Map(
              [...(before?.weeks ?? []), ...person.weeks].map((week) => [week.week, week]),
            );
            const points = weeks.map((week) => {
              const value = byWeek.get(week);
              return {
                value: value?.makerShare ?? null,
                level:
                  value?.signals.includes('zero_maker_week') || value?.signals.includes('burnout_pattern')
                    ? ('critical' as const)
                    : value?.signals.includes('maker_share_below_target')
                      ? ('warning' as const)
                      : null,
              };
            });
            const last = person.weeks.at(-1);
            const target = last?.target ?? 0.5;
            const shares = person.weeks.filter((week) => week.makerShare !== null);
            const average =
              shares.length === 0
                ? null
                : shares.reduce((sum, week) => sum + week.makerMinutes, 0) /
                  Math.max(
                    1,
                    shares.reduce((sum, week) => sum + week.makerMinutes + week.managerMinutes, 0),
                  );
            return (
              <li key={person.memberId} className="rounded-lg border border-slate-200 p-3">
                <p className="flex items-baseline justify-between gap-2">
                  <span className="truncate text-[13px] font-semibold text-slate-900">
                    {person.displayName}
                  </span>
                  <span className="shrink-0 text-[11px] text-slate-500">{ACCESS_LABEL[person.access]}</span>
                </p>
                <p className="text-xs text-slate-600">
                  Maker share this sprint{' '}
                  <span className="font-semibold text-slate-900 tabular-nums">{formatShare(average)}</span> ·
                  target {formatShare(target)}
                </p>
                <div className="mt-2">
                  <Sparkline points={points} target={target} />
                </div>
                <p className="sr-only">
                  By week:{' '}
                  {weeks
                    .map((week) => `${week} ${formatShare(byWeek.get(week)?.makerShare ?? null)}`)
                    .join(', ')}
                  .
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {(omitted > 0 || people.length === 0) && (
        <p
          className={cn(
            'flex items-start gap-2 text-[13px] leading-5 text-slate-600',
            people.length > 0 && 'mt-3',
          )}
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 16 16"
            className="mt-0.5 size-4 shrink-0"
            fill="none"
            stroke={HEX.axis}
            strokeWidth="1.5"
          >
            <rect x="3" y="7" width="10" height="7" rx="1.5" />
            <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
          </svg>
          <span data-testid="individuals-omitted">
            {reason ?? (people.length === 0 ? 'Nobody in this team shares individual numbers with you.' : '')}
          </span>
        </p>
      )}
    </Panel>
  );
}

/** "9 – 22 Nov 2026" beside the sprint labels. */
export function periodSpan(period: SprintPeriod): string {
  return formatWeekSpan(period.from, period.to);
}
