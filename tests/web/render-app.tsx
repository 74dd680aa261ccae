import { createMemoryHistory } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import { App } from '../../web/src/app/index.tsx';
import { createAppRouter } from '../../web/src/app/router.tsx';
import { createQueryClient } from '../../web/src/lib/query-client.ts';

/** The real app (router, query client, shell, lazy pages) at `path`, in memory history. */
export function renderApp(path: string) {
  const queryClient = createQueryClient();
  const router = createAppRouter({
    queryClient,
    history: createMemoryHistory({ initialEntries: [path] }),
  });
  const view = render(<App router={router} queryClient={queryClient} />);
  return { ...view, router, queryClient };
}

/** A JSON `Response`, as a stubbed `fetch` returns it. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
