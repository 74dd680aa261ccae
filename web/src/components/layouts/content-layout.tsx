import { createContext, type ReactNode, useContext } from 'react';
import { cn } from '../../lib/cn.ts';

/** The id the app shell focuses after a navigation, so screen readers land on the new page's name. */
export const PAGE_TITLE_ID = 'page-title';

/**
 * Pages inside a section layout (Settings) sit in that layout's column: the section provides its own
 * width and padding, and the browser tab says which section the page belongs to.
 */
const SectionContext = createContext<{ name: string } | null>(null);

export function SectionProvider({ name, children }: { name: string; children: ReactNode }) {
  return <SectionContext.Provider value={{ name }}>{children}</SectionContext.Provider>;
}

interface ContentLayoutProps {
  title: string;
  /** One sentence: the question this page answers for its reader. */
  description: ReactNode;
  /** Buttons on the right of the title ("Create team"). */
  actions?: ReactNode;
  children: ReactNode;
}

export function ContentLayout({ title, description, actions, children }: ContentLayoutProps) {
  const section = useContext(SectionContext);
  return (
    <div className={cn(!section && 'mx-auto w-full max-w-5xl px-4 py-8 sm:px-6 lg:px-10 lg:py-10')}>
      <title>{section ? `${title} · ${section.name} · Tiltmeter` : `${title} · Tiltmeter`}</title>
      <header className="mb-8 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1 basis-72">
          <h1
            id={PAGE_TITLE_ID}
            tabIndex={-1}
            className="text-2xl font-semibold tracking-tight text-slate-900 focus:outline-none"
          >
            {title}
          </h1>
          <div className="mt-1.5 max-w-2xl text-[15px] leading-6 text-slate-600">{description}</div>
        </div>
        {actions && <div className="flex shrink-0 items-center gap-3">{actions}</div>}
      </header>
      {children}
    </div>
  );
}
