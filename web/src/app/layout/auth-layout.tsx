import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { PAGE_TITLE_ID } from '../../components/layouts/content-layout.tsx';
import { Logo } from '../../components/ui/logo.tsx';
import { BrandPanel } from './brand-panel.tsx';

interface AuthLayoutProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Under the card: "No account yet? Sign up". */
  footer?: ReactNode;
}

/**
 * The frame of the account pages (sign-in, sign-up, passwords, invitations): the form on the left, the
 * product's promise on the right on wide screens. The h1 carries the page-title id, so focus lands on
 * it after a navigation, as in the app.
 */
export function AuthLayout({ title, description, children, footer }: AuthLayoutProps) {
  return (
    <div className="flex min-h-dvh bg-white">
      <title>{`${title} · Tiltmeter`}</title>
      <div className="flex min-w-0 flex-1 flex-col px-6 py-6 sm:px-10 lg:px-16">
        <header>
          <Link to="/" className="inline-flex rounded-lg" aria-label="Tiltmeter home">
            <Logo />
          </Link>
        </header>
        <main
          id="main"
          tabIndex={-1}
          className="flex flex-1 flex-col justify-center py-12 focus:outline-none"
        >
          <div className="mx-auto w-full max-w-[400px]">
            <h1
              id={PAGE_TITLE_ID}
              tabIndex={-1}
              className="text-[26px] leading-tight font-semibold tracking-tight text-slate-900 focus:outline-none"
            >
              {title}
            </h1>
            {description && <div className="mt-2 text-[15px] leading-6 text-slate-600">{description}</div>}
            <div className="mt-8">{children}</div>
            {footer && <div className="mt-8 text-sm text-slate-600">{footer}</div>}
          </div>
        </main>
        <footer className="text-xs text-slate-500">
          Tiltmeter shows how time tilts between maker and manager work — without surveillance.
        </footer>
      </div>
      <BrandPanel className="hidden w-[44%] max-w-[640px] shrink-0 lg:flex" />
    </div>
  );
}

/** A link styled for running text on the account pages. */
export const textLinkClassName =
  'font-medium text-accent-700 underline-offset-2 hover:text-accent-600 hover:underline';
