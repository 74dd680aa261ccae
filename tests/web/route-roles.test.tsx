import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { orgMetrics, stubDashboardApi } from './dashboard/fixtures.ts';
import { renderApp } from './render-app.tsx';

/**
 * Routes narrowed to some roles (`staticData.roles`, enforced by the route's role gate in router.tsx):
 * Org patterns is for managers and admins. A member who types its address gets a page inside the shell
 * that says who it is for, and the page's data is never asked for.
 */

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-12T10:00:00Z')); // 2026-W11
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function orgApi(role: 'member' | 'manager' | 'admin') {
  return stubDashboardApi(
    {
      'GET /api/v1/org/metrics': (call) => ({
        body: orgMetrics({ from: call.search.get('from') ?? '', to: call.search.get('to') ?? '', teams: [] }),
      }),
    },
    { role },
  );
}

describe('role-gated routes', () => {
  it('tells a member who opens /org that it is for managers and admins, inside the shell', async () => {
    const api = orgApi('member');
    const { router } = renderApp('/org');

    expect(await screen.findByRole('heading', { level: 1, name: 'For managers and admins' })).toBeDefined();
    expect(screen.getByText('Your role is member')).toBeDefined();
    expect(router.state.location.pathname).toBe('/org');
    // Inside the app shell, whose navigation has no Org link for a member.
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Org' })).toBeNull();
    expect(api.callsTo('GET', '/api/v1/org/metrics')).toHaveLength(0);
  });

  it('offers the way back to My week', async () => {
    orgApi('member');
    const { router } = renderApp('/org');

    fireEvent.click(await screen.findByRole('link', { name: 'Go to My week' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'My week' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/week');
  });

  it.each(['manager', 'admin'] as const)('lets a %s open /org', async (role) => {
    const api = orgApi(role);
    renderApp('/org');

    expect(await screen.findByRole('heading', { level: 1, name: 'Org patterns' })).toBeDefined();
    expect(screen.queryByText('For managers and admins')).toBeNull();
    await vi.waitFor(() => expect(api.callsTo('GET', '/api/v1/org/metrics')).toHaveLength(1));
  });
});
