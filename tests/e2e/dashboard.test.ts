import path from 'node:path';
import type {
  OrgMetricsResponse,
  TeamMetricsResponse,
  WeekDetailResponse,
  WeekSeriesResponse,
} from '@tiltmeter/shared/metrics-api';
import type { ListTeamsResponse } from '@tiltmeter/shared/teams';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.ts';
import { REPO_ROOT } from '../../server/src/config.ts';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../../server/src/demo/demo-org.ts';
import { seedDemo } from '../../server/src/demo/seed-demo.ts';
import { addIsoWeeks, currentIsoWeek } from '../../web/src/lib/iso-week.ts';
import { collectPageErrors, launchBrowser } from '../helpers/browser.ts';
import { sessionApi, signInThroughApi } from '../helpers/browser-session.ts';
import { buildTestApp } from '../helpers/test-app.ts';
import { createTestDatabase, dropTestDatabase } from '../helpers/test-database.ts';
import { buildWebApp } from '../helpers/web-server.ts';

/**
 * The four dashboard pages in Chromium on the demo organization, signed in as its demo user (Dana).
 * The demo is seeded once for the file into a database of the file's own (useRunningServer's database
 * is emptied before every test, and seeding 30 weeks of 25 calendars takes a while), and every check
 * compares what the page prints with what the API answers for the same question.
 */

const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)} %`);

describe('dashboard pages on the demo organization', () => {
  let database: { name: string; url: string };
  let app: App;
  let baseUrl = '';
  let browser: Browser;
  let context: BrowserContext;
  let api: ReturnType<typeof sessionApi>;

  beforeAll(async () => {
    database = await createTestDatabase();
    buildWebApp();
    app = await buildTestApp(database.url, { webDistDir: path.join(REPO_ROOT, 'web', 'dist') });
    await seedDemo({ db: app.db, sql: app.sql });
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await signInThroughApi(context, baseUrl, { email: DEMO_EMAIL, password: DEMO_PASSWORD });
    api = sessionApi(context, baseUrl);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    if (database) await dropTestDatabase(database.name);
  });

  /** Opens a page and waits for its data; returns the page and how long it took to show it. */
  async function open(pathname: string, ready: (page: Page) => Promise<unknown>) {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const started = Date.now();
    await page.goto(new URL(pathname, baseUrl).toString());
    await ready(page);
    return { page, errors, elapsed: Date.now() - started };
  }

  it('My week prints the API’s numbers, explains entries on hover, steps weeks by keyboard and reclassifies in place', async () => {
    const series = await api.get<WeekSeriesResponse>('/api/v1/me/weeks');
    const week = series.to;
    const item = series.items.at(-1);
    const { page, errors, elapsed } = await open('/week', (p) => p.getByTestId('week-maker-share').waitFor());
    expect(elapsed).toBeLessThan(5_000);

    expect(await page.getByTestId('week-maker-share').textContent()).toBe(pct(item?.makerShare ?? null));
    expect(await page.getByTestId('week-deep-blocks').textContent()).toBe(String(item?.deepBlocks));

    // The costliest meeting of the side panel is the API's: recurring series and one-off meetings alike.
    const detail = await api.get<WeekDetailResponse>(`/api/v1/me/weeks/${week}`);
    const titles = new Map(detail.entries.map((entry) => [entry.id, entry.title]));
    const candidates = [
      ...detail.series.map((s) => ({ title: s.title, cost: s.focusCostMinutes })),
      ...detail.days.flatMap((day) =>
        day.facts.meetings
          .filter((m) => m.seriesId === null)
          .map((m) => ({ title: titles.get(m.entryId) ?? null, cost: m.focusCostMinutes })),
      ),
    ].sort((a, b) => b.cost - a.cost);
    const top = candidates[0];
    if (top && top.cost > 0) {
      const first = page.getByTestId('week-costly-meetings').getByRole('listitem').first();
      expect(await first.textContent()).toContain(top.title ?? '');
    }

    // Every entry of the week is drawn, and hovering one shows its reason.
    expect(await page.locator('[data-entry-id]').count()).toBeGreaterThanOrEqual(detail.entries.length);
    const manager = detail.entries.find((entry) => entry.category === 'manager' && entry.seriesId === null);
    expect(manager).toBeDefined();
    const block = page.locator(`[data-entry-id="${manager?.id}"]`).first();
    await block.hover();
    await expect(
      page
        .getByRole('tooltip')
        .filter({ hasText: manager?.reason ?? '' })
        .isVisible(),
    ).resolves.toBe(true);

    // Reclassify that meeting as maker time: the share moves to what the API now says, then back.
    await block.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /^Maker/ }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const after = (await api.get<WeekSeriesResponse>(`/api/v1/me/weeks?from=${week}&to=${week}`)).items[0];
    expect(after?.makerMinutes).toBeGreaterThan(item?.makerMinutes ?? 0);
    await page
      .getByTestId('week-maker-share')
      .filter({ hasText: pct(after?.makerShare ?? null) })
      .waitFor();
    await block.click();
    await dialog.getByRole('button', { name: 'Return to rules' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByTestId('week-maker-share')
      .filter({ hasText: pct(item?.makerShare ?? null) })
      .waitFor();

    // "[" is the previous week, from the keyboard; its share is the API's for that week.
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('[');
    const previous = addIsoWeeks(week, -1);
    await page.waitForURL(new RegExp(`week=${previous}`));
    const previousItem = series.items.at(-2);
    await page
      .getByTestId('week-maker-share')
      .filter({ hasText: pct(previousItem?.makerShare ?? null) })
      .waitFor();
    expect(previousItem?.week).toBe(previous);

    expect(errors).toEqual([]);
    await page.close();
  });

  it('My trend shows the latest share, the burnout band and one table row per week', async () => {
    const series = await api.get<WeekSeriesResponse>('/api/v1/me/weeks');
    const { page, errors, elapsed } = await open('/trend', (p) =>
      p.getByTestId('trend-chart').locator('svg').first().waitFor(),
    );
    expect(elapsed).toBeLessThan(5_000);

    const latest = [...series.items].reverse().find((item) => item.makerShare !== null);
    expect(await page.getByTestId('trend-latest-share').textContent()).toBe(pct(latest?.makerShare ?? null));
    expect(await page.getByTestId('trend-streak').textContent()).toBe(`${latest?.belowTargetStreak} weeks`);
    // Dana's streak has passed the burnout threshold: the band is drawn and the headline says so.
    expect(latest?.belowTargetStreak).toBeGreaterThanOrEqual(series.thresholds.values.burnoutWeeks);
    expect(await page.locator('.band-burnout').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('trend-headline').textContent()).toContain('burnout pattern');
    expect(await page.locator('[data-testid="signal-mark-critical"]').count()).toBeGreaterThan(0);

    await page.getByRole('radio', { name: 'Table' }).first().check({ force: true });
    const rows = page
      .getByRole('table', { name: /Maker share, deep blocks and signals by week/ })
      .last()
      .locator('tbody tr');
    expect(await rows.count()).toBe(series.items.length);

    expect(errors).toEqual([]);
    await page.close();
  });

  it('Team retro compares sprints with the API’s aggregates and shows a small team as suppressed', async () => {
    const teams = await api.get<ListTeamsResponse>('/api/v1/teams');
    const product = teams.items.find((team) => team.name === 'Product Engineering');
    const leadership = teams.items.find((team) => team.name === 'Leadership');
    const end = currentIsoWeek('UTC');
    const from = addIsoWeeks(end, -1);
    const metrics = await api.get<TeamMetricsResponse>(
      `/api/v1/teams/${product?.id}/metrics?from=${from}&to=${end}`,
    );
    const { page, errors, elapsed } = await open('/team', (p) =>
      p.getByTestId('team-distribution').waitFor(),
    );
    expect(elapsed).toBeLessThan(5_000);

    expect(metrics.summary.suppressed).toBe(false);
    if (!metrics.summary.suppressed) {
      expect(await page.getByTestId('tile-median-share').textContent()).toBe(
        pct(metrics.summary.medianMakerShare),
      );
    }
    expect(await page.getByTestId('team-meetings').getByRole('listitem').first().textContent()).toContain(
      metrics.series[0]?.title ?? '',
    );
    expect(await page.getByTestId('team-individuals').getByRole('listitem').count()).toBe(
      metrics.individuals.shown.length,
    );

    await page.getByLabel('Team', { exact: true }).selectOption(leadership?.id ?? '');
    const small = await api.get<TeamMetricsResponse>(
      `/api/v1/teams/${leadership?.id}/metrics?from=${from}&to=${end}`,
    );
    expect(small.summary.suppressed).toBe(true);
    const notice = page.getByTestId('suppressed-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('suppressed');
    if (small.summary.suppressed) expect(await notice.textContent()).toContain(small.summary.reason);
    expect(await page.getByTestId('tile-median-share').textContent()).toBe('Suppressed');

    expect(errors).toEqual([]);
    await page.close();
  });

  it('Org patterns draws every team’s weeks, says why suppressed cells are empty and names the burnout team', async () => {
    const to = currentIsoWeek('UTC');
    const org = await api.get<OrgMetricsResponse>(
      `/api/v1/org/metrics?from=${addIsoWeeks(to, -25)}&to=${to}`,
    );
    const { page, errors, elapsed } = await open('/org', (p) => p.getByTestId('org-heatmap').waitFor());
    expect(elapsed).toBeLessThan(5_000);

    const grid = page.getByTestId('org-heatmap');
    expect(await grid.locator('[role="gridcell"]').count()).toBe(org.teams.length * 26);
    const leadership = org.teams.find((team) => team.name === 'Leadership');
    const cell = leadership?.weeks.at(-1);
    expect(cell?.suppressed).toBe(true);
    const suppressed = grid.locator(`[data-team="Leadership"][data-week="${to}"]`);
    expect(await suppressed.getAttribute('aria-label')).toContain('suppressed');
    if (cell?.suppressed) expect(await suppressed.getAttribute('aria-label')).toContain(cell.reason);

    const platform = org.teams.find((team) => team.name === 'Platform');
    const shown = platform?.weeks.findLast((week) => !week.suppressed && week.medianMakerShare !== null);
    if (shown && !shown.suppressed && shown.medianMakerShare !== null) {
      expect(await grid.locator(`[data-team="Platform"][data-week="${shown.week}"]`).textContent()).toBe(
        String(Math.round(shown.medianMakerShare * 100)),
      );
    }
    expect(org.burnoutTeams.map((team) => team.name)).toContain('Product Engineering');
    expect(await page.getByTestId('burnout-teams').textContent()).toContain(
      'Product Engineering: burnout pattern',
    );

    // Keyboard: the grid is one tab stop; arrow keys read the cells out under it.
    await grid.locator('[tabindex="0"]').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#heatmap-detail').textContent()).toContain('Leadership');

    expect(errors).toEqual([]);
    await page.close();
  });
});
