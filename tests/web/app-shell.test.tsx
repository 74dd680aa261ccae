import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signedInMe } from './accounts/stub-api.ts';
import { jsonResponse, renderApp } from './render-app.tsx';

const NAV = [
  ['My week', '/week'],
  ['My trend', '/trend'],
  ['Inbox', '/inbox'],
  ['Team', '/team'],
  ['Org', '/org'],
  ['Settings', '/settings'],
] as const;

/**
 * The shell is for signed-in members: the session and `me` answer as an admin's; `/api/health` answers
 * with `health`; anything else is a 404 (the pages' own data is not what these tests look at).
 */
function stubFetch(health: () => Promise<Response>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const path = new URL(String(input), 'http://localhost').pathname;
    const me = signedInMe('admin');
    if (path === '/api/health') return health();
    if (path === '/api/auth/get-session') {
      return jsonResponse(200, { user: me.user, session: { expiresAt: '2099-01-01T00:00:00.000Z' } });
    }
    if (path === '/api/v1/me') return jsonResponse(200, me);
    return jsonResponse(404, { error: { code: 'not_found', message: 'Not stubbed' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const healthy = () => stubFetch(async () => jsonResponse(200, { status: 'ok', database: 'ok' }));

/** The health indicator (pages may have statuses of their own, loading ones for instance). */
function healthStatus(): HTMLElement {
  const status = screen.getAllByRole('status').find((element) => element.hasAttribute('data-state'));
  if (!status) throw new Error('no health indicator');
  return status;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('app shell navigation', () => {
  it('lists the pages in the main navigation and marks the current one', async () => {
    healthy();
    renderApp('/week');

    expect(await screen.findByRole('heading', { level: 1, name: 'My week' })).toBeDefined();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(
      links.map((link) => [link.getAttribute('aria-label') ?? link.textContent, link.getAttribute('href')]),
    ).toEqual(NAV);
    expect(links.map((link) => link.getAttribute('aria-current'))).toEqual([
      'page',
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('redirects / to My week', async () => {
    healthy();
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'My week' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/week');
  });

  it('moves to the page a nav link names, and the current marker with it', async () => {
    healthy();
    const { router } = renderApp('/week');
    await screen.findByRole('heading', { level: 1, name: 'My week' });

    const nav = screen.getByRole('navigation', { name: 'Main' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Settings' }));

    // Settings opens on its first section.
    const heading = await screen.findByRole('heading', { level: 1, name: 'Profile' });
    expect(router.state.location.pathname).toBe('/settings/profile');
    expect(within(nav).getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'My week' }).getAttribute('aria-current')).toBeNull();
    // Keyboard and screen-reader users land on the new page's name, not on the link they pressed.
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('shows a not-found page for an unknown address, inside the shell', async () => {
    healthy();
    renderApp('/nope');

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeDefined();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeDefined();
  });
});

describe('health indicator', () => {
  it('says all systems are normal when /api/health answers ok', async () => {
    const fetchMock = healthy();
    renderApp('/week');

    await waitFor(() => expect(healthStatus().textContent).toBe('All systems normal'));
    expect(fetchMock).toHaveBeenCalledWith('/api/health', expect.objectContaining({ method: 'GET' }));
  });

  it('says the database is unreachable when /api/health answers 503 degraded', async () => {
    stubFetch(async () => jsonResponse(503, { status: 'degraded', database: 'down' }));
    renderApp('/week');

    await waitFor(() => expect(healthStatus().textContent).toBe('Database unreachable — retrying'));
  });

  it('says the server is unreachable when the request itself fails', async () => {
    stubFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    renderApp('/week');

    await waitFor(() => expect(healthStatus().textContent).toBe('Server unreachable — retrying'));
  });

  it('says it is checking while the first answer is outstanding', async () => {
    stubFetch(() => new Promise<Response>(() => {}));
    renderApp('/week');

    await screen.findByRole('heading', { level: 1, name: 'My week' });
    expect(healthStatus().textContent).toBe('Checking system status…');
  });
});
