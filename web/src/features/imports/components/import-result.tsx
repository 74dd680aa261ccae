import type { ImportResult } from '@tiltmeter/shared/imports';
import { CheckCircleIcon } from '../../../components/ui/icons.tsx';
import { plural } from '../utils/format.ts';

const STATS = [
  { key: 'created', label: 'Created', hint: 'new entries' },
  { key: 'updated', label: 'Updated', hint: 'changed since the last import' },
  { key: 'removed', label: 'Removed', hint: 'gone from the calendar' },
  { key: 'skipped', label: 'Skipped', hint: 'not imported' },
] as const;

/** What an import did: the four counts, and why each skipped event was left out. */
export function ImportResultSummary({ result, fileName }: { result: ImportResult; fileName: string }) {
  const unchanged = result.created + result.updated + result.removed === 0;
  return (
    <section
      aria-labelledby="import-result-title"
      className="rounded-xl border border-green-200 bg-ok-soft/40 p-5"
    >
      <div className="flex items-start gap-3">
        <CheckCircleIcon className="mt-0.5 size-5 shrink-0 text-ok" />
        <div className="min-w-0">
          <h3 id="import-result-title" className="text-sm font-semibold text-slate-900">
            Imported {fileName} into “{result.calendar}”
          </h3>
          <p className="mt-0.5 text-sm text-slate-700">
            {unchanged
              ? 'Nothing changed: the calendar already matched this file.'
              : 'Entries are classified by your rules; anything no rule recognises goes to your inbox.'}
          </p>
        </div>
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {STATS.map((stat) => (
          <div key={stat.key} className="rounded-lg bg-white px-4 py-3 ring-1 ring-slate-200">
            <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{stat.label}</dt>
            <dd className="mt-1">
              <span className="text-2xl font-semibold text-slate-900 tabular-nums" data-stat={stat.key}>
                {result[stat.key]}
              </span>
              <span className="sr-only"> {stat.hint}</span>
            </dd>
          </div>
        ))}
      </dl>
      {result.skippedReasons.length > 0 && (
        <details className="group mt-4 rounded-lg bg-white ring-1 ring-slate-200">
          <summary className="cursor-pointer list-none rounded-lg px-4 py-3 text-sm font-medium text-slate-800 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
            <span
              aria-hidden="true"
              className="mr-2 inline-block text-slate-500 transition-transform group-open:rotate-90"
            >
              ›
            </span>
            Why {plural(result.skipped, 'event was', 'events were')} skipped
          </summary>
          <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto border-t border-slate-100">
            {result.skippedReasons.map((skip) => (
              <li
                key={`${skip.uid}:${skip.line ?? ''}:${skip.reason}`}
                className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 px-4 py-2.5 text-sm"
              >
                {skip.line !== undefined && (
                  <span className="shrink-0 rounded bg-slate-100 px-1.5 font-mono text-xs leading-5 text-slate-700">
                    Line {skip.line}
                  </span>
                )}
                <span className="min-w-0 text-slate-700">
                  {(skip.summary || skip.uid !== `line ${skip.line}`) && (
                    <span className="font-medium text-slate-900">{skip.summary || skip.uid}: </span>
                  )}
                  {skip.reason}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
