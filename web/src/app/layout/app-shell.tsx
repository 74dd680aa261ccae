import { Link, Outlet } from '@tanstack/react-router';
import { Logo } from '../../components/ui/logo.tsx';
import { HealthIndicator } from '../../features/health/components/health-indicator.tsx';
import { AppNav } from './app-nav.tsx';
import { useFocusPageTitleOnNavigate } from './use-focus-page-title.ts';

/**
 * The persistent frame. One set of elements serves both layouts: on wide screens a left sidebar
 * (brand, nav, health at the foot); below `lg` a top bar (brand and health, nav on a second row).
 * DOM order stays brand, nav, health so keyboard order matches the sidebar reading order.
 */
export function AppShell() {
  useFocusPageTitleOnNavigate();

  return (
    <div className="min-h-dvh lg:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:shadow-lg"
      >
        Skip to content
      </a>
      <header className="flex flex-wrap items-center border-b border-slate-200 bg-white lg:sticky lg:top-0 lg:h-dvh lg:w-60 lg:shrink-0 lg:flex-col lg:flex-nowrap lg:items-stretch lg:border-r lg:border-b-0">
        <div className="order-1 flex flex-1 items-center px-4 py-3 lg:flex-none lg:px-5 lg:pt-5 lg:pb-6">
          <Link to="/" activeOptions={{ exact: true }} className="inline-flex rounded-lg">
            <Logo />
          </Link>
        </div>
        <AppNav className="order-3 w-full lg:order-2 lg:flex-1" />
        <div className="order-2 flex items-center px-4 lg:order-3 lg:border-t lg:border-slate-200 lg:px-5 lg:py-4">
          <HealthIndicator />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
        <Outlet />
      </main>
    </div>
  );
}
