import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Entry, EntrySource } from '@tiltmeter/shared/entries';
import type { WeekEntry } from '@tiltmeter/shared/metrics-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  endsOnLaterDay,
  entryEditBody,
  entryFormValues,
  shiftEndDate,
} from '../../../web/src/features/week/utils/entry-form.ts';
import { renderApp } from '../render-app.tsx';
import { stubDashboardApi, weekDetail, weekEntry, weekItem, weekSeries } from './fixtures.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const WEEK = '2026-W10'; // Monday 2 March to Sunday 8 March 2026
const at = (date: string, time: string) => `${date}T${time}:00.000Z`;

/**
 * A small fake of the entries API over one week: GET of the week and of the entries answers from the
 * same list, PATCH and DELETE change it (or answer what a test says instead), so what the page shows
 * after a save is what the server would send.
 */
function fakeWeek({
  timeZone = 'UTC',
  source = 'manual' as EntrySource,
  patch,
}: {
  timeZone?: string;
  source?: EntrySource;
  /** Answers a PATCH instead of the fake (or, returning null, after it waited for something). */
  patch?: (
    body: Record<string, unknown>,
  ) => { status: number; body: unknown } | null | Promise<{ status: number; body: unknown } | null>;
} = {}) {
  let entries: WeekEntry[] = [
    weekEntry({
      id: 'focus',
      title: 'Focus: payments',
      start: at('2026-03-03', '09:00'),
      end: at('2026-03-03', '11:00'),
    }),
    weekEntry({
      id: 'sync',
      title: 'Planning sync',
      start: at('2026-03-04', '14:00'),
      end: at('2026-03-04', '15:00'),
      category: 'manager',
      subtype: 'team_sync',
      reason: 'manager / team sync: title has "sync"',
    }),
  ];
  const full = (entry: WeekEntry): Entry => ({
    ...entry,
    timeZone,
    allDay: false,
    attendees: 0,
    organizer: true,
    rsvp: 'accepted',
    showAs: 'busy',
    status: 'confirmed',
    source,
    calendar: source === 'ics_file' ? 'Work' : source === 'ics_url' ? 'subscription-1' : '',
    externalUid: source === 'manual' ? null : `uid-${entry.id}`,
    editedByMember: false,
  });
  const api = stubDashboardApi(
    {
      'GET /api/v1/me/weeks/2026-W10': () => ({ body: weekDetail(WEEK, { timeZone, entries }) }),
      'GET /api/v1/me/weeks': () => ({ body: weekSeries([weekItem(WEEK)]) }),
      'GET /api/v1/entries': (call) => {
        const from = Date.parse(call.search.get('from') ?? '');
        const to = Date.parse(call.search.get('to') ?? '');
        const items = entries
          .filter((entry) => Date.parse(entry.start) < to && Date.parse(entry.end) > from)
          .map(full);
        return { body: { items } };
      },
      'PATCH /api/v1/entries/focus': async (call) => {
        const body = call.body as Record<string, unknown>;
        const answer = await patch?.(body);
        if (answer) return answer;
        entries = entries.map((entry) => (entry.id === 'focus' ? { ...entry, ...pick(body) } : entry));
        const updated = entries.find((entry) => entry.id === 'focus') as WeekEntry;
        return { body: { ...full(updated), editedByMember: source !== 'manual' } };
      },
      'DELETE /api/v1/entries/sync': () => {
        entries = entries.filter((entry) => entry.id !== 'sync');
        return { status: 204, body: undefined };
      },
    },
    { timeZone },
  );
  return api;
}

function pick(body: Record<string, unknown>): Partial<WeekEntry> {
  const out: Partial<WeekEntry> = {};
  if ('title' in body) out.title = body.title as string | null;
  if (typeof body.start === 'string') out.start = new Date(body.start).toISOString();
  if (typeof body.end === 'string') out.end = new Date(body.end).toISOString();
  return out;
}

const block = (id: string) => document.querySelector<HTMLButtonElement>(`[data-entry-id="${id}"]`);

async function openPopover(id: string, name: string) {
  await screen.findByTestId('week-maker-share');
  const anchor = block(id) as HTMLButtonElement;
  act(() => anchor.focus());
  fireEvent.click(anchor);
  return screen.findByRole('dialog', { name });
}

async function openEditForm(id: string, name: string) {
  const popover = await openPopover(id, name);
  fireEvent.click(within(popover).getByRole('button', { name: 'Edit title and time' }));
  const form = within(popover).getByRole('form', { name: 'Edit entry' });
  return { popover, form };
}

const field = (form: HTMLElement, label: string | RegExp) =>
  within(form).getByLabelText(label) as HTMLInputElement;

describe('editing an entry of My week', () => {
  it('saves a new title and times in the member’s zone, sends only what changed, and focuses the moved entry', async () => {
    const api = fakeWeek({ timeZone: 'Europe/Berlin' });
    renderApp(`/week?week=${WEEK}`);
    const { popover, form } = await openEditForm('focus', 'Focus: payments');

    // The form starts from the entry, in Berlin wall-clock time (UTC+1 in March), title focused.
    expect(field(form, /Title/).value).toBe('Focus: payments');
    expect(document.activeElement).toBe(field(form, /Title/));
    expect(field(form, 'Day').value).toBe('2026-03-03');
    expect(field(form, 'Start').value).toBe('10:00');
    expect(field(form, 'End').value).toBe('12:00');
    expect(within(form).getByText('Times are in Europe/Berlin.')).toBeDefined();
    // A manual entry has nothing to survive re-imports.
    expect(within(form).queryByTestId('entry-edit-import-hint')).toBeNull();

    fireEvent.change(field(form, /Title/), { target: { value: '  Focus: payments v2 ' } });
    fireEvent.change(field(form, 'Day'), { target: { value: '2026-03-05' } });
    fireEvent.change(field(form, 'Start'), { target: { value: '13:30' } });
    fireEvent.change(field(form, 'End'), { target: { value: '15:00' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(api.callsTo('PATCH', '/api/v1/entries/focus')).toHaveLength(1));
    expect(api.callsTo('PATCH', '/api/v1/entries/focus')[0]?.body).toEqual({
      title: 'Focus: payments v2',
      start: '2026-03-05T12:30:00.000Z',
      end: '2026-03-05T14:00:00.000Z',
      timeZone: 'Europe/Berlin',
    });
    await waitFor(() => expect(popover.isConnected).toBe(false));
    expect(screen.getByText(/Saved “Focus: payments v2”: Thu 5 Mar, 13:30–15:00/)).toBeDefined();
    // The week was fetched again (its metrics move with the entry), and the block is on Thursday now.
    expect(api.callsTo('GET', '/api/v1/me/weeks/2026-W10').length).toBeGreaterThanOrEqual(2);
    await waitFor(() =>
      expect(block('focus')?.getAttribute('aria-label')).toContain('Thursday 5 Mar 13:30–15:00'),
    );
    await waitFor(() => expect(document.activeElement).toBe(block('focus')));
  });

  it('checks the form before sending: end after start, a real time, nothing sent when nothing changed', async () => {
    const api = fakeWeek();
    renderApp(`/week?week=${WEEK}`);
    const { popover, form } = await openEditForm('focus', 'Focus: payments');

    fireEvent.change(field(form, 'End'), { target: { value: '08:00' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByText('The end must be after the start.')).toBeDefined();
    // The message is the End field's, and focus went there.
    const end = field(form, 'End');
    expect(end.getAttribute('aria-invalid')).toBe('true');
    expect(end.getAttribute('aria-describedby') ?? '').toContain(
      within(form).getByText('The end must be after the start.').id,
    );
    await waitFor(() => expect(document.activeElement).toBe(end));

    // Fixing the time clears the message; an empty start is named too.
    fireEvent.change(end, { target: { value: '11:00' } });
    expect(within(form).queryByText('The end must be after the start.')).toBeNull();
    fireEvent.change(field(form, 'Start'), { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByText('Enter a time like 09:30.')).toBeDefined();
    expect(api.callsTo('PATCH', '/api/v1/entries/focus')).toHaveLength(0);

    // Back to the entry's own values: Save has nothing to send and returns to the classify view.
    fireEvent.change(field(form, 'Start'), { target: { value: '09:00' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(within(popover).queryByRole('form', { name: 'Edit entry' })).toBeNull());
    expect(api.callsTo('PATCH', '/api/v1/entries/focus')).toHaveLength(0);
    expect(document.activeElement).toBe(within(popover).getByRole('button', { name: 'Edit title and time' }));
  });

  it('shows the server’s refusal beside the field it names, and any other failure in words', async () => {
    let answer: { status: number; body: unknown } | null = {
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: 'Invalid body.end: an entry may last at most 31 days',
          issues: [{ path: ['body', 'end'], message: 'an entry may last at most 31 days' }],
        },
      },
    };
    const api = fakeWeek({ patch: () => answer });
    renderApp(`/week?week=${WEEK}`);
    const { popover, form } = await openEditForm('focus', 'Focus: payments');

    fireEvent.change(field(form, /Title/), { target: { value: 'Offsite' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByText('An entry may last at most 31 days.')).toBeDefined();
    expect(field(form, 'End').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByRole('alert').textContent).toContain('see the message beside the field');
    await waitFor(() => expect(document.activeElement).toBe(field(form, 'End')));
    // The form stays open with what the user typed.
    expect(field(form, /Title/).value).toBe('Offsite');

    answer = {
      status: 500,
      body: { error: { code: 'internal_error', message: 'Something went wrong on our side.' } },
    };
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(within(form).getByRole('alert').textContent).toContain('Something went wrong on our side.'),
    );
    expect(within(form).queryByText('An entry may last at most 31 days.')).toBeNull();
    expect(api.callsTo('PATCH', '/api/v1/entries/focus')).toHaveLength(2);

    // Escape closes the popover, edit form and all, and focus is back on the entry.
    fireEvent.keyDown(field(form, /Title/), { key: 'Escape' });
    await waitFor(() => expect(popover.isConnected).toBe(false));
    await waitFor(() => expect(document.activeElement).toBe(block('focus')));
  });

  it('tells that an imported entry’s edit survives re-imports, with a busy Save while it is sent', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const api = fakeWeek({
      source: 'ics_file',
      patch: async () => {
        await gate;
        return null;
      },
    });
    renderApp(`/week?week=${WEEK}`);
    const { form } = await openEditForm('focus', 'Focus: payments');
    const hint = await within(form).findByTestId('entry-edit-import-hint');
    expect(hint.textContent).toContain('Imported from the calendar file “Work”');
    expect(hint.textContent).toContain('Your changes stay when this calendar is imported again.');

    // The PATCH is held at the gate: Save shows it is busy meanwhile.
    fireEvent.change(field(form, /Title/), { target: { value: 'Focus: refunds' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    const save = within(form).getByRole('button', { name: 'Save changes' }) as HTMLButtonElement;
    await waitFor(() => expect(save.getAttribute('aria-busy')).toBe('true'));
    expect(save.disabled).toBe(true);
    expect((within(form).getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(true);
    release();
    await waitFor(() => expect(api.callsTo('PATCH', '/api/v1/entries/focus')).toHaveLength(1));
    // Only the title was sent: an imported entry is marked edited by every field it is sent.
    expect(api.callsTo('PATCH', '/api/v1/entries/focus')[0]?.body).toEqual({ title: 'Focus: refunds' });
    await waitFor(() => expect(screen.getByText(/Saved “Focus: refunds”/)).toBeDefined());
  });
});

describe('deleting an entry of My week', () => {
  it('asks first: Cancel keeps it, Delete removes it from the week and moves focus into the calendar', async () => {
    const api = fakeWeek();
    renderApp(`/week?week=${WEEK}`);
    const popover = await openPopover('sync', 'Planning sync');

    fireEvent.click(within(popover).getByRole('button', { name: 'Delete entry' }));
    let confirm = await screen.findByRole('dialog', { name: 'Delete “Planning sync”?' });
    expect(within(confirm).getByTestId('delete-entry-consequence').textContent).toBe(
      'It leaves your week and your numbers are recalculated. This cannot be undone.',
    );
    // Focus starts on Cancel, so Enter never deletes by accident.
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Delete “Planning sync”?' })).toBeNull());
    expect(api.callsTo('DELETE', '/api/v1/entries/sync')).toHaveLength(0);
    // The popover is still there, focus back on its Delete button.
    expect(popover.isConnected).toBe(true);
    await waitFor(() =>
      expect(document.activeElement).toBe(within(popover).getByRole('button', { name: 'Delete entry' })),
    );

    fireEvent.click(within(popover).getByRole('button', { name: 'Delete entry' }));
    confirm = await screen.findByRole('dialog', { name: 'Delete “Planning sync”?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete entry' }));
    await waitFor(() => expect(api.callsTo('DELETE', '/api/v1/entries/sync')).toHaveLength(1));
    await waitFor(() => expect(popover.isConnected).toBe(false));
    expect(block('sync')).toBeNull();
    expect(screen.getByText("Deleted “Planning sync”. The week's numbers are updated.")).toBeDefined();
    // Focus went to the calendar's entry in the tab order, not to the top of the page.
    await waitFor(() => expect(document.activeElement).toBe(block('focus')));
  });

  it('says truthfully that a deleted entry of a subscription comes back with its next refresh', async () => {
    fakeWeek({ source: 'ics_url' });
    renderApp(`/week?week=${WEEK}`);
    const popover = await openPopover('sync', 'Planning sync');
    // Wait for the entry's details (its source), then ask.
    await waitFor(() => expect(within(popover).getByRole('button', { name: 'Delete entry' })).toBeDefined());
    fireEvent.click(within(popover).getByRole('button', { name: 'Delete entry' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete “Planning sync”?' });
    await waitFor(() =>
      expect(within(confirm).getByTestId('delete-entry-consequence').textContent).toContain(
        'the next refresh brings it back while the event is still in that calendar',
      ),
    );
    expect(within(confirm).getByTestId('delete-entry-consequence').textContent).toContain(
      'classify it as Excluded instead',
    );
  });

  it('keeps the confirmation open with the server’s words when the deletion fails', async () => {
    const api = stubDashboardApi({
      'GET /api/v1/me/weeks/2026-W10': () => ({
        body: weekDetail(WEEK, {
          entries: [
            weekEntry({
              id: 'gone',
              title: 'Gone',
              start: at('2026-03-02', '09:00'),
              end: at('2026-03-02', '10:00'),
            }),
          ],
        }),
      }),
      'GET /api/v1/me/weeks': () => ({ body: weekSeries([weekItem(WEEK)]) }),
      'GET /api/v1/entries': () => ({ body: { items: [] } }),
      'DELETE /api/v1/entries/gone': () => ({
        status: 404,
        body: { error: { code: 'not_found', message: 'Entry not found' } },
      }),
    });
    renderApp(`/week?week=${WEEK}`);
    const popover = await openPopover('gone', 'Gone');
    fireEvent.click(within(popover).getByRole('button', { name: 'Delete entry' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete “Gone”?' });
    // Unknown source (the entry could not be loaded): the wording covers imports without claiming one.
    expect(within(confirm).getByTestId('delete-entry-consequence').textContent).toContain(
      'If it came from an imported calendar, importing that calendar again brings it back.',
    );
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete entry' }));
    expect((await within(confirm).findByRole('alert')).textContent).toContain('Entry not found');
    expect(api.callsTo('DELETE', '/api/v1/entries/gone')).toHaveLength(1);
    expect(popover.isConnected).toBe(true);
  });
});

describe('the edit form’s values and body', () => {
  const initial = entryFormValues(
    { title: 'Offsite', start: at('2026-03-04', '00:00'), end: at('2026-03-05', '00:00') },
    'UTC',
  );

  it('asks for the end day of an entry that runs past midnight, and moves it with the start day', () => {
    expect(initial).toEqual({
      title: 'Offsite',
      date: '2026-03-04',
      start: '00:00',
      end: '00:00',
      endDate: '2026-03-05',
    });
    expect(endsOnLaterDay(initial)).toBe(true);
    expect(shiftEndDate(initial, '2026-03-31')).toBe('2026-04-01');
  });

  it('turns an all-day entry given times of day into a timed one, and keeps it all day when moved whole', () => {
    const timed = entryEditBody(
      { ...initial, start: '09:00', end: '17:00', endDate: '2026-03-04' },
      initial,
      'UTC',
      {
        allDay: true,
      },
    );
    expect(timed).toEqual({
      ok: true,
      body: {
        start: '2026-03-04T09:00:00.000Z',
        end: '2026-03-04T17:00:00.000Z',
        timeZone: 'UTC',
        allDay: false,
      },
    });
    const moved = entryEditBody({ ...initial, date: '2026-03-06', endDate: '2026-03-07' }, initial, 'UTC', {
      allDay: true,
    });
    expect(moved).toEqual({
      ok: true,
      body: { start: '2026-03-06T00:00:00.000Z', end: '2026-03-07T00:00:00.000Z', timeZone: 'UTC' },
    });
  });

  it('refuses what the API would, in words: over 31 days, an empty title sent as null', () => {
    expect(entryEditBody({ ...initial, endDate: '2026-04-30' }, initial, 'UTC')).toEqual({
      ok: false,
      errors: { end: 'An entry may last at most 31 days.' },
    });
    expect(entryEditBody({ ...initial, title: '   ' }, initial, 'UTC')).toEqual({
      ok: true,
      body: { title: null },
    });
    expect(entryEditBody(initial, initial, 'UTC')).toEqual({ ok: true, body: null });
  });
});
