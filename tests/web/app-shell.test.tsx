import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderApp } from './render-app.tsx';

const NAV = [
  ['My week', '/week'],
  ['My trend', '/trend'],
  ['Team', '/team'],
  ['Org', '/org'],
  ['Settings', '/settings'],
] as const;

function stubFetch(impl: (url: string) => Promise<Response>) {
  const fetchMock = vi.fn((input: RequestInfo | URL) => impl(String(input)));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const healthy = () => stubFetch(async () => jsonResponse(200, { status: 'ok', database: 'ok' }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('app shell navigation', () => {
  it('lists the five pages in the main navigation and marks the current one', async () => {
    healthy();
    renderApp('/week');

    expect(await screen.findByRole('heading', { level: 1, name: 'My week' })).toBeDefined();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual(NAV);
    expect(links.map((link) => link.getAttribute('aria-current'))).toEqual(['page', null, null, null, null]);
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

    const heading = await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(router.state.location.pathname).toBe('/settings');
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

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('All systems normal'));
    expect(fetchMock).toHaveBeenCalledWith('/api/health', expect.objectContaining({ method: 'GET' }));
  });

  it('says the database is unreachable when /api/health answers 503 degraded', async () => {
    stubFetch(async () => jsonResponse(503, { status: 'degraded', database: 'down' }));
    renderApp('/week');

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Database unreachable — retrying'),
    );
  });

  it('says the server is unreachable when the request itself fails', async () => {
    stubFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    renderApp('/week');

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Server unreachable — retrying'));
  });

  it('says it is checking while the first answer is outstanding', async () => {
    stubFetch(() => new Promise<Response>(() => {}));
    renderApp('/week');

    await screen.findByRole('heading', { level: 1, name: 'My week' });
    expect(screen.getByRole('status').textContent).toBe('Checking system status…');
  });
});
