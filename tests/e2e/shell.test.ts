import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser } from '../helpers/browser.ts';
import { signUpThroughApi } from '../helpers/browser-session.ts';
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
    const context = await browser.newContext();
    // The shell is for signed-in members: an admin of a fresh organization.
    await signUpThroughApi(context, server.baseUrl(), {
      name: 'Shell Tester',
      organizationName: 'Shell Org',
    });
    const page = await context.newPage();
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
    await expect(page.getByRole('button', { name: /Organization: Shell Org/ }).count()).resolves.toBe(1);

    // Moving through the app keeps working and client-side routes survive a reload.
    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(/\/settings\/profile$/);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Profile');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('sends a signed-out visitor to sign-in, and back to the page after signing in', async () => {
    const setup = await browser.newContext();
    const user = await signUpThroughApi(setup, server.baseUrl(), { name: 'Returning User' });
    await setup.close();

    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.baseUrl()}/settings/tokens`);
    await page.waitForURL(/\/sign-in\?redirect=%2Fsettings%2Ftokens$/);

    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    await page.waitForURL(/\/settings\/tokens$/);
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
