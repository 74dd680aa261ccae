import type { WeekDetailResponse, WeekEntry } from '@tiltmeter/shared/metrics-api';
import { useMemo } from 'react';
import { categoryLabel, entryStyle } from '../../../components/charts/palette.ts';
import { formatMinutes } from '../../../lib/format-metrics.ts';
import { formatDayLabel } from '../../../lib/iso-week.ts';
import { focusCostByEntry, sortEntries } from '../utils/week-model.ts';
import { clockLabel, wallClock } from '../utils/zoned-time.ts';

/** The calendar as a table: every entry with its time, category, reason and focus cost. */
export function WeekEntriesTable({
  detail,
  onOpenEntry,
}: {
  detail: WeekDetailResponse;
  onOpenEntry?: (entry: WeekEntry, anchor: HTMLElement) => void;
}) {
  const rows = useMemo(() => sortEntries(detail.entries), [detail.entries]);
  const costs = useMemo(() => focusCostByEntry(detail), [detail]);
  return (
    <table className="w-full border-collapse text-left text-[13px]">
      <caption className="sr-only">Entries of {detail.week}, with how each was classified and why</caption>
      <thead>
        <tr className="border-b border-slate-200 text-slate-500">
          <th scope="col" className="sticky top-0 bg-white px-3 py-2 font-medium">
            Day
          </th>
          <th scope="col" className="sticky top-0 bg-white px-3 py-2 font-medium">
            Time
          </th>
          <th scope="col" className="sticky top-0 bg-white px-3 py-2 font-medium">
            Entry
          </th>
          <th scope="col" className="sticky top-0 bg-white px-3 py-2 font-medium">
            Category
          </th>
          <th scope="col" className="sticky top-0 bg-white px-3 py-2 font-medium">
            Why
          </th>
          <th
            scope="col"
            className="sticky top-0 bg-white px-3 py-2 text-right font-medium whitespace-nowrap"
          >
            Focus cost
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((entry) => {
          const start = wallClock(entry.start, detail.timeZone);
          const end = wallClock(entry.end, detail.timeZone);
          const cost = costs.get(entry.id) ?? 0;
          return (
            <tr key={entry.id} className="border-b border-slate-100 align-top last:border-0">
              <td className="px-3 py-2 whitespace-nowrap text-slate-700">
                {formatDayLabel(start.date).replace(/ \w+$/, '')}
              </td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-700 tabular-nums">
                {clockLabel(start.minutes)}–{clockLabel(end.date === start.date ? end.minutes : 1440)}
              </td>
              <th scope="row" className="min-w-[8rem] px-3 py-2 font-medium text-slate-900">
                {onOpenEntry ? (
                  <button
                    type="button"
                    data-entry-id={entry.id}
                    aria-haspopup="dialog"
                    onClick={(event) => onOpenEntry(entry, event.currentTarget)}
                    className="text-left underline decoration-slate-300 underline-offset-2 hover:decoration-slate-600"
                  >
                    {entry.title ?? 'Untitled entry'}
                  </button>
                ) : (
                  (entry.title ?? 'Untitled entry')
                )}
              </th>
              <td className="px-3 py-2 whitespace-nowrap">
                <span className="inline-flex items-center gap-1.5 text-slate-800">
                  <span
                    aria-hidden="true"
                    className="size-2.5 rounded-sm border"
                    style={entryStyle(entry.category, entry.subtype)}
                  />
                  {categoryLabel(entry.category, entry.subtype)}
                  {entry.overridden && <span className="text-xs text-slate-500">(yours)</span>}
                </span>
              </td>
              <td className="min-w-[15rem] px-3 py-2 text-slate-600">{entry.reason}</td>
              <td className="px-3 py-2 text-right whitespace-nowrap text-slate-700 tabular-nums">
                {cost > 0 ? formatMinutes(cost) : '–'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
