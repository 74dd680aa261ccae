import type { ReactNode } from 'react';

/** Inbox zero is the goal of the page, so it looks like an achievement, not like missing data. */
export function InboxEmpty({ action }: { action?: ReactNode }) {
  return (
    <section
      aria-label="Inbox zero"
      className="relative flex flex-col items-center overflow-hidden rounded-xl border border-slate-200 bg-white px-6 py-14 text-center"
    >
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 h-28 bg-gradient-to-b from-ok-soft/70 to-transparent"
      />
      <span className="relative flex size-14 items-center justify-center rounded-full bg-ok-soft text-ok ring-8 ring-ok-soft/40">
        <svg
          viewBox="0 0 24 24"
          className="size-7"
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
          aria-hidden="true"
        >
          <path d="M5 12.5l4.5 4.5L19 7.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </span>
      <h2 className="relative mt-5 text-lg font-semibold text-slate-900">Inbox zero</h2>
      <p className="relative mt-1.5 max-w-md text-sm leading-6 text-slate-600">
        Nothing is waiting for a category. Entries land here only when no rule recognises them, so your maker
        share counts every minute you imported.
      </p>
      {action && <div className="relative mt-6">{action}</div>}
    </section>
  );
}
