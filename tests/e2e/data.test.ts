import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InboxResponse } from '@tiltmeter/shared/entries';
import type { ImportBatch } from '@tiltmeter/shared/imports';
import type { ListRulesResponse, PreviewRulesResponse } from '@tiltmeter/shared/rules';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser } from '../helpers/browser.ts';
import { sessionApi, signUpThroughApi } from '../helpers/browser-session.ts';
import { useRunningServer } from '../helpers/web-server.ts';

/**
 * The data pages in Chromium against the real server: a member uploads a calendar through the
 * imports page, sorts an entry out of the inbox, then adds a rule, watches the live preview move, saves
 * it and waits for the reclassification. Every number the pages print is compared with the API's.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const icsStamp = (d: Date) =>
  `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00Z`;

interface Calendar {
  text: string;
  /** VEVENTs that become entries. */
  valid: number;
  /** Unclassified by the default rules (solo blocks shown as tentative). */
  holds: number;
  musings: number;
  /** Cancelled, plus one without a start. */
  skipped: number;
}

/**
 * Two weeks of weekdays, all in the past and inside the preview's default four-week window: focus
 * blocks and standups the default rules classify, and tentative solo blocks ("Hold for Acme",
 * "Architecture musings") that no rule matches, so they land in the inbox.
 */
function buildCalendar(now = new Date()): Calendar {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Tiltmeter e2e//EN', 'X-WR-CALNAME:Work'];
  const stamp = icsStamp(now);
  let uid = 0;
  let valid = 0;
  let holds = 0;
  let musings = 0;
  const event = (start: Date, minutes: number, summary: string, extra: string[] = []) => {
    const end = new Date(start.getTime() + minutes * 60_000);
    lines.push(
      'BEGIN:VEVENT',
      `UID:e2e-${++uid}@tiltmeter.test`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsStamp(start)}`,
      `DTEND:${icsStamp(end)}`,
      `SUMMARY:${summary}`,
      ...extra,
      'END:VEVENT',
    );
  };
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  for (let daysAgo = 1; daysAgo <= 14; daysAgo++) {
    const day = new Date(today - daysAgo * 86_400_000);
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
    const at = (hour: number) => new Date(day.getTime() + hour * 3_600_000);
    event(at(9), 120, 'Focus: API design');
    event(at(11), 15, 'Team standup', [
      'ORGANIZER:mailto:lead@example.test',
      ...[1, 2, 3, 4].map((i) => `ATTENDEE;PARTSTAT=ACCEPTED:mailto:p${i}@example.test`),
    ]);
    valid += 2;
    if (day.getUTCDay() === 5) {
      event(at(14), 90, 'Hold for Acme', ['X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE']);
      valid += 1;
      holds += 1;
    }
    if (day.getUTCDay() === 1 && musings === 0) {
      event(at(16), 45, 'Architecture musings', ['X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE']);
      valid += 1;
      musings += 1;
    }
  }
  event(new Date(today - 2 * 86_400_000 + 15 * 3_600_000), 30, 'Cancelled sync', ['STATUS:CANCELLED']);
  lines.push(
    'BEGIN:VEVENT',
    'UID:e2e-no-start@tiltmeter.test',
    'SUMMARY:No start',
    'END:VEVENT',
    'END:VCALENDAR',
  );
  return { text: `${lines.join('\r\n')}\r\n`, valid, holds, musings, skipped: 2 };
}

describe('imports, inbox and rules in Chromium', () => {
  const server = useRunningServer();
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let folder: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    folder = await mkdtemp(path.join(tmpdir(), 'tiltmeter-e2e-data-'));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('uploads a calendar, classifies from the inbox, and saves a rule after previewing it', async () => {
    const baseUrl = server.baseUrl();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await signUpThroughApi(context, baseUrl, { name: 'Grace Hopper', organizationName: 'Compilers Inc' });
    const api = sessionApi(context, baseUrl);
    page = await context.newPage();
    errors = collectPageErrors(page);
    const calendar = buildCalendar();
    const file = path.join(folder, 'work.ics');
    await writeFile(file, calendar.text);

    // 1. Upload through the page.
    await page.goto(new URL('/settings/imports', baseUrl).toString());
    await page.getByRole('heading', { level: 1, name: 'Imports and exports' }).waitFor();
    await page.getByText('No imports yet.', { exact: false }).waitFor();
    await page.setInputFiles('input[type="file"]', file);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Imported work.ics into “Work”' }).waitFor();

    const shown = async (stat: string) => Number(await page.locator(`[data-stat="${stat}"]`).textContent());
    const counts = {
      created: await shown('created'),
      updated: await shown('updated'),
      removed: await shown('removed'),
      skipped: await shown('skipped'),
    };
    expect(counts).toEqual({ created: calendar.valid, updated: 0, removed: 0, skipped: calendar.skipped });
    const history = await api.get<{ items: ImportBatch[] }>('/api/v1/imports');
    expect(history.items).toHaveLength(1);
    const [batch] = history.items;
    expect({
      created: batch?.created,
      updated: batch?.updated,
      removed: batch?.removed,
      skipped: batch?.skipped,
    }).toEqual(counts);
    // The skipped events, with the line of the one that has no start.
    await page.getByText('Why 2 events were skipped').click();
    await page.getByText('it has no DTSTART', { exact: false }).waitFor();
    // The history table lists the import too.
    await page
      .getByRole('table', { name: 'Import history' })
      .getByText(`${calendar.valid} created · 2 skipped`)
      .waitFor();

    // 2. The inbox: the unclassified entries, with the count in the navigation.
    const inbox = await api.get<InboxResponse>('/api/v1/inbox');
    expect(inbox.total).toBe(calendar.holds + calendar.musings);
    const nav = page.getByRole('navigation', { name: 'Main' });
    // The badge's number is read out as "Inbox (3 unclassified)".
    await nav.getByRole('link', { name: `Inbox (${inbox.total} unclassified)` }).click();
    await page.waitForURL(/\/inbox$/);
    await page.getByRole('heading', { name: `${inbox.total} unclassified entries` }).waitFor();
    expect(await page.getByRole('table').getByRole('row').count()).toBe(inbox.total + 1);

    await page.getByRole('checkbox', { name: /^Select Architecture musings/ }).check();
    const toolbar = page.getByRole('toolbar', { name: 'Classify selected entries' });
    await toolbar.getByText('1 selected').waitFor();
    await toolbar.getByRole('combobox', { name: 'Classify selected as' }).selectOption('maker');
    await toolbar.getByRole('button', { name: 'Classify 1' }).click();
    await page.getByText('Classified 1 entry as Maker').waitFor();
    await page.getByRole('heading', { name: `${calendar.holds} unclassified entries` }).waitFor();
    expect((await api.get<InboxResponse>('/api/v1/inbox')).total).toBe(calendar.holds);
    await nav.getByRole('link', { name: `Inbox (${calendar.holds} unclassified)` }).waitFor();

    // 3. Rules: add one, watch the preview, save, wait for the reclassification.
    await page.goto(new URL('/settings/rules', baseUrl).toString());
    const saved = await api.get<ListRulesResponse>('/api/v1/rules');
    await page.getByRole('heading', { name: `${saved.items.length} rules, top to bottom` }).waitFor();
    const summary = page.getByTestId('preview-summary');
    const entries = calendar.valid;
    await expect.poll(() => summary.textContent()).toBe(`0 of ${entries} entries would change.`);

    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Holds');
    await page.getByRole('textbox', { name: 'Title has any of' }).fill('hold');
    await page.getByRole('combobox', { name: 'Then classify as' }).selectOption('neutral');
    await expect
      .poll(() => summary.textContent(), { timeout: 10_000 })
      .toBe(`${calendar.holds} of ${entries} entries would change.`);

    // The same draft, asked of the API directly.
    const draft = {
      name: 'Holds',
      enabled: true,
      conditions: { titleKeywords: ['hold'] },
      outcome: { category: 'neutral', subtype: null },
    };
    const preview = await api.post<PreviewRulesResponse>('/api/v1/rules/preview', {
      teamId: null,
      rules: [
        draft,
        ...saved.items.map(({ id, name, enabled, conditions, outcome }) => ({
          id,
          name,
          enabled,
          conditions,
          outcome,
        })),
      ],
      sampleSize: 8,
    });
    expect(preview.changed).toBe(calendar.holds);
    for (const category of ['maker', 'manager', 'neutral', 'unclassified'] as const) {
      const row = page.locator(`tr[data-category="${category}"]`);
      if (preview.before[category].entries === 0 && preview.after[category].entries === 0) {
        expect(await row.count()).toBe(0);
        continue;
      }
      expect(Number(await row.locator('[data-cell="before"]').textContent())).toBe(
        preview.before[category].entries,
      );
      expect(Number(await row.locator('[data-cell="after"]').textContent())).toBe(
        preview.after[category].entries,
      );
    }
    expect(preview.after.unclassified.entries).toBe(0);

    await page.getByRole('button', { name: 'Save and reclassify' }).click();
    await page
      .getByText('Saved, and every entry is classified with the new rules')
      .waitFor({ timeout: 30_000 });
    const after = await api.get<ListRulesResponse>('/api/v1/rules');
    expect(after.items.map((rule) => rule.name)[0]).toBe('Holds');
    expect(after.items).toHaveLength(saved.items.length + 1);
    expect(after.recompute?.status).toBe('succeeded');
    expect((await api.get<InboxResponse>('/api/v1/inbox')).total).toBe(0);
    // The navigation badge goes once the inbox is empty.
    await nav.getByRole('link', { name: 'Inbox', exact: true }).waitFor();

    expect(errors).toEqual([]);
  });
});
