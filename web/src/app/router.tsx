import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  type RouterHistory,
  redirect,
} from '@tanstack/react-router';
import { AppShell } from './layout/app-shell.tsx';
import { NotFoundPage } from './routes/not-found.tsx';
import { RouteErrorPage } from './routes/route-error.tsx';

/** What every route's loader and beforeLoad receive: prefetch with `context.queryClient.ensureQueryData`. */
export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: AppShell,
  notFoundComponent: NotFoundPage,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/week', replace: true });
  },
});

// Code-based routes split in two: the path (and later loaders) stay here, in the initial bundle; each
// page component is a lazy chunk fetched on navigation or on hover of its link (defaultPreload).
const weekRoute = createRoute({ getParentRoute: () => rootRoute, path: '/week' }).lazy(() =>
  import('./routes/week.tsx').then((m) => m.Route),
);
const trendRoute = createRoute({ getParentRoute: () => rootRoute, path: '/trend' }).lazy(() =>
  import('./routes/trend.tsx').then((m) => m.Route),
);
const teamRoute = createRoute({ getParentRoute: () => rootRoute, path: '/team' }).lazy(() =>
  import('./routes/team.tsx').then((m) => m.Route),
);
const orgRoute = createRoute({ getParentRoute: () => rootRoute, path: '/org' }).lazy(() =>
  import('./routes/org.tsx').then((m) => m.Route),
);
const settingsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/settings' }).lazy(() =>
  import('./routes/settings.tsx').then((m) => m.Route),
);

const routeTree = rootRoute.addChildren([
  indexRoute,
  weekRoute,
  trendRoute,
  teamRoute,
  orgRoute,
  settingsRoute,
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
