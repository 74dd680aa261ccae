import type { ReactNode } from 'react';

/** The id the app shell focuses after a navigation, so screen readers land on the new page's name. */
export const PAGE_TITLE_ID = 'page-title';

interface ContentLayoutProps {
  title: string;
  /** One sentence: the question this page answers for its reader. */
  description: string;
  children: ReactNode;
}

export function ContentLayout({ title, description, children }: ContentLayoutProps) {
  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6 lg:px-10 lg:py-10">
      <title>{`${title} · Tiltmeter`}</title>
      <header className="mb-8">
        <h1
          id={PAGE_TITLE_ID}
          tabIndex={-1}
          className="text-2xl font-semibold tracking-tight text-slate-900 focus:outline-none"
        >
          {title}
        </h1>
        <p className="mt-1.5 max-w-2xl text-[15px] leading-6 text-slate-600">{description}</p>
      </header>
      {children}
    </div>
  );
}
