import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useMatches, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { Logo } from '../../components/ui/logo.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { HealthIndicator } from '../../features/health/components/health-indicator.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { rolesOf } from '../router.tsx';
import { RoleRequiredPage } from '../routes/role-required.tsx';
import { AppNav } from './app-nav.tsx';
import { FullPageLoading } from './full-page-loading.tsx';
import { OrganizationSwitcher } from './organization-switcher.tsx';
import { SessionProvider, useLatestSession, useLeaveApp } from './session.tsx';
import { UserMenu } from './user-menu.tsx';

/**
 * The persistent frame of the signed-in app. One set of elements serves both layouts: on wide screens
 * a left sidebar (brand, organization, nav, then health and the user menu at the foot); below `lg` a
 * top bar (brand, organization, health, user menu; the nav on a second row). DOM order follows the
 * sidebar's reading order so the keyboard order matches it.
 */
export function AppShell() {
  const session = useLatestSession();
  // A route for some roles only (`staticData.roles`): anyone else sees who it is for instead.
  const roles = useMatches({ select: (matches) => rolesOf(matches) });
  useSignOutWhenSessionEnds();

  if (!session) return <FullPageLoading />;
  const allowed = !roles || roles.includes(session.role);

  return (
    <SessionProvider session={session}>
      <div className="min-h-dvh lg:flex">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:shadow-lg"
        >
          Skip to content
        </a>
        <header className="flex flex-wrap items-center gap-x-2 border-b border-slate-200 bg-white lg:sticky lg:top-0 lg:h-dvh lg:w-64 lg:shrink-0 lg:flex-col lg:flex-nowrap lg:items-stretch lg:gap-0 lg:border-r lg:border-b-0">
          <div className="order-1 flex items-center py-3 pl-4 lg:px-5 lg:pt-5 lg:pb-4">
            <Link to="/week" className="inline-flex rounded-lg" aria-label="Tiltmeter, go to My week">
              <Logo />
            </Link>
          </div>
          <div className="order-2 flex min-w-0 flex-1 items-center lg:flex-none lg:px-3 lg:pb-4">
            <OrganizationSwitcher session={session} />
          </div>
          <AppNav role={session.role} className="order-5 w-full lg:order-3 lg:flex-1 lg:overflow-y-auto" />
          <div className="order-3 hidden items-center sm:flex lg:order-4 lg:px-5 lg:py-3">
            <HealthIndicator />
          </div>
          <div className="order-4 flex items-center pr-3 lg:order-5 lg:border-t lg:border-slate-200 lg:p-3">
            <UserMenu session={session} />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          {allowed ? <Outlet /> : <RoleRequiredPage roles={roles} role={session.role} />}
        </main>
      </div>
    </SessionProvider>
  );
}

/** A request answered 401 (the session expired or was revoked elsewhere): back to sign-in, then here. */
function useSignOutWhenSessionEnds() {
  const queryClient = useQueryClient();
  const router = useRouter();
  const leaveApp = useLeaveApp();
  const { toast } = useToast();

  useEffect(() => {
    let leaving = false;
    return queryClient.getQueryCache().subscribe((event) => {
      if (leaving || event.type !== 'updated' || event.action.type !== 'error') return;
      const error = event.action.error;
      if (!(error instanceof ApiError) || error.status !== 401) return;
      leaving = true;
      toast({ tone: 'info', title: 'Your session ended', description: 'Sign in again to continue.' });
      void leaveApp({ returnTo: router.state.location.href });
    });
  }, [queryClient, router, leaveApp, toast]);
}
