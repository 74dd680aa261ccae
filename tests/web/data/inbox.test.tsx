import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../render-app.tsx';
import { emptyTotals, entry, PAGE_LOAD, stubApi } from './stub-api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ITEMS = [
  entry({
    id: 'a',
    title: 'Vendor evaluation',
    start: '2026-03-05T15:00:00.000Z',
    end: '2026-03-05T16:00:00.000Z',
  }),
  entry({
    id: 'b',
    title: 'Hold for Acme',
    start: '2026-03-06T14:00:00.000Z',
    end: '2026-03-06T15:30:00.000Z',
  }),
  entry({ id: 'c', title: 'Architecture musings', attendees: 3, organizer: false, seriesId: 'series-1' }),
  entry({ id: 'd', title: null }),
];

function inboxApi(items = ITEMS) {
  let current = [...items];
  return stubApi({
    'GET /api/v1/inbox': () => ({ body: { items: current, total: current.length } }),
    'POST /api/v1/inbox/classify': (call) => {
      const ids = (call.body as { ids: string[] }).ids;
      current = current.filter((item) => !ids.includes(item.id));
      return { body: { updated: ids.length } };
    },
  });
}

const rowCheckbox = (name: RegExp) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

// Pages load as lazy chunks and poll their data: generous limits keep a loaded machine from failing them.
describe('inbox', { timeout: 30_000 }, () => {
  it('lists the unclassified entries with why they are there', async () => {
    inboxApi();
    renderApp('/inbox');

    expect(await screen.findByRole('heading', { name: '4 unclassified entries' }, PAGE_LOAD)).toBeDefined();
    const table = screen.getByRole('table');
    expect(within(table).getByText('Vendor evaluation')).toBeDefined();
    expect(within(table).getByText('Untitled entry')).toBeDefined();
    expect(within(table).getAllByText('No rule matched')).toHaveLength(4);
    // The facts the rules saw, in the engine's wording.
    expect(within(table).getAllByText('shown as tentative').length).toBe(4);
    expect(within(table).getByText('3 attendees')).toBeDefined();
    expect(within(table).getByText('recurring')).toBeDefined();
  });

  it('selects all, some (indeterminate) and ranges, and classifies the selection in bulk', async () => {
    const api = inboxApi();
    renderApp('/inbox');
    await screen.findByRole('heading', { name: '4 unclassified entries' }, PAGE_LOAD);
    const toolbar = screen.getByRole('toolbar', { name: 'Classify selected entries' });
    expect(within(toolbar).getByText('Select entries to classify them together.')).toBeDefined();
    expect((within(toolbar).getByRole('button', { name: 'Classify' }) as HTMLButtonElement).disabled).toBe(
      true,
    );

    const selectAll = screen.getByRole('checkbox', { name: 'Select all entries' }) as HTMLInputElement;
    fireEvent.click(selectAll);
    expect(within(toolbar).getByText('4 selected')).toBeDefined();
    expect(
      ITEMS.every((item) => rowCheckbox(new RegExp(`^Select ${item.title ?? 'Untitled entry'}`)).checked),
    ).toBe(true);

    // One off: the header box is neither checked nor clear.
    fireEvent.click(rowCheckbox(/^Select Hold for Acme/));
    expect(within(toolbar).getByText('3 selected')).toBeDefined();
    const partial = screen.getByRole('checkbox', { name: 'Select all entries' }) as HTMLInputElement;
    expect(partial.checked).toBe(false);
    expect(partial.indeterminate).toBe(true);

    // Clear, then a shift-click range from the first to the third row.
    fireEvent.click(within(toolbar).getByRole('button', { name: 'Clear' }));
    fireEvent.click(rowCheckbox(/^Select Vendor evaluation/));
    fireEvent.click(rowCheckbox(/^Select Architecture musings/), { shiftKey: true });
    expect(within(toolbar).getByText('3 selected')).toBeDefined();
    expect(rowCheckbox(/^Select Hold for Acme/).checked).toBe(true);
    expect(rowCheckbox(/^Select Untitled entry/).checked).toBe(false);

    fireEvent.change(within(toolbar).getByRole('combobox', { name: 'Classify selected as' }), {
      target: { value: 'manager' },
    });
    fireEvent.change(within(toolbar).getByRole('combobox', { name: 'Kind of manager work' }), {
      target: { value: 'external' },
    });
    fireEvent.click(within(toolbar).getByRole('button', { name: 'Classify 3' }));

    await waitFor(() => expect(api.callsTo('POST', '/api/v1/inbox/classify')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/v1/inbox/classify')[0]?.body).toEqual({
      ids: ['a', 'b', 'c'],
      category: 'manager',
      subtype: 'external',
    });
    expect(
      await screen.findByText('Classified 3 entries as Manager · external', {}, PAGE_LOAD),
    ).toBeDefined();
    expect(await screen.findByRole('heading', { name: '1 unclassified entry' }, PAGE_LOAD)).toBeDefined();
    expect(within(toolbar).getByText('Select entries to classify them together.')).toBeDefined();
  });

  it('moves between rows with the arrow keys and selects with Shift+Arrow', async () => {
    inboxApi();
    renderApp('/inbox');
    await screen.findByRole('heading', { name: '4 unclassified entries' }, PAGE_LOAD);

    const first = rowCheckbox(/^Select Vendor evaluation/);
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rowCheckbox(/^Select Hold for Acme/));
    expect(rowCheckbox(/^Select Hold for Acme/).checked).toBe(false);

    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown', shiftKey: true });
    expect(document.activeElement).toBe(rowCheckbox(/^Select Architecture musings/));
    expect(rowCheckbox(/^Select Hold for Acme/).checked).toBe(true);
    expect(rowCheckbox(/^Select Architecture musings/).checked).toBe(true);
    expect(screen.getByText('2 selected')).toBeDefined();
  });

  it('celebrates an empty inbox', async () => {
    inboxApi([]);
    renderApp('/inbox');

    expect(await screen.findByRole('heading', { name: 'Inbox zero' }, PAGE_LOAD)).toBeDefined();
    expect(screen.getByRole('link', { name: 'Import a calendar' }).getAttribute('href')).toBe(
      '/settings/imports',
    );
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('turns an entry into a draft rule and opens it in the rules editor', async () => {
    const api = stubApi({
      'GET /api/v1/inbox': () => ({ body: { items: ITEMS, total: ITEMS.length } }),
      'GET /api/v1/rules': () => ({ body: { items: [], recompute: null } }),
      'GET /api/v1/rules/recompute': () => ({ body: { recompute: null } }),
      'POST /api/v1/rules/preview': () => ({
        body: { total: 0, changed: 0, before: emptyTotals(), after: emptyTotals(), samples: [] },
      }),
    });
    const { router } = renderApp('/inbox');
    await screen.findByRole('heading', { name: '4 unclassified entries' }, PAGE_LOAD);

    fireEvent.click(screen.getByRole('button', { name: 'Make a rule from Vendor evaluation' }));
    const panel = await screen.findByText(/Suggested rule/, {}, PAGE_LOAD);
    expect(panel.textContent).toContain('“vendor evaluation → manager / coordination”');
    fireEvent.change(screen.getByRole('combobox', { name: 'This entry is' }), { target: { value: 'maker' } });
    expect(screen.getByText(/Suggested rule/).textContent).toContain('“vendor evaluation → maker”');
    fireEvent.click(screen.getByRole('button', { name: /Preview the rule/ }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Classification rules' }, PAGE_LOAD),
    ).toBeDefined();
    await waitFor(() => expect(router.state.location.pathname).toBe('/settings/rules'));
    // The draft is in the editor, unsaved, at the top; the link no longer carries it.
    expect(
      await screen.findByRole('button', { name: /Rule 1 of 1: vendor evaluation → maker/ }, PAGE_LOAD),
    ).toBeDefined();
    expect(screen.getByText('New')).toBeDefined();
    await waitFor(() => expect(router.state.location.search).toEqual({}));
    await waitFor(() => expect(api.callsTo('POST', '/api/v1/rules/preview').length).toBeGreaterThan(0));
    const previewBody = api.callsTo('POST', '/api/v1/rules/preview').at(-1)?.body as { rules: unknown[] };
    expect(previewBody.rules[0]).toMatchObject({
      name: 'vendor evaluation → maker',
      conditions: { titleKeywords: ['vendor evaluation'] },
      outcome: { category: 'maker', subtype: null },
    });
  });
});
