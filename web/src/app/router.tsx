import type { QueryClient } from '@tanstack/react-query';
import {
  type AnyRoute,
  type AnyRouteMatch,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  type ParsedLocation,
  type RouterHistory,
  redirect,
} from '@tanstack/react-router';
import type { MemberRole } from '@tiltmeter/shared/accounts';
import { getMeQueryOptions } from '../features/accounts/api/get-me.ts';
import { validateOrgSearch } from '../features/org-patterns/utils/search.ts';
import { validateRulesSearch } from '../features/rules/utils/search.ts';
import { validateTeamSearch } from '../features/team-retro/utils/search.ts';
import { validateTrendSearch } from '../features/trend/utils/search.ts';
import { validateWeekSearch } from '../features/week/utils/search.ts';
import { FullPageLoading } from './layout/full-page-loading.tsx';
import { RootLayout } from './layout/root-layout.tsx';
import { safeRedirect } from './layout/session.tsx';
import { NotFoundPage } from './routes/not-found.tsx';
import { RouteErrorPage } from './routes/route-error.tsx';

/** What every route's loader and beforeLoad receive: prefetch with `context.queryClient.ensureQueryData`. */
export interface RouterContext {
  queryClient: QueryClient;
}

/**
 * Who may open a route, set in its `staticData.access` (the deepest route that sets it decides):
 * - `member` (the default): signed in and in an organization; drawn inside the app shell.
 * - `signed-in`: signed in, with or without an organization (the "no organization yet" page).
 * - `guest`: signed out only (sign-in, sign-up, password reset); a signed-in visitor moves on.
 * - `public`: anyone (an invitation link works signed in or out).
 */
export type RouteAccess = 'member' | 'signed-in' | 'guest' | 'public';

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    access?: RouteAccess;
    /**
     * For `member` routes: the roles that may open the route (everyone when absent; the deepest route
     * that sets it decides). The app shell shows anyone else a page saying who the route is for in place
     * of the route's page (see `rolesOf` in app-shell.tsx). The server refuses such routes' data to other
     * roles too; their loaders check the role before prefetching.
     */
    roles?: readonly MemberRole[];
  }
}

type StaticDataMatch = Pick<AnyRouteMatch, 'staticData'>;

export function accessOf(matches: readonly StaticDataMatch[]): RouteAccess {
  for (let i = matches.length - 1; i >= 0; i--) {
    const access = matches[i]?.staticData?.access;
    if (access) return access;
  }
  return 'member';
}

export function rolesOf(matches: readonly StaticDataMatch[]): readonly MemberRole[] | undefined {
  for (let i = matches.length - 1; i >= 0; i--) {
    const roles = matches[i]?.staticData?.roles;
    if (roles) return roles;
  }
  return undefined;
}

interface GuardOptions {
  context: RouterContext;
  location: ParsedLocation;
  matches: readonly Pick<AnyRouteMatch, 'staticData' | 'routeId'>[];
}

/** The one auth gate: runs before every navigation, from the root. */
async function guard({ context, location, matches }: GuardOptions): Promise<void> {
  const access = accessOf(matches);
  if (access === 'public') return;
  startRouteCode(matches);
  const me = await context.queryClient.ensureQueryData(getMeQueryOptions());
  const home = me?.organization ? '/week' : '/no-organization';

  if (access === 'guest') {
    if (me) {
      const next = safeRedirect((location.search as { redirect?: unknown }).redirect);
      throw redirect({ href: next ?? home, replace: true });
    }
    return;
  }
  if (!me) throw redirect({ to: '/sign-in', search: { redirect: location.href }, replace: true });
  if (access === 'signed-in') {
    if (me.organization) throw redirect({ to: '/week', replace: true });
    return;
  }
  if (!me.organization) throw redirect({ to: '/no-organization', replace: true });
}

/**
 * Starts downloading the code of the pages being opened while the session is checked: a lazy route's
 * chunk is otherwise fetched only after every `beforeLoad` has run, which on a first load puts it
 * behind both session requests. The router's own load (and the loaders' prefetch) then find the
 * modules there or on their way.
 */
function startRouteCode(matches: readonly Pick<AnyRouteMatch, 'routeId'>[]): void {
  for (const match of matches) {
    // A failed download is retried and reported by the router's own load.
    findRoute(routeTree, match.routeId)
      ?.lazyFn?.()
      .catch(() => {});
  }
}

function findRoute(route: AnyRoute, id: string): AnyRoute | undefined {
  if (route.id === id) return route;
  for (const child of (route.children as readonly AnyRoute[] | undefined) ?? []) {
    const found = findRoute(child, id);
    if (found) return found;
  }
  return undefined;
}

/**
 * A route loader: once the page's module is there (usually already, see startRouteCode), its
 * `prefetch` starts the page's requests. Nothing is awaited: the page renders its skeleton at once
 * and picks the answers up through TanStack Query (see routes/prefetch.ts).
 */
function prefetchWith<Page>(page: Promise<Page>, start: (page: Page) => void): void {
  page.then(start).catch(() => {
    // The page's own queries make the requests and show any error.
  });
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
  pendingComponent: FullPageLoading,
  // Through `unknown`: the options' `matches` are typed with the registered router, which is being
  // defined here (a type cycle); the guard only reads what it declares.
  beforeLoad: (options: unknown) => guard(options as GuardOptions),
});

function withRedirect(search: Record<string, unknown>): { redirect?: string } {
  const target = safeRedirect(search.redirect);
  return target ? { redirect: target } : {};
}

// ---------------------------------------------------------------------------------------------
// Signed out: accounts and passwords
// ---------------------------------------------------------------------------------------------

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  staticData: { access: 'guest' },
  validateSearch: withRedirect,
}).lazy(() => import('./routes/sign-in.tsx').then((m) => m.Route));

const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-up',
  staticData: { access: 'guest' },
  validateSearch: withRedirect,
}).lazy(() => import('./routes/sign-up.tsx').then((m) => m.Route));

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  staticData: { access: 'guest' },
}).lazy(() => import('./routes/forgot-password.tsx').then((m) => m.Route));

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  // Opened from an email: whoever is signed in here, the link is for the account it was sent to.
  staticData: { access: 'public' },
  validateSearch: (search: Record<string, unknown>): { token?: string; error?: string } => ({
    ...(typeof search.token === 'string' && search.token ? { token: search.token } : {}),
    ...(typeof search.error === 'string' && search.error ? { error: search.error } : {}),
  }),
}).lazy(() => import('./routes/reset-password.tsx').then((m) => m.Route));

const acceptInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invitations/$invitationId',
  staticData: { access: 'public' },
}).lazy(() => import('./routes/accept-invitation.tsx').then((m) => m.Route));

const noOrganizationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/no-organization',
  staticData: { access: 'signed-in' },
}).lazy(() => import('./routes/no-organization.tsx').then((m) => m.Route));

// ---------------------------------------------------------------------------------------------
// The app (signed-in members, inside the shell)
// ---------------------------------------------------------------------------------------------

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/week', replace: true });
  },
});

// Code-based routes split in two: the path (and the loaders) stay here, in the initial bundle; each
// page component is a lazy chunk fetched on navigation or on hover of its link (defaultPreload), and
// on a first load while the session is checked (startRouteCode).
// The dashboards' search params (?week=, ?weeks=, ?team=) are checked without zod: they stay light.
// The loaders start the pages' requests without waiting for them (see routes/prefetch.ts).
const weekRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/week',
  validateSearch: validateWeekSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }): void =>
    prefetchWith(import('./routes/week.tsx'), (page) => page.prefetch(context.queryClient, deps)),
}).lazy(() => import('./routes/week.tsx').then((m) => m.Route));
const trendRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/trend',
  validateSearch: validateTrendSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }): void =>
    prefetchWith(import('./routes/trend.tsx'), (page) => page.prefetch(context.queryClient, deps)),
}).lazy(() => import('./routes/trend.tsx').then((m) => m.Route));
const teamRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/team',
  validateSearch: validateTeamSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }): void =>
    prefetchWith(import('./routes/team.tsx'), (page) => page.prefetch(context.queryClient, deps)),
}).lazy(() => import('./routes/team.tsx').then((m) => m.Route));
const orgRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/org',
  staticData: { roles: ['manager', 'admin'] },
  validateSearch: validateOrgSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }): void =>
    prefetchWith(import('./routes/org.tsx'), (page) => page.prefetch(context.queryClient, deps)),
}).lazy(() => import('./routes/org.tsx').then((m) => m.Route));

// Settings: a layout with the sub-navigation; each section is a child route with a lazy page.
const settingsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/settings' }).lazy(() =>
  import('./routes/settings/layout.tsx').then((m) => m.Route),
);
const settingsIndexRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/settings/profile', replace: true });
  },
});
const settingsProfileRoute = createRoute({ getParentRoute: () => settingsRoute, path: 'profile' }).lazy(() =>
  import('./routes/settings/profile.tsx').then((m) => m.Route),
);
const settingsTokensRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'tokens',
  loader: ({ context }): void =>
    prefetchWith(import('./routes/settings/tokens.tsx'), (page) => page.prefetch(context.queryClient)),
}).lazy(() => import('./routes/settings/tokens.tsx').then((m) => m.Route));
const settingsMembersRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'members',
  loader: ({ context }): void =>
    prefetchWith(import('./routes/settings/members.tsx'), (page) => page.prefetch(context.queryClient)),
}).lazy(() => import('./routes/settings/members.tsx').then((m) => m.Route));
const settingsTeamsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'teams',
  loader: ({ context }): void =>
    prefetchWith(import('./routes/settings/teams.tsx'), (page) => page.prefetch(context.queryClient)),
}).lazy(() => import('./routes/settings/teams.tsx').then((m) => m.Route));
const settingsOrganizationRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'organization',
}).lazy(() => import('./routes/settings/organization.tsx').then((m) => m.Route));
const settingsAuditRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'audit',
  loader: ({ context }): void =>
    prefetchWith(import('./routes/settings/audit.tsx'), (page) => page.prefetch(context.queryClient)),
}).lazy(() => import('./routes/settings/audit.tsx').then((m) => m.Route));
// Data settings: imports, rules, thresholds.
const settingsImportsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'imports',
  loader: ({ context }): void =>
    prefetchWith(import('./routes/settings/imports.tsx'), (page) => page.prefetch(context.queryClient)),
}).lazy(() => import('./routes/settings/imports.tsx').then((m) => m.Route));
const settingsRulesRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'rules',
  validateSearch: validateRulesSearch,
  loader: ({ context }): void =>
    prefetchWith(import('./routes/settings/rules.tsx'), (page) => page.prefetch(context.queryClient)),
}).lazy(() => import('./routes/settings/rules.tsx').then((m) => m.Route));
const settingsThresholdsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'thresholds',
  loader: ({ context }): void =>
    prefetchWith(import('./routes/settings/thresholds.tsx'), (page) => page.prefetch(context.queryClient)),
}).lazy(() => import('./routes/settings/thresholds.tsx').then((m) => m.Route));
const inboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/inbox',
  loader: ({ context }): void =>
    prefetchWith(import('./routes/inbox.tsx'), (page) => page.prefetch(context.queryClient)),
}).lazy(() => import('./routes/inbox.tsx').then((m) => m.Route));

const routeTree = rootRoute.addChildren([
  signInRoute,
  signUpRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  acceptInvitationRoute,
  noOrganizationRoute,
  indexRoute,
  weekRoute,
  trendRoute,
  teamRoute,
  orgRoute,
  inboxRoute,
  settingsRoute.addChildren([
    settingsIndexRoute,
    settingsProfileRoute,
    settingsTokensRoute,
    settingsMembersRoute,
    settingsTeamsRoute,
    settingsOrganizationRoute,
    settingsAuditRoute,
    settingsImportsRoute,
    settingsRulesRoute,
    settingsThresholdsRoute,
  ]),
]);

export function createAppRouter({
  queryClient,
  history,
}: {
  queryClient: QueryClient;
  history?: RouterHistory;
}) {
  return createRouter({
    routeTree,
    history,
    context: { queryClient },
    defaultPreload: 'intent',
    // Data freshness is TanStack Query's job; the router always asks it.
    defaultPreloadStaleTime: 0,
    defaultErrorComponent: RouteErrorPage,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
