import type { ReactNode } from 'react';

interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  /** A link or button that leads to the step that fills this view. */
  action?: ReactNode;
}

export function EmptyState({ icon, title, children, action }: EmptyStateProps) {
  return (
    <section
      aria-label={title}
      className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center"
    >
      <span className="flex size-11 items-center justify-center rounded-full bg-slate-100 text-slate-500 [&>svg]:size-5">
        {icon}
      </span>
      <h2 className="mt-4 text-base font-semibold text-slate-900">{title}</h2>
      <div className="mt-1.5 max-w-md text-sm leading-6 text-slate-600">{children}</div>
      {action && <div className="mt-6">{action}</div>}
    </section>
  );
}
