import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { OrgTeam } from '@tiltmeter/shared/metrics-api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { weekRange } from '../../../web/src/lib/iso-week.ts';
import { renderApp } from '../render-app.tsx';
import { orgMetrics, stubDashboardApi } from './fixtures.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-12T10:00:00Z')); // 2026-W11
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const WEEKS = weekRange('2025-W38', '2026-W11');
const SMALL = 'The team has 3 members; team aggregates need at least 5';
const shares = (value: number) => ({
  maker_share_below_target: value,
  zero_maker_week: 0,
  heavy_meeting_day: value / 2,
  sustained_tilt: 0,
  burnout_pattern: 0,
  drift: 0,
  deep_work_floor: 0,
  after_hours: 0,
  weekend: 0,
});

const TEAMS: OrgTeam[] = [
  {
    id: 'team-growth',
    name: 'Growth',
    memberCount: 8,
    weeks: WEEKS.map((week) =>
      week === '2026-W05'
        ? {
            week,
            suppressed: true as const,
            reason: 'Only 4 members had classified time; team aggregates need at least 5',
          }
        : { week, suppressed: false as const, people: 8, medianMakerShare: 0.78, belowTargetShare: 0.1 },
    ),
    prevalence: { personWeeks: 200, shares: shares(0.05) },
    tilt: { weeksMostlyBelowTarget: 0, pattern: null },
  },
  {
    id: 'team-leadership',
    name: 'Leadership',
    memberCount: 3,
    weeks: WEEKS.map((week) => ({ week, suppressed: true as const, reason: SMALL })),
    prevalence: null,
    tilt: { weeksMostlyBelowTarget: 0, pattern: null },
  },
  {
    id: 'team-product',
    name: 'Product Engineering',
    memberCount: 9,
    weeks: WEEKS.map((week) => ({
      week,
      suppressed: false as const,
      people: 9,
      medianMakerShare: 0.31,
      belowTargetShare: 0.89,
    })),
    prevalence: { personWeeks: 230, shares: shares(0.98) },
    tilt: { weeksMostlyBelowTarget: 30, pattern: 'burnout_pattern' },
  },
];

function orgApi() {
  return stubDashboardApi({
    'GET /api/v1/org/metrics': (call) => ({
      body: orgMetrics({
        from: call.search.get('from') ?? '',
        to: call.search.get('to') ?? '',
        teams: TEAMS,
        burnoutTeams: [{ id: 'team-product', name: 'Product Engineering', weeksMostlyBelowTarget: 30 }],
      }),
    }),
  });
}

describe('Org patterns page', () => {
  it('draws teams by weeks; suppressed cells say so and why, and burnout teams are called out', async () => {
    const api = orgApi();
    renderApp('/org');

    const grid = await screen.findByRole('grid', { name: 'Median maker share by team and week' });
    const call = api.callsTo('GET', '/api/v1/org/metrics')[0];
    expect([call?.search.get('from'), call?.search.get('to')]).toEqual(['2025-W38', '2026-W11']);

    const rows = within(grid).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Growth8 members',
      'Leadership3 members',
      'Product Engineering9 members· burnout pattern',
    ]);
    const leadershipCells = within(rows[1] as HTMLElement).getAllByRole('gridcell');
    expect(leadershipCells).toHaveLength(26);
    expect(leadershipCells.every((cell) => cell.dataset.suppressed === 'true')).toBe(true);
    expect(leadershipCells[0]?.getAttribute('aria-label')).toBe(
      `Leadership, 2025-W38: suppressed. ${SMALL}.`,
    );
    const growthW05 = grid.querySelector('[data-team="Growth"][data-week="2026-W05"]') as HTMLElement;
    expect(growthW05.getAttribute('aria-label')).toContain('suppressed. Only 4 members had classified time');
    // A shown cell prints its value, so colour is never the only cue.
    const productCell = grid.querySelector(
      '[data-team="Product Engineering"][data-week="2026-W11"]',
    ) as HTMLElement;
    expect(productCell.textContent).toBe('31');
    expect(productCell.getAttribute('aria-label')).toBe(
      'Product Engineering, 2026-W11: median maker share 31 %, 9 people, 89 % below their own target.',
    );

    expect(screen.getByTestId('burnout-teams').textContent).toContain(
      'Product Engineering: burnout pattern. Most of the team has been below their own target for 30 weeks in a row',
    );
    expect(screen.getByTestId('suppressed-teams').textContent).toBe(`Leadership: ${SMALL}.`);
    const prevalence = screen.getByTestId('org-prevalence');
    expect(within(prevalence).getAllByText('suppressed').length).toBeGreaterThan(0);
    expect(prevalence.textContent).toContain('98 %');
  });

  it('moves through the heatmap with arrow keys and reads the focused cell in words', async () => {
    orgApi();
    renderApp('/org');
    const grid = await screen.findByRole('grid');

    // One tab stop: the latest week of the first team.
    const start = grid.querySelector('[data-team="Growth"][data-week="2026-W11"]') as HTMLElement;
    expect(start.tabIndex).toBe(0);
    act(() => start.focus());
    fireEvent.keyDown(start, { key: 'ArrowDown' });
    const below = grid.querySelector('[data-team="Leadership"][data-week="2026-W11"]') as HTMLElement;
    expect(document.activeElement).toBe(below);
    expect(screen.getByTestId('suppressed-reason').textContent).toBe(`suppressed. ${SMALL}.`);
    fireEvent.keyDown(below, { key: 'Home' });
    expect((document.activeElement as HTMLElement).dataset.week).toBe('2025-W38');
  });

  it('offers the heatmap as a table, with suppressed weeks written out', async () => {
    orgApi();
    renderApp('/org');
    await screen.findByRole('grid');
    fireEvent.click(screen.getAllByRole('radio', { name: 'Table' })[0] as HTMLElement);
    const table = await waitFor(() => {
      const found = screen
        .getAllByRole('table', { name: 'Median maker share by team and week' })
        .find((element) => element.getAttribute('role') !== 'grid');
      if (!found) throw new Error('no table yet');
      return found;
    });
    const w05 = within(table)
      .getAllByRole('row')
      .find((row) => row.textContent?.startsWith('2026-W05')) as HTMLElement;
    expect(
      within(w05)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Suppressed', 'Suppressed', '31 %']);
  });

  it('is for managers and admins: a member is told so and nothing is requested', async () => {
    const api = stubDashboardApi({}, { role: 'member' });
    renderApp('/org');
    expect(await screen.findByText('For managers and admins')).toBeDefined();
    expect(api.callsTo('GET', '/api/v1/org/metrics')).toHaveLength(0);
  });
});
