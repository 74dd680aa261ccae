import type { ReactNode } from 'react';
import { cn } from '../../lib/cn.ts';

/**
 * A section of a page: a white panel with an optional header (title, description, an action on the
 * right) and an optional footer (the form's buttons). Give `title` and the card is a labelled region.
 */
export function Card({
  title,
  description,
  action,
  footer,
  children,
  className,
  bodyClassName,
  id,
}: {
  title?: ReactNode;
  description?: ReactNode;
  /** A button or link on the right of the title. */
  action?: ReactNode;
  footer?: ReactNode;
  children?: ReactNode;
  className?: string;
  /** The body's classes instead of the default padding (`p-5`): `p-0` for a table that reaches the edges. */
  bodyClassName?: string;
  id?: string;
}) {
  const titleId = id ? `${id}-title` : undefined;
  return (
    <section
      id={id}
      aria-labelledby={titleId}
      className={cn('rounded-xl border border-slate-200 bg-white shadow-xs', className)}
    >
      {(title || action) && (
        <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-3 border-b border-slate-100 px-5 py-4">
          <div className="min-w-0">
            {title && (
              <h2 id={titleId} className="text-[15px] font-semibold text-slate-900">
                {title}
              </h2>
            )}
            {description && (
              <div className="mt-1 max-w-2xl text-sm leading-6 text-slate-600">{description}</div>
            )}
          </div>
          {action && <div className="flex shrink-0 items-center gap-2">{action}</div>}
        </header>
      )}
      {children !== undefined && <div className={bodyClassName ?? 'p-5'}>{children}</div>}
      {footer && (
        <footer className="flex flex-wrap items-center justify-end gap-3 rounded-b-xl border-t border-slate-100 bg-slate-50/70 px-5 py-3">
          {footer}
        </footer>
      )}
    </section>
  );
}
