import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser } from '../helpers/browser.ts';
import { useRunningServer } from '../helpers/web-server.ts';

describe('the dashboard shell in Chromium', () => {
  const server = useRunningServer();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads at /, lands on My week, shows the navigation and a healthy database', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.baseUrl());

    await page.waitForURL(/\/week$/);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    for (const label of ['My week', 'My trend', 'Team', 'Org', 'Settings']) {
      await expect(nav.getByRole('link', { name: label, exact: true }).count()).resolves.toBe(1);
    }
    await expect(nav.getByRole('link', { name: 'My week' }).getAttribute('aria-current')).resolves.toBe(
      'page',
    );
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('My week');
    await page.getByRole('status').filter({ hasText: 'All systems normal' }).waitFor();

    // Moving through the app keeps working and client-side routes survive a reload.
    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(/\/settings$/);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Settings');

    expect(errors).toEqual([]);
    await page.close();
  });
});
