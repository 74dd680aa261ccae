import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { layoutWeek, placeOverlapping } from '../../../web/src/features/week/utils/calendar-layout.ts';
import { zonedInstant } from '../../../web/src/features/week/utils/zoned-time.ts';
import { daysOfWeek } from '../../../web/src/lib/iso-week.ts';
import { renderApp } from '../render-app.tsx';
import { signal, stubDashboardApi, weekDetail, weekEntry, weekItem, weekSeries } from './fixtures.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const WEEK = '2026-W10'; // Monday 2 March to Sunday 8 March 2026
const at = (date: string, time: string) => `${date}T${time}:00.000Z`;

const ENTRIES = [
  weekEntry({
    id: 'focus',
    title: 'Focus: payments',
    start: at('2026-03-02', '09:00'),
    end: at('2026-03-02', '11:00'),
  }),
  weekEntry({
    id: 'standup',
    title: 'Daily standup',
    start: at('2026-03-02', '10:00'),
    end: at('2026-03-02', '10:30'),
    category: 'manager',
    subtype: 'team_sync',
    seriesId: 'series-standup',
    reason: 'manager / team sync: title has "standup" (rule "Standups, syncs and planning")',
  }),
  weekEntry({
    id: 'one-on-one',
    title: '1:1 Lena',
    start: at('2026-03-02', '10:15'),
    end: at('2026-03-02', '12:00'),
    category: 'manager',
    subtype: 'one_on_one',
    overridden: true,
    reason: 'manager / 1:1: your own classification',
  }),
  weekEntry({
    id: 'lunch',
    title: 'Lunch',
    start: at('2026-03-02', '13:00'),
    end: at('2026-03-02', '14:00'),
    category: 'neutral',
    reason: 'neutral: title has "lunch"',
  }),
  weekEntry({
    id: 'offsite',
    title: 'Offsite (declined)',
    start: at('2026-03-04', '00:00'),
    end: at('2026-03-05', '00:00'),
    category: 'excluded',
    reason: 'excluded: declined',
  }),
  weekEntry({
    id: 'hold',
    title: 'Hold',
    start: at('2026-03-05', '15:00'),
    end: at('2026-03-05', '16:00'),
    category: 'unclassified',
    reason: 'unclassified: no rule matched',
  }),
];

function detail(timeZone = 'UTC') {
  return weekDetail(WEEK, {
    timeZone,
    entries: ENTRIES,
    days: {
      '2026-03-02': {
        makerMinutes: 105,
        managerMinutes: 135,
        makerBlocks: [
          { start: at('2026-03-02', '09:00'), end: at('2026-03-02', '10:00'), minutes: 60, deep: false },
        ],
        capacityBlocks: [{ start: at('2026-03-02', '14:00'), end: at('2026-03-02', '17:00'), minutes: 180 }],
        capacityBlockMinutes: 180,
        meetings: [
          {
            entryId: 'standup',
            seriesId: 'series-standup',
            subtype: 'team_sync',
            start: at('2026-03-02', '10:00'),
            end: at('2026-03-02', '10:30'),
            minutes: 30,
            focusCostMinutes: 60,
          },
        ],
      },
      '2026-03-03': {
        makerMinutes: 240,
        deepBlocks: 1,
        makerBlocks: [
          { start: at('2026-03-03', '09:00'), end: at('2026-03-03', '13:00'), minutes: 240, deep: true },
        ],
      },
    },
    series: [
      {
        seriesId: 'series-standup',
        title: 'Daily standup',
        occurrences: 5,
        managerMinutes: 150,
        focusCostMinutes: 300,
      },
    ],
    metrics: {
      makerShare: 0.42,
      makerMinutes: 840,
      managerMinutes: 1160,
      deepBlocks: 1,
      signals: [
        signal(
          'maker_share_below_target',
          'warning',
          'Maker work was 42 % of maker and manager time this week, below the 50 % target.',
        ),
        signal('heavy_meeting_day', 'warning', 'Monday 2026-03-02 had 5 h of manager time.', '2026-03-02'),
      ],
    },
  });
}

function weekApi() {
  return stubDashboardApi({
    'GET /api/v1/me/weeks/2026-W10': () => ({ body: detail() }),
    'GET /api/v1/me/weeks/2026-W11': () => ({ body: weekDetail('2026-W11') }),
    'GET /api/v1/me/weeks': (call) => ({ body: weekSeries([weekItem(call.search.get('to') ?? WEEK)]) }),
    'PATCH /api/v1/entries/one-on-one': (call) => ({
      body: {
        ...apiEntry('one-on-one'),
        category: (call.body as { category: string | null }).category ?? 'manager',
        subtype: (call.body as { category: string | null }).category === null ? 'one_on_one' : null,
      },
    }),
    'PATCH /api/v1/entries/standup': () => ({
      body: { ...apiEntry('standup'), category: 'maker', subtype: null },
    }),
  });
}

/** An entry as PATCH returns it. */
function apiEntry(id: string) {
  return {
    id,
    title: id,
    start: at('2026-03-02', '10:00'),
    end: at('2026-03-02', '10:30'),
    timeZone: 'UTC',
    allDay: false,
    attendees: 2,
    organizer: false,
    rsvp: 'accepted',
    showAs: 'busy',
    status: 'confirmed',
    source: 'ics_file',
    calendar: 'Work',
    externalUid: null,
    seriesId: null,
    category: 'manager',
    subtype: 'one_on_one',
    reason: 'overridden',
    overridden: true,
    editedByMember: false,
  };
}

const block = (id: string) =>
  document.querySelector<HTMLButtonElement>(`[data-entry-id="${id}"]`) as HTMLButtonElement;

describe('calendar layout', () => {
  it('puts overlapping entries side by side, each as wide as its neighbours allow', () => {
    const day = '2026-03-02';
    const seg = (id: string, start: number, end: number) => ({
      entry: { id, start: '', end: '' },
      date: day,
      startMinute: start,
      endMinute: end,
      continuesBefore: false,
      continuesAfter: false,
    });
    const placed = placeOverlapping([
      seg('p', 540, 720), // 09:00-12:00
      seg('q', 540, 600), // 09:00-10:00
      seg('r', 540, 600), // 09:00-10:00
      seg('s', 600, 660), // 10:00-11:00: takes q's column once q ends, and r's free column beside it
      seg('t', 780, 840), // 13:00-14:00: a group of its own
    ]);
    const byId = Object.fromEntries(placed.map((p) => [p.entry.id, [p.column, p.columns, p.span]]));
    expect(byId).toEqual({
      p: [0, 3, 1],
      q: [1, 3, 1],
      r: [2, 3, 1],
      s: [1, 3, 2],
      t: [0, 1, 1],
    });
  });

  it('cuts entries into local days, moves 12-hour pieces to the all-day row, and ends midnight entries the day before', () => {
    const days = layoutWeek(ENTRIES, daysOfWeek(WEEK), 'UTC');
    const monday = days[0];
    expect(monday?.timed.map((s) => [s.entry.id, s.column, s.columns])).toEqual([
      ['focus', 0, 3],
      ['standup', 1, 3],
      ['one-on-one', 2, 3],
      ['lunch', 0, 1],
    ]);
    expect(days[2]?.allDay.map((s) => s.entry.id)).toEqual(['offsite']);
    expect(days[3]?.allDay).toEqual([]);
    expect(days[3]?.timed.map((s) => s.entry.id)).toEqual(['hold']);
  });

  it('reads wall-clock times in the member’s zone, across a DST change', () => {
    // Berlin moved to summer time on Sunday 29 March 2026: 09:00 is 08:00 UTC before, 07:00 UTC after.
    expect(zonedInstant('2026-03-27', 9 * 60, 'Europe/Berlin').toISOString()).toBe(
      '2026-03-27T08:00:00.000Z',
    );
    expect(zonedInstant('2026-03-30', 9 * 60, 'Europe/Berlin').toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
    const days = layoutWeek(
      [weekEntry({ id: 'x', start: '2026-03-30T07:00:00.000Z', end: '2026-03-30T08:30:00.000Z' })],
      daysOfWeek('2026-W14'),
      'Europe/Berlin',
    );
    expect(days[0]?.timed[0]).toMatchObject({ startMinute: 540, endMinute: 630 });
  });
});

describe('My week page', () => {
  it('draws the week as a calendar with categories, overlaps side by side and the all-day row', async () => {
    weekApi();
    renderApp(`/week?week=${WEEK}`);

    await screen.findByTestId('week-maker-share');
    expect(screen.getByTestId('week-maker-share').textContent).toBe('42 %');

    // Monday's three overlapping entries share the column in thirds.
    expect(block('focus').parentElement?.style.left).toContain('* 0 / 3');
    expect(block('standup').parentElement?.style.left).toContain('* 1 / 3');
    expect(block('one-on-one').parentElement?.style.left).toContain('* 2 / 3');
    expect(block('lunch').parentElement?.style.width).toContain('* 1 / 1');
    expect(block('offsite').getAttribute('aria-label')).toContain('all day');
    expect(block('hold').dataset.category).toBe('unclassified');
    expect(block('one-on-one').getAttribute('aria-label')).toContain('classified by you');

    // Deep blocks and capacity are drawn behind the entries.
    expect(screen.getAllByTestId('deep-block')).toHaveLength(1);
    expect(screen.getAllByTestId('capacity-block')).toHaveLength(1);
    // Monday is marked heavy; the side panel names the costliest meeting and the signals in words.
    expect(screen.getAllByText('Heavy day')).toHaveLength(1);
    expect(
      within(screen.getByTestId('week-costly-meetings')).getAllByRole('listitem')[0]?.textContent,
    ).toContain('Daily standup');
    expect(screen.getByTestId('week-signals').textContent).toContain('below the 50 % target');
  });

  it('shows the reason on keyboard focus as well as on hover, and arrow keys move between entries', async () => {
    weekApi();
    renderApp(`/week?week=${WEEK}`);
    await screen.findByTestId('week-maker-share');

    // One tab stop for the calendar (the first entry until another is focused); arrows move through it.
    expect(block('focus').tabIndex).toBe(0);
    expect(block('standup').tabIndex).toBe(-1);

    const standup = block('standup');
    const tooltip = document.getElementById(standup.getAttribute('aria-describedby') ?? '') as HTMLElement;
    expect(tooltip.getAttribute('role')).toBe('tooltip');
    expect(tooltip.className).toContain('hidden');

    act(() => standup.focus());
    expect(tooltip.className).not.toContain('hidden');
    expect(tooltip.textContent).toContain('rule "Standups, syncs and planning"');
    expect(tooltip.textContent).toContain('Cost 1 h of deep time');

    fireEvent.keyDown(standup, { key: 'Escape' });
    expect(tooltip.className).toContain('hidden');

    const lunch = block('lunch');
    const lunchTip = document.getElementById(lunch.getAttribute('aria-describedby') ?? '') as HTMLElement;
    fireEvent.pointerEnter(lunch);
    expect(lunchTip.className).not.toContain('hidden');
    fireEvent.pointerLeave(lunch);
    expect(lunchTip.className).toContain('hidden');

    act(() => block('focus').focus());
    expect(block('focus').tabIndex).toBe(0);
    expect(block('standup').tabIndex).toBe(-1);
    fireEvent.keyDown(block('focus'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(block('standup'));
    fireEvent.keyDown(block('standup'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(block('offsite'));
  });

  it('reclassifies in place: an entry, a whole series, and back to the rules', async () => {
    const api = weekApi();
    renderApp(`/week?week=${WEEK}`);
    await screen.findByTestId('week-maker-share');

    fireEvent.click(block('one-on-one'));
    let dialog = await screen.findByRole('dialog', { name: '1:1 Lena' });
    fireEvent.click(within(dialog).getByRole('radio', { name: /Maker/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.callsTo('PATCH', '/api/v1/entries/one-on-one')).toHaveLength(1));
    expect(api.callsTo('PATCH', '/api/v1/entries/one-on-one')[0]?.body).toEqual({
      category: 'maker',
      subtype: null,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText(/now counts as maker/)).toBeDefined();

    fireEvent.click(block('standup'));
    dialog = await screen.findByRole('dialog', { name: 'Daily standup' });
    fireEvent.click(within(dialog).getByRole('radio', { name: /Maker/ }));
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Every entry of this recurring series' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.callsTo('PATCH', '/api/v1/entries/standup')).toHaveLength(1));
    expect(api.callsTo('PATCH', '/api/v1/entries/standup')[0]?.body).toEqual({
      category: 'maker',
      subtype: null,
      scope: 'series',
    });

    // The overridden 1:1 (now refetched as it was) offers "return to rules": category null.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    fireEvent.click(block('one-on-one'));
    dialog = await screen.findByRole('dialog', { name: '1:1 Lena' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Return to rules' }));
    await waitFor(() => expect(api.callsTo('PATCH', '/api/v1/entries/one-on-one')).toHaveLength(2));
    expect(api.callsTo('PATCH', '/api/v1/entries/one-on-one')[1]?.body).toEqual({
      category: null,
      subtype: null,
    });
  });

  it('closes the reclassify popover on Escape and gives focus back to the entry', async () => {
    const api = weekApi();
    renderApp(`/week?week=${WEEK}`);
    await screen.findByTestId('week-maker-share');

    act(() => block('lunch').focus());
    fireEvent.click(block('lunch'));
    const dialog = await screen.findByRole('dialog', { name: 'Lunch' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect((document.activeElement as HTMLInputElement).value).toBe('neutral');
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(block('lunch')));
    expect(api.calls.filter((call) => call.method === 'PATCH')).toHaveLength(0);
  });

  it('steps to the next week with ] and offers the previous one with a button', async () => {
    const api = weekApi();
    const { router } = renderApp(`/week?week=${WEEK}`);
    await screen.findByTestId('week-maker-share');

    fireEvent.keyDown(document.body, { key: ']' });
    await waitFor(() => expect(router.state.location.search).toEqual({ week: '2026-W11' }));
    await waitFor(() => expect(api.callsTo('GET', '/api/v1/me/weeks/2026-W11')).toHaveLength(1));

    fireEvent.click(screen.getByRole('button', { name: 'Previous week' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ week: WEEK }));
  });

  it('adds a manual entry from the keyboard-accessible form, in the member’s time zone', async () => {
    const api = stubDashboardApi(
      {
        'GET /api/v1/me/weeks/2026-W10': () => ({ body: detail('Europe/Berlin') }),
        'GET /api/v1/me/weeks': () => ({ body: weekSeries([weekItem(WEEK)]) }),
        'POST /api/v1/entries': () => ({
          status: 201,
          body: { ...apiEntry('new'), title: 'Deep work', category: 'maker', subtype: null },
        }),
      },
      { timeZone: 'Europe/Berlin' },
    );
    renderApp(`/week?week=${WEEK}`);
    await screen.findByTestId('week-maker-share');

    fireEvent.click(screen.getByRole('button', { name: 'Add entry' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add an entry' });
    fireEvent.change(within(dialog).getByLabelText(/Title/), { target: { value: 'Deep work' } });
    fireEvent.change(within(dialog).getByLabelText('Day'), { target: { value: '2026-03-03' } });
    fireEvent.change(within(dialog).getByLabelText('Start'), { target: { value: '13:00' } });
    fireEvent.change(within(dialog).getByLabelText('End'), { target: { value: '12:00' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add entry' }));
    expect(await within(dialog).findByText('The end must be after the start.')).toBeDefined();
    expect(api.callsTo('POST', '/api/v1/entries')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('End'), { target: { value: '15:30' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add entry' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/v1/entries')).toHaveLength(1));
    // 13:00 in Berlin in March (winter time) is 12:00 UTC.
    expect(api.callsTo('POST', '/api/v1/entries')[0]?.body).toEqual({
      title: 'Deep work',
      start: '2026-03-03T12:00:00.000Z',
      end: '2026-03-03T14:30:00.000Z',
      timeZone: 'Europe/Berlin',
    });
  });

  it('shows the entries as a table with their reasons', async () => {
    weekApi();
    renderApp(`/week?week=${WEEK}`);
    await screen.findByTestId('week-maker-share');
    fireEvent.click(screen.getByRole('radio', { name: 'Table' }));
    const table = await screen.findByRole('table', { name: /Entries of 2026-W10/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(ENTRIES.length);
    expect(rows[1]?.textContent).toContain('Daily standup');
    expect(rows[1]?.textContent).toContain('Manager · Team sync');
    expect(rows[1]?.textContent).toContain('rule "Standups, syncs and planning"');
    expect(rows[1]?.textContent).toContain('1 h');
  });

  it('says plainly when the week cannot be loaded, and tries again on request', async () => {
    let fail = true;
    const api = stubDashboardApi({
      'GET /api/v1/me/weeks/2026-W10': () =>
        fail
          ? {
              status: 403,
              body: { error: { code: 'forbidden', message: 'This week belongs to another organization.' } },
            }
          : { body: detail() },
      'GET /api/v1/me/weeks': () => ({ body: weekSeries([weekItem(WEEK)]) }),
    });
    renderApp(`/week?week=${WEEK}`);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your week could not be loaded');
    expect(alert.textContent).toContain('This week belongs to another organization.');
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect((await screen.findByTestId('week-maker-share')).textContent).toBe('42 %');
    expect(api.callsTo('GET', '/api/v1/me/weeks/2026-W10').length).toBeGreaterThanOrEqual(2);
  });
});
