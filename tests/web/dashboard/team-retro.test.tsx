import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { retroMarkdown } from '../../../web/src/features/team-retro/utils/markdown.ts';
import { sprintPeriods } from '../../../web/src/features/team-retro/utils/periods.ts';
import { renderApp } from '../render-app.tsx';
import { aggregate, MEMBER_ID, stubDashboardApi, team, teamMetrics } from './fixtures.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-12T10:00:00Z')); // 2026-W11
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const CURRENT = { from: '2026-W10', to: '2026-W11' };
const PREVIOUS = { from: '2026-W08', to: '2026-W09' };

function product() {
  const current = teamMetrics({
    ...CURRENT,
    summary: aggregate({ medianMakerShare: 0.52, medianDeepBlocks: 1.5, belowTargetShare: 0.75 }),
    weeks: [
      { week: '2026-W10', ...aggregate({ medianMakerShare: 0.55 }) },
      {
        week: '2026-W11',
        suppressed: true,
        reason: 'Only 4 members had classified time; team aggregates need at least 5',
      },
    ],
    series: [
      {
        seriesId: 's-standup',
        title: 'Daily standup',
        people: 9,
        weeks: 2,
        occurrences: 90,
        managerMinutes: 2700,
        focusCostMinutes: 4020,
      },
      {
        seriesId: 's-sync',
        title: 'Design | eng sync',
        people: 6,
        weeks: 2,
        occurrences: 12,
        managerMinutes: 720,
        focusCostMinutes: 300,
      },
    ],
    individuals: {
      shown: [
        {
          memberId: 'member-priya',
          displayName: 'Priya',
          access: 'shared_with_lead',
          weeks: [
            {
              week: '2026-W10',
              makerMinutes: 0,
              managerMinutes: 1800,
              makerShare: 0,
              deepBlocks: 0,
              target: 0.5,
              signals: ['zero_maker_week'],
            },
            {
              week: '2026-W11',
              makerMinutes: 900,
              managerMinutes: 900,
              makerShare: 0.5,
              deepBlocks: 2,
              target: 0.5,
              signals: [],
            },
          ],
        },
      ],
      omitted: 7,
      omittedReason: '7 of 9 members are not shown individually: they do not share their numbers',
    },
  });
  const previous = teamMetrics({
    ...PREVIOUS,
    summary: aggregate({ medianMakerShare: 0.6, medianDeepBlocks: 2, belowTargetShare: 0.5 }),
    series: [
      {
        seriesId: 's-standup',
        title: 'Daily standup',
        people: 9,
        weeks: 2,
        occurrences: 90,
        managerMinutes: 2700,
        focusCostMinutes: 3600,
      },
    ],
  });
  return { current, previous };
}

function leadership() {
  const reason = 'The team has 3 members; team aggregates need at least 5';
  const suppressed = (range: { from: string; to: string }) =>
    teamMetrics({
      ...range,
      team: { id: 'team-leadership', name: 'Leadership', visibility: 'private', memberCount: 3 },
      summary: { suppressed: true, reason },
      weeks: [
        { week: range.from, suppressed: true, reason },
        { week: range.to, suppressed: true, reason },
      ],
      weekdays: [],
      individuals: { shown: [], omitted: 2, omittedReason: '2 of 3 members are not shown individually' },
    });
  return { current: suppressed(CURRENT), previous: suppressed(PREVIOUS) };
}

const TEAMS = [
  team(),
  team({
    id: 'team-leadership',
    name: 'Leadership',
    members: [{ memberId: MEMBER_ID, displayName: 'Dana', isLead: false }],
  }),
];

function retroApi() {
  return stubDashboardApi({
    'GET /api/v1/teams': () => ({ body: { items: TEAMS } }),
    'GET /api/v1/teams/team-product/metrics': (call) => ({
      body: call.search.get('from') === CURRENT.from ? product().current : product().previous,
    }),
    'GET /api/v1/teams/team-leadership/metrics': (call) => ({
      body: call.search.get('from') === CURRENT.from ? leadership().current : leadership().previous,
    }),
  });
}

describe('retro Markdown', () => {
  it('writes the comparison, the costly meetings, the weekdays, the signals and who shares, for the notes', () => {
    const { current, previous } = product();
    const text = retroMarkdown({
      teamName: 'Product Engineering',
      current,
      previous,
      periods: sprintPeriods('2026-W11', 2),
    });
    expect(text).toBe(`# Team retro: Product Engineering

Sprint 2026-W10 – 2026-W11 (2 – 15 Mar 2026), compared with 2026-W08 – 2026-W09 (16 Feb – 1 Mar 2026).
9 people, 18 person-weeks with maker or manager time.

## Maker energy

| | Previous sprint | This sprint | Change |
|---|---:|---:|---:|
| Median maker share per person-week | 60 % | 52 % | −8 points |
| Median deep blocks per person-week | 2 | 1.5 | −0.5 |
| Person-weeks below their own target | 50 % | 75 % | +25 points |
| Maker time | 50 % | 50 % | no change |
| Manager time | 43 % | 43 % | no change |
| Neutral time | 8 % | 8 % | no change |

## Recurring meetings that cost the most focus

| Meeting | People | Occurrences | Meeting time | Focus cost | Previous sprint |
|---|---:|---:|---:|---:|---:|
| Daily standup | 9 | 90 | 45 h | 67 h | 60 h |
| Design \\| eng sync | 6 | 12 | 12 h | 5 h | – |

_Focus cost: deep time destroyed beyond the meetings' own length, in person-hours._

## Manager time by weekday (this sprint)

Mon 50 h · Tue 50 h · Wed 0 h · Thu 50 h · Fri 50 h · Sat 0 h · Sun 0 h

Meeting-free: Wednesday.

## Signals (person-weeks)

| Signal | Previous sprint | This sprint |
|---|---:|---:|
| Sustained tilt | 9 | 9 |
| Below target | 16 | 16 |
| Drift | 1 | 1 |
| Few deep blocks | 14 | 14 |
| Heavy meeting day | 5 | 5 |
| After hours | 2 | 2 |

## Individuals who share their numbers

- Priya: maker share W10 0 %, W11 50 %

_7 of 9 members are not shown individually: they do not share their numbers._

_Aggregates only: groups smaller than 5 are not shown, and nobody is ranked. Exported from Tiltmeter._
`);
  });

  it('says which aggregates are suppressed, and why, instead of numbers', () => {
    const { current, previous } = leadership();
    const text = retroMarkdown({
      teamName: 'Leadership',
      current,
      previous,
      periods: sprintPeriods('2026-W11', 2),
    });
    expect(text).toContain(
      "> This sprint's aggregate is not shown: The team has 3 members; team aggregates need at least 5.",
    );
    expect(text).toContain('| Median maker share per person-week | – | – | – |');
    expect(text).toContain('No signals in either sprint.');
    expect(text).not.toContain('## Individuals who share');
  });
});

describe('Team retro page', () => {
  it('compares the sprint with the one before it, from two requests, and copies the retro as Markdown', async () => {
    const api = retroApi();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp('/team');

    const distribution = await screen.findByTestId('team-distribution');
    expect(distribution.textContent).toContain('Previous sprint');
    const ranges = api
      .callsTo('GET', '/api/v1/teams/team-product/metrics')
      .map((call) => `${call.search.get('from')}..${call.search.get('to')}`);
    expect(new Set(ranges)).toEqual(new Set(['2026-W10..2026-W11', '2026-W08..2026-W09']));

    expect(screen.getByTestId('tile-median-share').textContent).toBe('52 %');
    expect(within(screen.getByTestId('retro-tiles')).getByText('−8 points')).toBeDefined();
    // The costliest meeting first; the weekly cell that is suppressed says so.
    expect(within(screen.getByTestId('team-meetings')).getAllByRole('listitem')[0]?.textContent).toContain(
      'Daily standup',
    );
    expect(
      screen.getByTitle('Only 4 members had classified time; team aggregates need at least 5').textContent,
    ).toBe('Suppressed');
    // Individuals only where allowed, and the reason for the rest.
    expect(within(screen.getByTestId('team-individuals')).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByTestId('individuals-omitted').textContent).toContain(
      '7 of 9 members are not shown individually',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Copy the retro summary as Markdown' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const copied = (writeText.mock.calls[0] as unknown as [string])[0];
    expect(copied.startsWith('# Team retro: Product Engineering\n')).toBe(true);
    expect(copied).toContain('| Daily standup | 9 | 90 | 45 h | 67 h | 60 h |');
  });

  it('shows a suppressed team as suppressed, with the reason, and no numbers', async () => {
    retroApi();
    renderApp('/team?team=team-leadership');

    const notice = await screen.findByTestId('suppressed-notice');
    expect(notice.textContent).toBe(
      'This sprint: suppressed. The team has 3 members; team aggregates need at least 5.',
    );
    expect(screen.getByTestId('tile-median-share').textContent).toBe('Suppressed');
    expect(screen.getByTestId('team-distribution').textContent).toContain(
      'Suppressed: The team has 3 members; team aggregates need at least 5',
    );
    expect(screen.queryByText('%', { exact: false, selector: '[data-testid^="tile-"]' })).toBeNull();
    expect(screen.getByTestId('individuals-omitted').textContent).toBe(
      '2 of 3 members are not shown individually',
    );
  });

  it('moves to the previous sprint and changes the sprint length through the address', async () => {
    const api = retroApi();
    const { router } = renderApp('/team');
    await screen.findByTestId('team-distribution');

    fireEvent.click(screen.getByRole('button', { name: 'Previous sprint' }));
    await waitFor(() => expect(router.state.location.search).toMatchObject({ end: '2026-W09' }));
    fireEvent.change(screen.getByLabelText('Sprint length'), { target: { value: '3' } });
    await waitFor(() => expect(router.state.location.search).toMatchObject({ sprint: 3, end: '2026-W09' }));
    await waitFor(() =>
      expect(
        api
          .callsTo('GET', '/api/v1/teams/team-product/metrics')
          .some((call) => call.search.get('from') === '2026-W07'),
      ).toBe(true),
    );
  });
});
