import { CATEGORIES, type Category } from '@tiltmeter/shared/entries';
import type { PreviewRulesResponse, PreviewSample } from '@tiltmeter/shared/rules';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Select } from '../../../components/ui/field.tsx';
import { ArrowRightIcon } from '../../../components/ui/icons.tsx';
import { Spinner } from '../../../components/ui/loading.tsx';
import { cn } from '../../../lib/cn.ts';
import { CATEGORY_LABELS, CATEGORY_SWATCHES, CategoryBadge } from './category-badge.tsx';

export const PREVIEW_WINDOWS = [
  { value: '28', label: 'Last 4 weeks' },
  { value: '91', label: 'Last 13 weeks' },
  { value: '365', label: 'Last 12 months' },
] as const;
export type PreviewWindow = (typeof PREVIEW_WINDOWS)[number]['value'];

const hours = (minutes: number) => {
  const value = minutes / 60;
  return `${value >= 100 ? Math.round(value) : Math.round(value * 10) / 10} h`;
};

function signed(value: number, format: (n: number) => string = String): string {
  if (value === 0) return '—';
  return `${value > 0 ? '+' : '−'}${format(Math.abs(value))}`;
}

const whenFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});

export type PreviewState =
  | { kind: 'paused'; reason: string }
  | { kind: 'loading' }
  | { kind: 'error'; message: string; retry: () => void }
  | { kind: 'ready'; data: PreviewRulesResponse; updating: boolean };

/**
 * What the draft rule set would do to the member's own recent entries, before anyone saves: counts per
 * category now and with the draft, and examples of entries that would change.
 */
export function PreviewPanel({
  state,
  window,
  onWindowChange,
}: {
  state: PreviewState;
  window: PreviewWindow;
  onWindowChange: (window: PreviewWindow) => void;
}) {
  return (
    <section
      id="rule-preview"
      tabIndex={-1}
      aria-labelledby="rule-preview-title"
      className="@container/preview rounded-xl border border-slate-200 bg-white shadow-xs focus:outline-none"
    >
      <header className="flex flex-wrap items-start gap-x-6 gap-y-3 border-b border-slate-100 px-4 py-3.5">
        <div className="min-w-0 flex-1 basis-56">
          <div className="flex items-center gap-3">
            <h2 id="rule-preview-title" className="text-[15px] font-semibold text-slate-900">
              Live preview
            </h2>
            {(state.kind === 'loading' || (state.kind === 'ready' && state.updating)) && (
              <Spinner label="Updating the preview" hideLabel />
            )}
          </div>
          <p className="mt-0.5 text-[13px] leading-5 text-slate-600">
            Your own entries, classified by the rules as drafted. Nothing is saved until you save.
          </p>
        </div>
        <Select
          aria-label="Entries to preview on"
          className="w-full @xl/preview:w-44"
          value={window}
          options={PREVIEW_WINDOWS}
          onChange={(event) => onWindowChange(event.target.value as PreviewWindow)}
        />
      </header>
      <div className="px-4 py-4" aria-live="polite" aria-busy={state.kind === 'loading'}>
        {state.kind === 'paused' && (
          <p className="rounded-lg bg-warning-soft px-3 py-2.5 text-[13px] leading-5 text-amber-900">
            {state.reason}
          </p>
        )}
        {state.kind === 'loading' && <p className="text-sm text-slate-600">Classifying your entries…</p>}
        {state.kind === 'error' && (
          <Alert
            tone="error"
            action={
              <Button variant="secondary" size="sm" onClick={state.retry}>
                Retry
              </Button>
            }
          >
            The preview failed: {state.message}
          </Alert>
        )}
        {state.kind === 'ready' && <PreviewResult data={state.data} />}
      </div>
    </section>
  );
}

function PreviewResult({ data }: { data: PreviewRulesResponse }) {
  if (data.total === 0) {
    return (
      <p className="text-sm leading-6 text-slate-600">
        You have no entries in this window to preview on. Import a calendar, or choose a longer window.
      </p>
    );
  }
  const shown = CATEGORIES.filter(
    (category) => data.before[category].entries > 0 || data.after[category].entries > 0,
  );
  return (
    <div className="grid gap-5 @xl/preview:grid-cols-2 @xl/preview:gap-8">
      <div className="min-w-0 space-y-5">
        <p className="text-sm text-slate-700" data-testid="preview-summary">
          <span className="font-semibold text-slate-900 tabular-nums">{data.changed}</span> of{' '}
          <span className="tabular-nums">{data.total}</span> {data.total === 1 ? 'entry' : 'entries'} would
          change.
        </p>
        <ShareBars data={data} />
        <table className="w-full text-left text-[13px]">
          <caption className="sr-only">Entries per category now and with the draft rules</caption>
          <thead className="text-xs text-slate-600">
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-1.5 font-medium">
                Category
              </th>
              <th scope="col" className="py-1.5 text-right font-medium">
                Now
              </th>
              <th scope="col" className="py-1.5 text-right font-medium">
                Draft
              </th>
              <th scope="col" className="py-1.5 text-right font-medium">
                Change
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((category) => {
              const before = data.before[category];
              const after = data.after[category];
              const delta = after.entries - before.entries;
              return (
                <tr key={category} data-category={category}>
                  <th scope="row" className="py-2 font-medium text-slate-800">
                    <span className="flex items-center gap-2">
                      <span
                        aria-hidden="true"
                        className={cn('size-2.5 rounded-sm', CATEGORY_SWATCHES[category])}
                      />
                      {CATEGORY_LABELS[category]}
                    </span>
                  </th>
                  <td className="py-2 text-right text-slate-700 tabular-nums">
                    <span data-cell="before">{before.entries}</span>
                    <span className="block text-[11px] text-slate-600">{hours(before.minutes)}</span>
                  </td>
                  <td className="py-2 text-right font-semibold text-slate-900 tabular-nums">
                    <span data-cell="after">{after.entries}</span>
                    <span className="block text-[11px] font-normal text-slate-600">
                      {hours(after.minutes)}
                    </span>
                  </td>
                  <td
                    className={cn(
                      'py-2 text-right font-medium tabular-nums',
                      delta > 0 ? 'text-green-800' : delta < 0 ? 'text-red-800' : 'text-slate-500',
                    )}
                  >
                    {signed(delta)}
                    <span className="block text-[11px] font-normal text-slate-600">
                      {signed(after.minutes - before.minutes, hours)}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {data.samples.length > 0 ? (
        <Samples samples={data.samples} changed={data.changed} />
      ) : (
        <p className="hidden text-[13px] leading-5 text-slate-600 @xl/preview:block">
          No entry would change category. Edit a rule’s conditions or outcome, or add one, and the entries it
          would move show up here.
        </p>
      )}
    </div>
  );
}

/** Maker share of classified time, now and with the draft: the number the whole product is about. */
function ShareBars({ data }: { data: PreviewRulesResponse }) {
  const rows = [
    { label: 'Now', totals: data.before },
    { label: 'Draft', totals: data.after },
  ];
  const visible: Category[] = ['maker', 'manager', 'neutral', 'unclassified'];
  return (
    <div className="space-y-2" aria-hidden="true">
      {rows.map((row) => {
        const total = visible.reduce((sum, category) => sum + row.totals[category].minutes, 0);
        return (
          <div key={row.label} className="flex items-center gap-2">
            <span className="w-9 shrink-0 text-[11px] font-medium text-slate-600">{row.label}</span>
            <div className="flex h-2.5 flex-1 overflow-hidden rounded-full bg-slate-100">
              {total > 0 &&
                visible.map((category) => (
                  <div
                    key={category}
                    className={cn('h-full', CATEGORY_SWATCHES[category])}
                    style={{ width: `${(row.totals[category].minutes / total) * 100}%` }}
                  />
                ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}

function Samples({ samples, changed }: { samples: PreviewSample[]; changed: number }) {
  return (
    <div>
      <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
        Entries that change{changed > samples.length ? ` (${samples.length} of ${changed})` : ''}
      </h3>
      <ul className="mt-2 space-y-2">
        {samples.map((sample) => (
          <li key={sample.entryId} className="rounded-lg border border-slate-200 px-3 py-2">
            <p
              className={cn(
                'truncate text-[13px] font-medium',
                sample.title ? 'text-slate-900' : 'text-slate-500 italic',
              )}
            >
              {sample.title ?? 'Untitled entry'}
            </p>
            <p className="text-[11px] text-slate-600">{whenFormat.format(new Date(sample.start))}</p>
            <p className="mt-1.5 flex flex-wrap items-center gap-1.5">
              <CategoryBadge category={sample.before.category} subtype={sample.before.subtype} />
              <ArrowRightIcon className="size-3.5 text-slate-500" />
              <span className="sr-only">becomes</span>
              <CategoryBadge category={sample.after.category} subtype={sample.after.subtype} />
            </p>
            <p className="mt-1 text-[11px] leading-4 text-slate-600">{sample.after.reason}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
