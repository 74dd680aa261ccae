import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser } from '../helpers/browser.ts';
import { uniqueEmail } from '../helpers/browser-session.ts';
import { useRunningServer } from '../helpers/web-server.ts';

const PASSWORD = 'correct horse battery staple';

async function settingsSection(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('accounts in Chromium: sign up, a team, an invitation accepted in another browser', () => {
  const server = useRunningServer();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('an admin signs up, creates a team and invites someone, who signs up with the link and sees the team', async () => {
    const adminEmail = uniqueEmail('ada');
    const inviteeEmail = uniqueEmail('grace');

    // ── The admin, in one browser context ──────────────────────────────────────────────────────
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const admin = await adminContext.newPage();
    const adminErrors = collectPageErrors(admin);

    await admin.goto(`${server.baseUrl()}/sign-up`);
    await admin.getByLabel('Your name').fill('Ada Lovelace');
    await admin.getByLabel('Work email').fill(adminEmail);
    await admin.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await admin.getByLabel('Organization name').fill('Analytical Engines');
    await admin.getByRole('button', { name: 'Create account' }).click();
    await admin.waitForURL(/\/week$/);
    await admin.getByRole('button', { name: /Organization: Analytical Engines/ }).waitFor();

    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await admin.waitForURL(/\/settings\/profile$/);
    await settingsSection(admin, 'Teams');
    await admin.getByRole('button', { name: 'New team' }).first().click();
    const dialog = admin.getByRole('dialog', { name: 'New team' });
    await dialog.getByLabel('Team name').fill('Platform');
    await dialog.getByRole('button', { name: 'Create team' }).click();
    await admin
      .getByRole('list', { name: 'Members of Platform' })
      .or(admin.getByText('No members yet'))
      .waitFor();

    await settingsSection(admin, 'Members');
    const invite = admin.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('Email').fill(inviteeEmail);
    await invite.getByLabel('Team').selectOption({ label: 'Platform' });
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    const link = (await admin.getByTestId('invitation-link').textContent())?.trim() ?? '';
    expect(link).toMatch(new RegExp(`^${server.baseUrl()}/invitations/[\\w-]+$`));
    await admin.getByRole('table', { name: 'Pending invitations' }).getByText(inviteeEmail).waitFor();

    // ── The invitee, in a second context (another browser, no session) ─────────────────────────
    const inviteeContext = await browser.newContext({ viewport: { width: 900, height: 1100 } });
    const invitee = await inviteeContext.newPage();
    const inviteeErrors = collectPageErrors(invitee);
    await invitee.goto(link);
    await invitee.getByRole('heading', { level: 1, name: 'Join your team on Tiltmeter' }).waitFor();
    await invitee.getByLabel('Your name').fill('Grace Hopper');
    await invitee.getByLabel('Work email').fill(inviteeEmail);
    await invitee.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await invitee.getByRole('button', { name: 'Create account and join' }).click();

    await invitee.waitForURL(/\/week$/);
    await invitee.getByRole('button', { name: /Organization: Analytical Engines/ }).waitFor();
    // A member: no Org patterns in the navigation.
    await expect(
      invitee
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Org', exact: true })
        .count(),
    ).resolves.toBe(0);

    // The must-show: the invitee sees the team they were invited into, with themselves in it.
    await invitee.goto(`${server.baseUrl()}/settings/teams`);
    const members = invitee.getByRole('list', { name: 'Members of Platform' });
    await members.getByText('Grace Hopper').waitFor();
    await expect(invitee.getByRole('button', { name: 'New team' }).count()).resolves.toBe(0);

    // ── Back in the admin's browser: the invitation is used, and Grace is in the team ──────────
    await settingsSection(admin, 'Teams');
    await admin.getByRole('list', { name: 'Members of Platform' }).getByText('Grace Hopper').waitFor();
    await admin.getByRole('switch', { name: 'Grace Hopper leads Platform' }).click();
    await expect
      .poll(() =>
        admin.getByRole('switch', { name: 'Grace Hopper leads Platform' }).getAttribute('aria-checked'),
      )
      .toBe('true');
    await settingsSection(admin, 'Members');
    await admin.getByRole('table', { name: 'Members' }).getByText(inviteeEmail).waitFor();
    await expect(admin.getByRole('table', { name: 'Pending invitations' }).count()).resolves.toBe(0);

    // ── The invitee signs out from the user menu ────────────────────────────────────────────────
    await invitee.getByRole('button', { name: 'Account menu for Grace Hopper' }).click();
    await invitee.getByRole('menuitem', { name: 'Sign out' }).click();
    await invitee.waitForURL(/\/sign-in$/);
    await invitee.goto(`${server.baseUrl()}/settings/teams`);
    await invitee.waitForURL(/\/sign-in\?redirect=/);

    expect(adminErrors).toEqual([]);
    expect(inviteeErrors).toEqual([]);
    await adminContext.close();
    await inviteeContext.close();
  });
});
