import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { StoredRule } from '@tiltmeter/shared/rules';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../render-app.tsx';
import { emptyTotals, PAGE_LOAD, type RecordedCall, stubApi } from './stub-api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const RULES: StoredRule[] = [
  {
    id: 'rule-focus',
    teamId: null,
    name: 'Focus blocks',
    enabled: true,
    position: 0,
    conditions: { titleKeywords: ['focus', 'deep work'] },
    outcome: { category: 'maker', subtype: null },
  },
  {
    id: 'rule-two',
    teamId: null,
    name: 'Two people',
    enabled: true,
    position: 1,
    conditions: { attendees: { min: 2, max: 2 } },
    outcome: { category: 'manager', subtype: 'one_on_one' },
  },
];

const BEFORE = emptyTotals({ maker: [10, 1200], manager: [8, 360], unclassified: [2, 150] });
const WITH_VENDOR_RULE = emptyTotals({ maker: [10, 1200], manager: [9, 420], unclassified: [1, 90] });

const recompute = (status: 'queued' | 'running' | 'succeeded', done: number) => ({
  id: 'job-1',
  status,
  done,
  total: 40,
  createdAt: '2026-03-09T10:00:00.000Z',
  finishedAt: status === 'succeeded' ? '2026-03-09T10:00:03.000Z' : null,
  error: null,
});

/** The preview the server would give: the vendor rule moves one unclassified entry to manager. */
function preview(call: RecordedCall) {
  const rules = (call.body as { rules: Array<{ conditions: { titleKeywords?: string[] } }> }).rules;
  const vendor = rules.some((rule) => rule.conditions.titleKeywords?.includes('vendor evaluation'));
  return {
    body: {
      total: 20,
      changed: vendor ? 1 : 0,
      before: BEFORE,
      after: vendor ? WITH_VENDOR_RULE : BEFORE,
      samples: vendor
        ? [
            {
              entryId: 'e-1',
              title: 'Vendor evaluation',
              start: '2026-03-05T15:00:00.000Z',
              end: '2026-03-05T16:00:00.000Z',
              before: {
                category: 'unclassified',
                subtype: null,
                reason: 'unclassified: no rule matched',
                ruleId: null,
              },
              after: {
                category: 'manager',
                subtype: 'external',
                reason: 'manager / external: title has "vendor evaluation" (rule "Vendors")',
                ruleId: 'draft-0',
              },
            },
          ]
        : [],
    },
  };
}

function cellsOf(category: string) {
  const row = document.querySelector(`tr[data-category="${category}"]`);
  if (!row) throw new Error(`no preview row for ${category}`);
  return {
    before: row.querySelector('[data-cell="before"]')?.textContent,
    after: row.querySelector('[data-cell="after"]')?.textContent,
  };
}

// Pages load as lazy chunks and poll their data: generous limits keep a loaded machine from failing them.
describe('rules editor live preview', { timeout: 30_000 }, () => {
  it('shows counts per category, pauses on an invalid draft, and updates for a new rule', async () => {
    const api = stubApi({
      'GET /api/v1/rules': () => ({ body: { items: RULES, recompute: null } }),
      'GET /api/v1/rules/recompute': () => ({ body: { recompute: null } }),
      'POST /api/v1/rules/preview': preview,
    });
    renderApp('/settings/rules');

    expect(await screen.findByRole('heading', { name: '2 rules, top to bottom' }, PAGE_LOAD)).toBeDefined();
    await waitFor(() =>
      expect(screen.getByTestId('preview-summary').textContent).toBe('0 of 20 entries would change.'),
    );
    expect(cellsOf('maker')).toEqual({ before: '10', after: '10' });
    expect(cellsOf('unclassified')).toEqual({ before: '2', after: '2' });
    // Categories with no entries on either side are left out.
    expect(document.querySelector('tr[data-category="excluded"]')).toBeNull();
    expect(api.callsTo('POST', '/api/v1/rules/preview')[0]?.body).toEqual({
      teamId: null,
      rules: RULES.map(({ id, name, enabled, conditions, outcome }) => ({
        id,
        name,
        enabled,
        conditions,
        outcome,
      })),
      sampleSize: 8,
    });

    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    expect(
      await screen.findByText(/Rule 1 “New rule” needs a fix before the preview can update/, {}, PAGE_LOAD),
    ).toBeDefined();
    expect(screen.getByText('Give at least one keyword.')).toBeDefined();

    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Vendors' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Title has any of' }), {
      target: { value: 'vendor evaluation' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Then classify as' }), {
      target: { value: 'manager' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind of manager work' }), {
      target: { value: 'external' },
    });

    await waitFor(
      () => expect(screen.getByTestId('preview-summary').textContent).toBe('1 of 20 entries would change.'),
      {
        timeout: 3000,
      },
    );
    expect(cellsOf('manager')).toEqual({ before: '8', after: '9' });
    // The save bar repeats the headline, for editing far from the panel.
    expect(
      screen.getByText(/^1 of your 20 previewed entries change: Manager \+1, Unclassified −1\./),
    ).toBeDefined();
    expect(cellsOf('unclassified')).toEqual({ before: '2', after: '1' });
    const samples = screen.getByRole('heading', { name: 'Entries that change' }).parentElement as HTMLElement;
    expect(within(samples).getByText('Vendor evaluation')).toBeDefined();
    expect(within(samples).getByText('Manager · external')).toBeDefined();
    // The draft goes first, without an id, and the saved rules follow unchanged.
    const last = api.callsTo('POST', '/api/v1/rules/preview').at(-1)?.body as {
      rules: Array<{ id?: string; name: string }>;
    };
    expect(last.rules.map((rule) => rule.id ?? rule.name)).toEqual(['Vendors', 'rule-focus', 'rule-two']);
  });

  it('saves the set (create, then order) and follows the reclassification until it finishes', async () => {
    let saved = RULES;
    let polls = 0;
    const api = stubApi({
      'GET /api/v1/rules': () => ({ body: { items: saved, recompute: null } }),
      'GET /api/v1/rules/recompute': () => {
        polls += 1;
        return { body: { recompute: polls < 2 ? recompute('running', 12) : recompute('succeeded', 40) } };
      },
      'POST /api/v1/rules/preview': preview,
      'POST /api/v1/rules': (call) => {
        const body = call.body as Omit<StoredRule, 'id' | 'position'>;
        const rule: StoredRule = { ...body, id: 'rule-new', position: saved.length, teamId: null };
        saved = [...saved, rule];
        return { status: 201, body: { rule, recompute: recompute('queued', 0) } };
      },
      'PUT /api/v1/rules/order': (call) => {
        const ids = (call.body as { ids: string[] }).ids;
        saved = ids.map((id, position) => ({
          ...(saved.find((rule) => rule.id === id) as StoredRule),
          position,
        }));
        return { body: { rule: null, recompute: recompute('queued', 0) } };
      },
    });
    renderApp('/settings/rules');
    await screen.findByRole('heading', { name: '2 rules, top to bottom' }, PAGE_LOAD);
    polls = 0;

    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Vendors' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Title has any of' }), {
      target: { value: 'vendor evaluation' },
    });
    // Keyboard reorder: Alt+Down moves the new rule below "Focus blocks".
    const newRow = screen.getByRole('button', { name: /Rule 1 of 3: Vendors/ }).closest('li') as HTMLElement;
    fireEvent.keyDown(newRow, { key: 'ArrowDown', altKey: true });
    expect(screen.getByRole('button', { name: /Rule 2 of 3: Vendors/ })).toBeDefined();
    expect(screen.getByText(/^Unsaved changes/, { selector: 'p' }).textContent).toBe(
      'Unsaved changes · 1 new',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Save and reclassify' }));

    await waitFor(() => expect(api.callsTo('PUT', '/api/v1/rules/order')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/v1/rules')[0]?.body).toEqual({
      teamId: null,
      name: 'Vendors',
      enabled: true,
      conditions: { titleKeywords: ['vendor evaluation'] },
      outcome: { category: 'maker', subtype: null },
    });
    expect(api.callsTo('PUT', '/api/v1/rules/order')[0]?.body).toEqual({
      teamId: null,
      ids: ['rule-focus', 'rule-new', 'rule-two'],
    });
    expect(
      await screen.findByText(
        'Saved, and every entry is classified with the new rules',
        {},
        { timeout: 5000 },
      ),
    ).toBeDefined();
    expect(screen.getByText(/The entries of 40 people were reclassified/)).toBeDefined();
    expect(screen.getByRole('heading', { name: '3 rules, top to bottom' })).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Save and reclassify' })).toBeNull();
  });

  it('is read-only, with the reason, for members who are not admins', async () => {
    stubApi(
      {
        'GET /api/v1/rules': () => ({ body: { items: RULES, recompute: null } }),
        'GET /api/v1/rules/recompute': () => ({ body: { recompute: null } }),
        'POST /api/v1/rules/preview': preview,
      },
      { role: 'member' },
    );
    renderApp('/settings/rules');

    expect(
      await screen.findByText('You can read these rules, but not change them', {}, PAGE_LOAD),
    ).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Add rule' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Move / })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: /Rule 1 of 2: Focus blocks/ }, PAGE_LOAD));
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('textbox', { name: 'Title has any of' }) as HTMLInputElement).disabled).toBe(
      true,
    );
  });
});
