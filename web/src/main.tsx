import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/index.tsx';
import { createAppRouter } from './app/router.tsx';
import { getMeQueryOptions } from './features/accounts/api/get-me.ts';
import { createQueryClient } from './lib/query-client.ts';
import './index.css';

const queryClient = createQueryClient();
// Who is signed in, asked before the first render rather than by the router's guard after it: the
// session answer is already on its way (index.html preloads it), so /api/v1/me follows it sooner. The
// public pages, whose guard does not ask, take the preloaded answer too instead of leaving it unused.
void queryClient.prefetchQuery(getMeQueryOptions());
const router = createAppRouter({ queryClient });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App router={router} queryClient={queryClient} />
  </StrictMode>,
);
