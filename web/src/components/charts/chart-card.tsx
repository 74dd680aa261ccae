import { type ReactNode, useId, useState } from 'react';
import { cn } from '../../lib/cn.ts';
import { SegmentedControl } from './segmented-control.tsx';

export type ChartView = 'chart' | 'table';

interface ChartCardProps {
  title: string;
  /** One sentence under the title: what to look for. */
  description?: ReactNode;
  /** Controls on the right of the title (range pickers and the like). */
  actions?: ReactNode;
  /** The chart. Charts that are only drawings mark themselves aria-hidden; `summary` names them. */
  chart: ReactNode;
  /** The same data as a table: the accessible alternative, and the "Table" view. */
  table: ReactNode;
  /** A sentence that says what the chart shows, read by screen readers in place of the drawing. */
  summary: string;
  /** Below the chart in both views (legend, footnotes). */
  footer?: ReactNode;
  defaultView?: ChartView;
  className?: string;
}

const VIEWS = [
  { value: 'chart', label: 'Chart' },
  { value: 'table', label: 'Table' },
] as const;

/**
 * A card holding one chart and its table. Every chart has a table alternative: the toggle shows it,
 * and while the chart is shown the table stays in the page, visually hidden, so screen readers read
 * the numbers rather than a drawing. The figure's caption says in a sentence what the chart shows.
 */
export function ChartCard({
  title,
  description,
  actions,
  chart,
  table,
  summary,
  footer,
  defaultView = 'chart',
  className,
}: ChartCardProps) {
  const [view, setView] = useState<ChartView>(defaultView);
  const id = useId();
  const titleId = `${id}-title`;
  return (
    <section
      aria-labelledby={titleId}
      className={cn('rounded-xl border border-slate-200 bg-white', className)}
    >
      <header className="flex flex-wrap items-start justify-between gap-3 px-5 pt-4">
        <div className="min-w-0">
          <h2 id={titleId} className="text-[15px] font-semibold text-slate-900">
            {title}
          </h2>
          {description && <p className="mt-0.5 text-[13px] leading-5 text-slate-600">{description}</p>}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {actions}
          <SegmentedControl
            label={`Show ${title.toLowerCase()} as`}
            value={view}
            onChange={setView}
            options={VIEWS}
            size="sm"
          />
        </div>
      </header>
      <div className="px-5 pt-3 pb-4">
        {view === 'chart' ? (
          <>
            <figure className="m-0">
              {chart}
              <figcaption className="sr-only">{summary}</figcaption>
            </figure>
            <div className="sr-only">{table}</div>
          </>
        ) : (
          <div className="max-h-[28rem] overflow-auto">{table}</div>
        )}
        {footer && <div className="mt-3">{footer}</div>}
      </div>
    </section>
  );
}

/** A plain card section with a title, for panels that are not charts. */
export function Panel({
  title,
  description,
  actions,
  children,
  className,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={cn('rounded-xl border border-slate-200 bg-white', className)}
    >
      <header className="flex flex-wrap items-start justify-between gap-3 px-5 pt-4">
        <div className="min-w-0">
          <h2 id={`${id}-title`} className="text-[15px] font-semibold text-slate-900">
            {title}
          </h2>
          {description && <p className="mt-0.5 text-[13px] leading-5 text-slate-600">{description}</p>}
        </div>
        {actions}
      </header>
      <div className="px-5 pt-3 pb-4">{children}</div>
    </section>
  );
}
