import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MakerShareChart } from '../../../web/src/features/trend/components/trend-chart.tsx';
import {
  describeTrend,
  toTrendPoints,
  trendBands,
} from '../../../web/src/features/trend/utils/trend-model.ts';
import { weekRange } from '../../../web/src/lib/iso-week.ts';
import { renderApp } from '../render-app.tsx';
import { signal, stubDashboardApi, thresholds, weekItem, weekSeries } from './fixtures.ts';

beforeEach(() => {
  // Only the clock: "this week" is 2026-W11 (Thursday 12 March 2026).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-12T10:00:00Z'));
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/**
 * 26 weeks ending 2026-W11: healthy for 10 weeks, then below the 50 % target for 16 weeks (a week off
 * in the middle carries the streak), the last 4 of them drifting 12 points under the baseline.
 */
function items(burnoutWeeks = 26) {
  const weeks = weekRange('2025-W38', '2026-W11');
  let streak = 0;
  return weeks.map((week, index) => {
    const off = week === '2026-W01';
    const share = off ? null : index < 10 ? 0.6 : 0.45 - (index - 10) * 0.01;
    if (!off) streak = share !== null && share < 0.5 ? streak + 1 : 0;
    const signals = [];
    if (share !== null && share < 0.5) {
      signals.push(
        signal(
          'maker_share_below_target',
          'warning',
          `Maker work was ${Math.round(share * 100)} % this week.`,
        ),
      );
    }
    if (streak >= burnoutWeeks)
      signals.push(signal('burnout_pattern', 'critical', `Below target for ${streak} weeks in a row.`));
    return weekItem(week, {
      makerShare: share,
      makerMinutes: share === null ? 0 : Math.round(share * 1000),
      managerMinutes: share === null ? 0 : Math.round((1 - share) * 1000),
      deepBlocks: index % 3,
      belowTargetStreak: streak,
      drift: index >= 22 ? { rollingShare: 0.3, baselineShare: 0.42, points: -12 } : null,
      signals,
    });
  });
}

describe('trend model', () => {
  it('says the streak and the drift in words', () => {
    const points = toTrendPoints(items());
    expect(describeTrend(points, thresholds())).toBe(
      '15 weeks below your 50 % target (a sustained tilt); 12 points under your 12-week baseline.',
    );
    const short = toTrendPoints(items().slice(0, 14));
    expect(describeTrend(short, thresholds())).toBe(
      '4 weeks below your 50 % target (a sustained tilt); not enough weeks yet for a 12-week baseline.',
    );
  });

  it('puts the warning band under the target and shades the weeks of a burnout pattern', () => {
    const points = toTrendPoints(items(12));
    const bands = trendBands(points, thresholds({ burnoutWeeks: 12 }));
    expect(bands.belowTarget).toEqual({ y1: 0, y2: 50 });
    // The streak reaches 12 in the 12th week below target (2026-W08) and carries on to the end.
    expect(bands.burnout).toEqual([{ from: '2026-W08', to: '2026-W11', weeks: 4 }]);
    expect(trendBands(points, thresholds()).burnout).toEqual([]);
  });

  it('draws the bands behind the line and marks each week by its most severe signal', () => {
    const points = toTrendPoints(items(12));
    const { container } = render(
      <MakerShareChart
        points={points}
        bands={trendBands(points, thresholds({ burnoutWeeks: 12 }))}
        width={800}
        height={300}
      />,
    );
    const belowTarget = container.querySelector('.band-below-target');
    const burnout = container.querySelector('.band-burnout');
    expect(belowTarget).not.toBeNull();
    expect(burnout).not.toBeNull();
    // The band comes before the line in the drawing order: it is behind it.
    const line = container.querySelector('.recharts-line');
    expect(line).not.toBeNull();
    expect(belowTarget?.compareDocumentPosition(line as Node) ?? 0).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(container.textContent).toContain('Target 50 %');
    expect(container.textContent).toContain('Burnout pattern');
    // 4 burnout weeks are critical squares; the 11 other below-target weeks warning triangles.
    expect(container.querySelectorAll('[data-testid="signal-mark-critical"]')).toHaveLength(4);
    expect(container.querySelectorAll('[data-testid="signal-mark-warning"]')).toHaveLength(11);
  });
});

describe('My trend page', () => {
  it('shows 26 weeks by default, the drift and streak in words, and a table of every week', async () => {
    const api = stubDashboardApi({ 'GET /api/v1/me/weeks': () => ({ body: weekSeries(items()) }) });
    renderApp('/trend');

    const headline = await screen.findByTestId('trend-headline');
    expect(headline.textContent).toBe(
      '15 weeks below your 50 % target (a sustained tilt); 12 points under your 12-week baseline.',
    );
    const call = api.callsTo('GET', '/api/v1/me/weeks')[0];
    expect([call?.search.get('from'), call?.search.get('to')]).toEqual(['2025-W38', '2026-W11']);
    expect(screen.getByTestId('trend-latest-share').textContent).toBe('30 %');
    expect(screen.getByTestId('trend-streak').textContent).toBe('15 weeks');

    // The signals panel explains each signal with the last thing it said.
    const signals = screen.getByTestId('trend-signals');
    expect(signals.textContent).toContain('Below target');
    expect(signals.textContent).toContain('15 weeks, latest 2026-W11');

    // The table: newest week first, the week off without a share.
    fireEvent.click(screen.getByRole('radio', { name: 'Table' }));
    const table = screen
      .getAllByRole('table', { name: /Maker share, deep blocks and signals by week/ })
      .at(-1) as HTMLElement;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(26);
    expect(within(rows[0] as HTMLElement).getByRole('rowheader').textContent).toBe('2026-W11');
    expect(rows[0]?.textContent).toContain('30 %');
    const weekOff = rows.find((row) => row.textContent?.startsWith('2026-W01'));
    expect(weekOff?.querySelectorAll('td')[0]?.textContent).toBe('–');
  });

  it('asks for 12 or 52 weeks when the range changes', async () => {
    const api = stubDashboardApi({ 'GET /api/v1/me/weeks': () => ({ body: weekSeries(items()) }) });
    const { router } = renderApp('/trend');
    await screen.findByTestId('trend-headline');

    fireEvent.click(screen.getByRole('radio', { name: '12 weeks' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ weeks: 12 }));
    await waitFor(() =>
      expect(api.callsTo('GET', '/api/v1/me/weeks').map((call) => call.search.get('from'))).toContain(
        '2025-W52',
      ),
    );
  });
});
