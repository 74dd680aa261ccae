import type { Entry, ListEntriesResponse } from '@tiltmeter/shared/entries';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser } from '../helpers/browser.ts';
import { sessionApi, signUpThroughApi } from '../helpers/browser-session.ts';
import { useRunningServer } from '../helpers/web-server.ts';

/**
 * Editing and deleting an entry of My week in Chromium against the real server: an entry made through
 * the API is given a new title, day and times in the popover (wall-clock times in the member's zone,
 * Berlin), the API then returns the new instants; deleted from the popover after a confirmation, the
 * API no longer lists it. The page must not log a single error along the way.
 */

const WEEK = '2026-W10'; // Monday 2 March to Sunday 8 March 2026; Berlin is UTC+1 all week.
const WEEK_SPAN = 'from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z';

describe('editing and deleting an entry of My week in Chromium', () => {
  const server = useRunningServer();
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('edits the title and times in the popover, then deletes the entry after confirming', async () => {
    const baseUrl = server.baseUrl();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await signUpThroughApi(context, baseUrl, {
      name: 'Katherine Johnson',
      organizationName: 'Trajectories',
      timeZone: 'Europe/Berlin',
    });
    const api = sessionApi(context, baseUrl);
    const created = await api.post<Entry>('/api/v1/entries', {
      title: 'Review prep',
      start: '2026-03-03T09:00:00Z', // 10:00 in Berlin
      end: '2026-03-03T10:00:00Z',
      timeZone: 'Europe/Berlin',
    });

    page = await context.newPage();
    errors = collectPageErrors(page);
    await page.goto(new URL(`/week?week=${WEEK}`, baseUrl).toString());
    const block = page.locator(`[data-entry-id="${created.id}"]`);
    await block.waitFor();
    expect(await block.getAttribute('aria-label')).toContain('Tuesday 3 Mar 10:00–11:00');

    // Keyboard: Enter opens the popover, Escape closes it and focus is back on the entry.
    await block.focus();
    await page.keyboard.press('Enter');
    const popover = page.getByRole('dialog', { name: 'Review prep', exact: true });
    await popover.waitFor();
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached' });
    await page.waitForFunction(
      (id) => (document.activeElement as HTMLElement | null)?.dataset.entryId === id,
      created.id,
    );

    // Edit: the form holds Berlin wall-clock times; a wrong end is refused before anything is sent.
    await block.click();
    await popover.getByRole('button', { name: 'Edit title and time' }).click();
    const form = popover.getByRole('form', { name: 'Edit entry' });
    expect(await form.getByLabel('Start').inputValue()).toBe('10:00');
    expect(await form.getByLabel('End').inputValue()).toBe('11:00');
    await form.getByLabel('Title').fill('Design review');
    await form.getByLabel('Day').fill('2026-03-04');
    await form.getByLabel('Start').fill('13:00');
    await form.getByLabel('End').fill('12:00');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByText('The end must be after the start.').waitFor();
    expect(await form.getByLabel('End').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('End').fill('14:30');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await popover.waitFor({ state: 'detached' });
    await page.getByText('Saved “Design review”: Wed 4 Mar, 13:00–14:30.', { exact: false }).waitFor();

    // The API has the new title and instants (13:00 and 14:30 in Berlin are 12:00 and 13:30 UTC).
    const after = await api.get<ListEntriesResponse>(`/api/v1/entries?${WEEK_SPAN}`);
    const edited = after.items.find((entry) => entry.id === created.id);
    expect(edited).toMatchObject({ title: 'Design review', timeZone: 'Europe/Berlin' });
    expect(Date.parse(edited?.start ?? '')).toBe(Date.parse('2026-03-04T12:00:00Z'));
    expect(Date.parse(edited?.end ?? '')).toBe(Date.parse('2026-03-04T13:30:00Z'));
    // The calendar draws it on Wednesday, and focus followed it there.
    await page
      .locator(`[data-entry-id="${created.id}"][aria-label*="Wednesday 4 Mar 13:00–14:30"]`)
      .waitFor();
    await page.waitForFunction(
      (id) => (document.activeElement as HTMLElement | null)?.dataset.entryId === id,
      created.id,
    );

    // Delete: the confirmation says what happens; Cancel keeps the entry, Delete removes it.
    await block.click();
    const moved = page.getByRole('dialog', { name: 'Design review', exact: true });
    await moved.getByRole('button', { name: 'Delete entry' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Design review”?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('This cannot be undone.');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect((await api.get<ListEntriesResponse>(`/api/v1/entries?${WEEK_SPAN}`)).items).toHaveLength(1);

    await moved.getByRole('button', { name: 'Delete entry' }).click();
    await confirm.getByRole('button', { name: 'Delete entry' }).click();
    await moved.waitFor({ state: 'detached' });
    await block.waitFor({ state: 'detached' });
    await page.getByText('Deleted “Design review”.', { exact: false }).waitFor();
    const remaining = await api.get<ListEntriesResponse>(`/api/v1/entries?${WEEK_SPAN}`);
    expect(remaining.items.map((entry) => entry.id)).not.toContain(created.id);

    expect(errors).toEqual([]);
  });
});
