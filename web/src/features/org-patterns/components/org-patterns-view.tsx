import type { OrgMetricsResponse } from '@tiltmeter/shared/metrics-api';
import { ChartCard, Panel } from '../../../components/charts/chart-card.tsx';
import { SegmentedControl } from '../../../components/charts/segmented-control.tsx';
import { SignalGlyph } from '../../../components/charts/signal-badge.tsx';
import { SIGNAL_META, SIGNAL_ORDER, signalLabel } from '../../../components/charts/signal-meta.ts';
import { LoadingRegion, QueryError, Skeleton } from '../../../components/charts/states.tsx';
import { PrivacyNote } from '../../../components/privacy-note.tsx';
import { cn } from '../../../lib/cn.ts';
import { formatShare } from '../../../lib/format-metrics.ts';
import { addIsoWeeks, formatWeekSpan } from '../../../lib/iso-week.ts';
import { useOrgMetrics } from '../api/get-org-metrics.ts';
import { ORG_RANGES, type OrgRange } from '../utils/search.ts';
import { HeatmapLegend, OrgHeatmap } from './org-heatmap.tsx';

const RANGE_OPTIONS = ORG_RANGES.map((weeks) => ({
  value: String(weeks) as `${OrgRange}`,
  label: `${weeks} weeks`,
}));

interface OrgPatternsViewProps {
  /** The last week of the range (UTC, as team views count weeks). */
  to: string;
  range: OrgRange;
  onRangeChange: (range: OrgRange) => void;
}

/** Org patterns: which teams tilt toward manager work, for how long, and which signals they raise. */
export function OrgPatternsView({ to, range, onRangeChange }: OrgPatternsViewProps) {
  const from = addIsoWeeks(to, -(range - 1));
  const query = useOrgMetrics({ from, to });
  const control = (
    <SegmentedControl
      label="Range"
      value={String(range) as `${OrgRange}`}
      onChange={(value) => onRangeChange(Number(value) as OrgRange)}
      options={RANGE_OPTIONS}
    />
  );

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          <span className="font-medium text-slate-900 tabular-nums">{formatWeekSpan(from, to)}</span> · {from}{' '}
          to {to}
        </p>
        {control}
      </div>
      {query.isPending ? (
        <LoadingRegion label="Loading org patterns…">
          <div className="space-y-5">
            <Skeleton className="h-20 rounded-xl" />
            <Skeleton className="h-72 rounded-xl" />
            <Skeleton className="h-80 rounded-xl" />
          </div>
        </LoadingRegion>
      ) : query.isError && !query.data ? (
        <QueryError
          title="Org patterns could not be loaded"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      ) : query.data ? (
        <div
          className={cn('space-y-5 transition-opacity', query.isPlaceholderData && 'opacity-60')}
          aria-busy={query.isPlaceholderData || undefined}
        >
          {query.data.teams.length === 0 ? (
            <p className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
              There are no teams yet. Create teams in Settings and their weeks appear here.
            </p>
          ) : (
            <>
              <TiltAlerts data={query.data} />
              <HeatmapCard data={query.data} />
              <PrevalenceCard data={query.data} />
            </>
          )}
          <PrivacyNote>
            <strong className="font-medium text-slate-900">Patterns, not people.</strong> Every number here is
            a team aggregate over at least {query.data.minGroupSize} people; smaller groups, and weeks that
            would single someone out by difference, are suppressed. Nobody is ranked.
          </PrivacyNote>
        </div>
      ) : null}
    </div>
  );
}

function TiltAlerts({ data }: { data: OrgMetricsResponse }) {
  const tilting = data.teams.filter((team) => team.tilt.pattern === 'sustained_tilt');
  if (data.burnoutTeams.length === 0 && tilting.length === 0) {
    return (
      <p className="flex items-center gap-2.5 rounded-xl border border-green-200 bg-ok-soft px-4 py-3 text-sm text-green-950">
        <span aria-hidden="true" className="size-2.5 rounded-full bg-ok" />
        No team has been mostly below target for {data.sustainedTiltWeeks} weeks in a row.
      </p>
    );
  }
  return (
    <section aria-labelledby="tilt-title" className="space-y-2">
      <h2 id="tilt-title" className="sr-only">
        Teams in a tilt
      </h2>
      <ul
        className={cn('grid gap-3', data.burnoutTeams.length + tilting.length > 1 && 'md:grid-cols-2')}
        data-testid="burnout-teams"
      >
        {data.burnoutTeams.map((team) => (
          <li
            key={team.id}
            className="flex gap-3 rounded-xl border border-red-200 bg-critical-soft px-4 py-3"
          >
            <SignalGlyph level="critical" className="mt-1 size-3.5" />
            <p className="text-sm leading-6 text-red-950">
              <span className="font-semibold">{team.name}: burnout pattern.</span> Most of the team has been
              below their own target for {team.weeksMostlyBelowTarget} weeks in a row (the pattern starts at{' '}
              {data.burnoutWeeks}).
            </p>
          </li>
        ))}
        {tilting.map((team) => (
          <li
            key={team.id}
            className="flex gap-3 rounded-xl border border-amber-200 bg-warning-soft px-4 py-3"
          >
            <SignalGlyph level="warning" className="mt-1 size-3.5" />
            <p className="text-sm leading-6 text-amber-950">
              <span className="font-semibold">{team.name}: sustained tilt.</span> Most of the team has been
              below their own target for {team.tilt.weeksMostlyBelowTarget} weeks in a row.
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function HeatmapCard({ data }: { data: OrgMetricsResponse }) {
  const weeks = data.teams[0]?.weeks.map((cell) => cell.week) ?? [];
  const suppressedTeams = data.teams.filter((team) => team.weeks.every((cell) => cell.suppressed));
  const summary = data.teams
    .map((team) => {
      const latest = [...team.weeks].reverse().find((cell) => !cell.suppressed);
      if (!latest || latest.suppressed) return `${team.name}: suppressed in every week`;
      return `${team.name}: ${formatShare(latest.medianMakerShare)} in ${latest.week}${team.tilt.pattern ? `, ${team.tilt.pattern === 'burnout_pattern' ? 'burnout pattern' : 'sustained tilt'}` : ''}`;
    })
    .join('; ');
  return (
    <ChartCard
      title="Maker share by team and week"
      description="Each cell is the median maker share of the team's person-weeks. Orange cells tilt toward manager work."
      summary={`Median maker share by team, latest shown week: ${summary}.`}
      chart={<OrgHeatmap data={data} />}
      table={
        <table className="w-full border-collapse text-left text-[13px]">
          <caption className="sr-only">Median maker share by team and week</caption>
          <thead>
            <tr className="border-b border-slate-200 text-slate-500">
              <th scope="col" className="sticky top-0 bg-white px-3 py-2 font-medium">
                Week
              </th>
              {data.teams.map((team) => (
                <th
                  key={team.id}
                  scope="col"
                  className="sticky top-0 bg-white px-3 py-2 text-right font-medium"
                >
                  {team.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, index) => (
              <tr key={week} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="px-3 py-1.5 font-medium text-slate-900 tabular-nums">
                  {week}
                </th>
                {data.teams.map((team) => {
                  const cell = team.weeks[index];
                  return (
                    <td key={team.id} className="px-3 py-1.5 text-right text-slate-700 tabular-nums">
                      {!cell ? (
                        '–'
                      ) : cell.suppressed ? (
                        <span title={cell.reason}>Suppressed</span>
                      ) : (
                        formatShare(cell.medianMakerShare)
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      }
      footer={
        <div className="space-y-2">
          <HeatmapLegend />
          {suppressedTeams.length > 0 && (
            <p className="text-xs text-slate-500" data-testid="suppressed-teams">
              {suppressedTeams
                .map((team) => `${team.name}: ${team.weeks[0]?.suppressed ? team.weeks[0].reason : ''}`)
                .join('. ')}
              .
            </p>
          )}
        </div>
      }
    />
  );
}

function PrevalenceCard({ data }: { data: OrgMetricsResponse }) {
  const codes = SIGNAL_ORDER.filter((code) =>
    data.teams.some((team) => (team.prevalence?.shares[code] ?? 0) > 0),
  );
  const summary = data.teams
    .map((team) =>
      team.prevalence
        ? `${team.name}: ${
            codes
              .filter((code) => (team.prevalence?.shares[code] ?? 0) > 0)
              .map((code) => `${signalLabel(code)} ${formatShare(team.prevalence?.shares[code])}`)
              .join(', ') || 'no signals'
          }`
        : `${team.name}: suppressed`,
    )
    .join('. ');
  const table = (
    <table className="w-full border-collapse text-left text-[13px]" data-testid="org-prevalence">
      <caption className="sr-only">Share of person-weeks raising each signal, by team</caption>
      <thead>
        <tr className="border-b border-slate-200 text-slate-500">
          <th scope="col" className="py-2 pr-3 font-medium">
            Signal
          </th>
          {data.teams.map((team) => (
            <th key={team.id} scope="col" className="px-3 py-2 text-right font-medium">
              {team.name}
              <span className="block text-[11px] font-normal text-slate-400">
                {team.prevalence ? `${team.prevalence.personWeeks} person-weeks` : 'suppressed'}
              </span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {codes.map((code) => (
          <tr key={code} className="border-b border-slate-100 last:border-0">
            <th scope="row" className="py-2 pr-3 font-normal">
              <span className="flex items-center gap-2 font-medium text-slate-900">
                <SignalGlyph level={SIGNAL_META[code].level} />
                {signalLabel(code)}
              </span>
            </th>
            {data.teams.map((team) => {
              const share = team.prevalence?.shares[code] ?? null;
              return (
                <td key={team.id} className="px-3 py-2 text-right align-middle">
                  {share === null ? (
                    <span className="text-xs text-slate-400">suppressed</span>
                  ) : (
                    <span className="inline-flex w-full items-center justify-end gap-2">
                      <span
                        aria-hidden="true"
                        className="hidden h-1.5 w-16 rounded-full bg-slate-100 sm:block"
                      >
                        <span
                          className={cn(
                            'block h-full rounded-full',
                            SIGNAL_META[code].level === 'critical' ? 'bg-critical/80' : 'bg-warning/70',
                          )}
                          style={{ width: `${share * 100}%` }}
                        />
                      </span>
                      <span
                        className={cn(
                          'w-10 tabular-nums',
                          share === 0 ? 'text-slate-400' : 'font-semibold text-slate-900',
                        )}
                      >
                        {formatShare(share)}
                      </span>
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  // The bars sit inside a real table, so the table is its own accessible alternative.
  return (
    <Panel
      title="How often each signal fires"
      description="The share of each team's person-weeks that raised the signal in these weeks."
    >
      <p className="sr-only">{`Signal prevalence by team. ${summary}.`}</p>
      {codes.length === 0 ? (
        <p className="text-sm text-green-800">No signals fired in these weeks.</p>
      ) : (
        <div className="overflow-x-auto">{table}</div>
      )}
    </Panel>
  );
}
