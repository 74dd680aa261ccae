import type { OrgMetricsResponse, OrgTeam, OrgTeamWeekCell } from '@tiltmeter/shared/metrics-api';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { cn } from '../../../lib/cn.ts';
import { formatShare } from '../../../lib/format-metrics.ts';
import { formatWeekSpan, shortWeekLabel } from '../../../lib/iso-week.ts';
import { HEAT_STEPS, heatStep, SUPPRESSED_PATTERN } from '../utils/heat-scale.ts';

function describeCell(team: OrgTeam, cell: OrgTeamWeekCell): string {
  if (cell.suppressed) return `${team.name}, ${cell.week}: suppressed. ${cell.reason}.`;
  if (cell.medianMakerShare === null) return `${team.name}, ${cell.week}: no maker or manager time.`;
  return `${team.name}, ${cell.week}: median maker share ${formatShare(cell.medianMakerShare)}, ${cell.people} people, ${formatShare(cell.belowTargetShare)} below their own target.`;
}

/**
 * Teams by weeks, each cell the median maker share of the team's person-weeks, coloured on a
 * blue/orange scale with the number printed in it. Suppressed cells are hatched and say so. The grid
 * is one tab stop: arrow keys move between cells (Home/End along a row), and the focused or hovered
 * cell is described in words under the grid.
 */
export function OrgHeatmap({ data }: { data: OrgMetricsResponse }) {
  const weeks = data.teams[0]?.weeks.map((cell) => cell.week) ?? [];
  const [active, setActive] = useState<{ row: number; column: number }>({
    row: 0,
    column: Math.max(0, weeks.length - 1),
  });
  const [hover, setHover] = useState<{ row: number; column: number } | null>(null);
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const scroller = useRef<HTMLDivElement>(null);
  // On a narrow screen the grid scrolls sideways: start at the latest weeks, the ones that matter most.
  useEffect(() => {
    const element = scroller.current;
    if (element) element.scrollLeft = element.scrollWidth;
  }, []);
  const showNumbers = weeks.length <= 26;
  const shown = hover ?? active;
  const shownTeam = data.teams[shown.row];
  const shownCell = shownTeam?.weeks[shown.column];

  function onKeyDown(event: KeyboardEvent<HTMLTableCellElement>, row: number, column: number) {
    let next = { row, column };
    if (event.key === 'ArrowRight') next = { row, column: Math.min(weeks.length - 1, column + 1) };
    else if (event.key === 'ArrowLeft') next = { row, column: Math.max(0, column - 1) };
    else if (event.key === 'ArrowDown') next = { row: Math.min(data.teams.length - 1, row + 1), column };
    else if (event.key === 'ArrowUp') next = { row: Math.max(0, row - 1), column };
    else if (event.key === 'Home') next = { row, column: 0 };
    else if (event.key === 'End') next = { row, column: weeks.length - 1 };
    else return;
    event.preventDefault();
    setActive(next);
    cells.current.get(`${next.row}:${next.column}`)?.focus();
  }

  return (
    <div>
      <div ref={scroller} className="overflow-x-auto pb-1">
        <table
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the APG data grid pattern is a table with role grid: arrow keys move between its cells
          role="grid"
          aria-label="Median maker share by team and week"
          aria-describedby="heatmap-detail"
          className="w-full border-separate border-spacing-[2px] text-[11px]"
          data-testid="org-heatmap"
        >
          <thead>
            <tr>
              <th
                scope="col"
                className="sticky left-0 z-10 min-w-[10.5rem] bg-white pr-2 text-left text-xs font-medium text-slate-500"
              >
                Team
              </th>
              {weeks.map((week, index) => (
                <th
                  key={week}
                  scope="col"
                  className="min-w-6 px-0 pb-1 text-center font-normal text-slate-500 tabular-nums"
                >
                  <span
                    aria-hidden={index % 2 === 1 && weeks.length > 13 ? true : undefined}
                    className={cn(index % 2 === 1 && weeks.length > 13 && 'invisible')}
                  >
                    {shortWeekLabel(week).slice(1)}
                  </span>
                  <span className="sr-only">{week}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.teams.map((team, row) => (
              <tr key={team.id}>
                <th scope="row" className="sticky left-0 z-10 bg-white pr-2 text-left font-normal">
                  <span className="block truncate text-[13px] font-medium text-slate-900">{team.name}</span>
                  <span className="block text-[11px] text-slate-500">
                    {team.memberCount} members
                    {team.tilt.pattern === 'burnout_pattern' && (
                      <span className="ml-1 font-semibold text-critical">· burnout pattern</span>
                    )}
                    {team.tilt.pattern === 'sustained_tilt' && (
                      <span className="ml-1 font-semibold text-warning">· sustained tilt</span>
                    )}
                  </span>
                </th>
                {team.weeks.map((cell, column) => {
                  const step =
                    !cell.suppressed && cell.medianMakerShare !== null
                      ? heatStep(cell.medianMakerShare)
                      : null;
                  const isActive = active.row === row && active.column === column;
                  return (
                    <td
                      key={cell.week}
                      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: cells of the data grid above
                      role="gridcell"
                      ref={(element) => {
                        if (element) cells.current.set(`${row}:${column}`, element);
                        else cells.current.delete(`${row}:${column}`);
                      }}
                      tabIndex={isActive ? 0 : -1}
                      aria-label={describeCell(team, cell)}
                      data-suppressed={cell.suppressed || undefined}
                      data-week={cell.week}
                      data-team={team.name}
                      onKeyDown={(event) => onKeyDown(event, row, column)}
                      onFocus={() => setActive({ row, column })}
                      onPointerEnter={() => setHover({ row, column })}
                      onPointerLeave={() => setHover(null)}
                      className={cn(
                        'relative h-9 overflow-hidden rounded-[3px] p-0 text-center font-semibold tabular-nums focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-slate-900',
                        shown.row === row && shown.column === column && 'ring-2 ring-slate-900 ring-inset',
                      )}
                      style={
                        cell.suppressed
                          ? { backgroundImage: SUPPRESSED_PATTERN, color: '#64748b' }
                          : step
                            ? { background: step.fill, color: step.ink }
                            : { background: '#f1f5f9', color: '#94a3b8' }
                      }
                    >
                      <span aria-hidden="true">
                        {cell.suppressed
                          ? ''
                          : cell.medianMakerShare === null
                            ? '–'
                            : showNumbers
                              ? Math.round(cell.medianMakerShare * 100)
                              : ''}
                      </span>
                      {!cell.suppressed && (cell.belowTargetShare ?? 0) > 0.5 && (
                        <svg aria-hidden="true" viewBox="0 0 8 8" className="absolute top-0 right-0 size-2">
                          <path d="M0 0H8V8Z" fill="#7c2d12" />
                        </svg>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p
        id="heatmap-detail"
        aria-live="polite"
        className="mt-2 min-h-10 rounded-lg bg-slate-50 px-3 py-2 text-[13px] leading-5 text-slate-700"
      >
        {shownTeam && shownCell ? (
          <>
            <span className="font-semibold text-slate-900">
              {shownTeam.name}, {shownCell.week}
            </span>{' '}
            <span className="text-slate-500">({formatWeekSpan(shownCell.week)})</span>:{' '}
            {shownCell.suppressed ? (
              <span data-testid="suppressed-reason">suppressed. {shownCell.reason}.</span>
            ) : shownCell.medianMakerShare === null ? (
              'no maker or manager time this week.'
            ) : (
              <>
                median maker share <strong>{formatShare(shownCell.medianMakerShare)}</strong> over{' '}
                {shownCell.people} people; {formatShare(shownCell.belowTargetShare)} of them below their own
                target.
              </>
            )}
          </>
        ) : (
          'Hover or focus a cell to read it.'
        )}
      </p>
    </div>
  );
}

export function HeatmapLegend() {
  return (
    <ul className="flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs text-slate-600">
      <li className="mr-1 font-medium text-slate-700">Median maker share</li>
      {HEAT_STEPS.map((step) => (
        <li key={step.label} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="h-3 w-5 rounded-sm" style={{ background: step.fill }} />
          {step.label}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span
          aria-hidden="true"
          className="h-3 w-5 rounded-sm ring-1 ring-slate-200"
          style={{ backgroundImage: SUPPRESSED_PATTERN }}
        />
        Suppressed (too few people)
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="relative h-3 w-5 overflow-hidden rounded-sm bg-slate-200">
          <svg aria-hidden="true" viewBox="0 0 8 8" className="absolute top-0 right-0 size-2">
            <path d="M0 0H8V8Z" fill="#7c2d12" />
          </svg>
        </span>
        Most of the team below their own target
      </li>
    </ul>
  );
}
