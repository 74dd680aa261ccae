/**
 * Page load: how long each dashboard page takes to become interactive on a cold load (a new browser
 * context, so nothing cached: every script, stylesheet and API answer is fetched again), and how much
 * JavaScript that load fetched. The requirement: every page interactive within 1.5 s on the demo
 * organization served locally, and the initial JavaScript under 300 KB gzip, split by route.
 *
 * "Interactive" is measured in the page, from navigation start (performance.timeOrigin):
 *   1. data: the page's heading is there, its own data-dependent elements are rendered (a selector
 *      per page that only matches once the data arrived) and no skeleton or spinner is left in <main>
 *      (outside a side panel the page names as `secondary`);
 *   2. interactive: the later of (1) and the end of the last long task (> 50 ms on the main thread,
 *      PerformanceObserver "longtask"), once the main thread has then been quiet for QUIET_MS: the
 *      Time-to-Interactive idea with a short quiet window.
 *
 * The server is expected to be warm (a running install): one untimed pass over the pages comes first.
 */
import { gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, chromium, type Page, type Response } from 'playwright-core';
import { median, round } from '../lib/stats.ts';

/** The budget of the requirement. */
export const INTERACTIVE_BUDGET_MS = 1_500;
export const INITIAL_JS_BUDGET_BYTES = 300 * 1024;

/** How long the main thread must stay free of long tasks after the data showed. */
const QUIET_MS = 500;
/** A load that is not interactive by then failed. */
const LOAD_TIMEOUT_MS = 30_000;

interface PageSpec {
  name: string;
  path: string;
  /** The page's <h1> (so an error page or a redirect never counts as loaded). */
  title: string;
  /** CSS selectors that all match only once the page's own data is rendered. */
  ready: string[];
  /**
   * A region whose loading state does not hold the page up: a side panel that computes something from
   * the page's data (the rules editor's live preview), usable around while it works.
   */
  secondary?: string;
}

/** The dashboard's pages (web/src/app/router.tsx) as the demo user (an admin) sees them. */
export const PAGES: readonly PageSpec[] = [
  {
    name: 'My week',
    path: '/week',
    title: 'My week',
    ready: ['section[aria-label^="Calendar of week"]', '[data-testid="week-maker-share"]'],
  },
  {
    name: 'My trend',
    path: '/trend',
    title: 'My trend',
    ready: ['[data-testid="trend-headline"]', '[data-testid="trend-chart"] svg.recharts-surface'],
  },
  {
    name: 'Inbox',
    path: '/inbox',
    title: 'Inbox',
    ready: ['section[aria-labelledby="inbox-heading"], section[aria-label="Inbox zero"]'],
  },
  { name: 'Team retro', path: '/team', title: 'Team retro', ready: ['[data-testid="retro-tiles"]'] },
  { name: 'Org patterns', path: '/org', title: 'Org patterns', ready: ['[data-testid="org-heatmap"]'] },
  {
    name: 'Settings: profile',
    path: '/settings/profile',
    title: 'Profile',
    ready: ['form[aria-label="Profile"]', 'form[aria-label="Working hours"]'],
  },
  {
    name: 'Settings: API tokens',
    path: '/settings/tokens',
    title: 'API tokens',
    ready: ['form[aria-label="Create a token"]'],
  },
  { name: 'Settings: members', path: '/settings/members', title: 'Members', ready: ['table tbody tr'] },
  { name: 'Settings: teams', path: '/settings/teams', title: 'Teams', ready: ['ul[aria-label="Teams"] li'] },
  {
    name: 'Settings: organization',
    path: '/settings/organization',
    title: 'Organization',
    ready: ['form[aria-label="Organization settings"]'],
  },
  { name: 'Settings: audit log', path: '/settings/audit', title: 'Audit log', ready: ['table tbody tr'] },
  {
    name: 'Settings: imports',
    path: '/settings/imports',
    title: 'Imports and exports',
    ready: ['section[aria-labelledby="export-feed-title"]'],
  },
  {
    name: 'Settings: rules',
    path: '/settings/rules',
    title: 'Classification rules',
    ready: ['ol[aria-label="Rules in evaluation order"]'],
    // The live preview classifies the member's last 28 days by the drafted rules (POST
    // /api/v1/rules/preview) once the rules are there; the editor is usable meanwhile.
    secondary: '#rule-preview',
  },
  {
    name: 'Settings: thresholds',
    path: '/settings/thresholds',
    title: 'Thresholds',
    ready: ['tr[data-threshold]', 'form'],
  },
];

/**
 * Chromium as tests/helpers/browser.ts launches it (Debian's Chromium, no background networking),
 * plus one thing a cold load in a benchmark must not pay for: every new context is a new browser
 * window, and Chromium builds its address-bar popup for each (a WebUI page: about 1.5 s of CPU in a
 * renderer of its own, on a two-core machine half of it during the page's load). A user's browser has
 * its window already. `--disable-features` replaces Playwright's own list, so that list is repeated.
 */
function launchChromium(): Promise<Browser> {
  const playwrightDisabled = [
    'AvoidUnnecessaryBeforeUnloadCheckSync',
    'DestroyProfileOnBrowserClose',
    'HttpsUpgrades',
    'HttpsFirstBalancedModeAutoEnable',
    'LensOverlay',
    'MediaRouter',
    'PaintHolding',
    'ThirdPartyStoragePartitioning',
    'AvoidCorsURLLoaderRestartOnRedirect',
    'OptimizationHints',
    'NetworkTimeServiceQuerying',
    'AimEnabled',
    'PreconnectToSearch',
  ];
  const omniboxPopup = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup'];
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-features=${[...playwrightDisabled, ...omniboxPopup].join(',')}`,
    ],
  });
}

/** Still loading: skeletons, spinners, or a view showing the previous answer while it refetches. */
const BUSY = 'main [class*="animate-pulse"], main [class*="animate-spin"], main [aria-busy="true"]';

export interface WaterfallRow {
  /** Path of the request (the document, a chunk, an API call). */
  url: string;
  kind: string;
  startMs: number;
  endMs: number;
}

export interface PageTiming {
  name: string;
  path: string;
  runs: number;
  /** Navigation start to the page's data on screen (ms). */
  dataP50Ms: number;
  dataMaxMs: number;
  /** Navigation start to interactive: data on screen and no long task left (ms). */
  interactiveP50Ms: number;
  interactiveMaxMs: number;
  /** Main-thread time in long tasks before interactive (ms, median). */
  longTasksP50Ms: number;
  /** JavaScript the cold load fetched before interactive: files, bytes as served, bytes gzipped. */
  jsFiles: number;
  jsBytes: number;
  jsGzipBytes: number;
  /** interactiveMaxMs <= 1,500 and jsGzipBytes <= 300 KB. */
  withinBudget: boolean;
  /** The requests of the slowest run, in start order (for finding waterfalls). */
  slowestWaterfall: WaterfallRow[];
  /** Console errors and uncaught exceptions of any load, once each (a broken page times nothing). */
  consoleErrors: string[];
}

interface LoadSample {
  dataMs: number;
  interactiveMs: number;
  longTaskMs: number;
  jsFiles: number;
  jsBytes: number;
  jsGzipBytes: number;
  waterfall: WaterfallRow[];
  consoleErrors: string[];
}

/** Installed in every document before its own scripts: watches for the page's data and long tasks. */
function probeScript(spec: PageSpec): string {
  const config = JSON.stringify({
    title: spec.title,
    ready: spec.ready,
    busy: BUSY,
    secondary: spec.secondary ?? null,
    quietMs: QUIET_MS,
  });
  return `(() => {
  if (window.top !== window) return;
  const config = ${config};
  const state = { readyAt: null, interactiveAt: null, longTasks: [] };
  window.__pageBench = state;
  const record = (entries) => {
    for (const entry of entries) state.longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  };
  let longTaskObserver = null;
  try {
    longTaskObserver = new PerformanceObserver((list) => record(list.getEntries()));
    longTaskObserver.observe({ type: 'longtask', buffered: true });
  } catch {
    longTaskObserver = null;
  }
  const isReady = () => {
    const heading = document.querySelector('main h1');
    if (!heading || heading.textContent.trim() !== config.title) return false;
    const busy = [...document.querySelectorAll(config.busy)];
    if (busy.some((element) => !config.secondary || !element.closest(config.secondary))) return false;
    return config.ready.every((selector) => document.querySelector(selector) !== null);
  };
  const settle = () => {
    if (longTaskObserver) record(longTaskObserver.takeRecords());
    const lastLongTask = state.longTasks.reduce((latest, task) => Math.max(latest, task.end), 0);
    const since = Math.max(state.readyAt, lastLongTask);
    if (performance.now() - since >= config.quietMs) {
      state.interactiveAt = since;
      return;
    }
    const idle = window.requestIdleCallback || ((callback) => setTimeout(callback, 1));
    setTimeout(() => idle(settle), 25);
  };
  const mutations = new MutationObserver(() => {
    if (state.readyAt !== null || !isReady()) return;
    state.readyAt = performance.now();
    mutations.disconnect();
    settle();
  });
  mutations.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;
}

interface ProbeResult {
  readyAt: number;
  interactiveAt: number;
  longTasks: { start: number; end: number }[];
  timeOrigin: number;
  waterfall: WaterfallRow[];
  heading: string | null;
}

const READ_PROBE = `(() => {
  const state = window.__pageBench;
  const entries = [
    ...performance.getEntriesByType('navigation'),
    ...performance.getEntriesByType('resource'),
  ];
  return {
    readyAt: state.readyAt,
    interactiveAt: state.interactiveAt,
    longTasks: state.longTasks,
    timeOrigin: performance.timeOrigin,
    heading: document.querySelector('main h1')?.textContent ?? null,
    waterfall: entries.map((entry) => {
      const url = new URL(entry.name);
      return {
        url: url.pathname + url.search,
        kind: entry.entryType === 'navigation' ? 'document' : entry.initiatorType,
        startMs: Math.round(entry.startTime),
        endMs: Math.round(entry.responseEnd),
      };
    }),
  };
})()`;

const IS_INTERACTIVE = `Boolean(window.__pageBench && window.__pageBench.interactiveAt !== null)`;
const HEADING_NOW = `document.querySelector('main h1')?.textContent ?? document.title`;

async function coldLoad(
  browser: Browser,
  storageState: Awaited<ReturnType<BrowserContext['storageState']>>,
  baseUrl: string,
  spec: PageSpec,
): Promise<LoadSample> {
  const context = await browser.newContext({ storageState, viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript({ content: probeScript(spec) });
    const page: Page = await context.newPage();
    const scripts: Response[] = [];
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`page: ${error.message}`));
    let settled = false;
    page.on('response', (response) => {
      if (!settled && response.request().resourceType() === 'script') scripts.push(response);
    });
    await page.goto(new URL(spec.path, baseUrl).toString(), { waitUntil: 'commit' });
    // Polled with evaluate (a CDP call): waitForFunction's string predicates are refused by the CSP.
    const deadline = Date.now() + LOAD_TIMEOUT_MS;
    while (!(await page.evaluate(IS_INTERACTIVE))) {
      if (Date.now() > deadline) {
        const heading = await page.evaluate(HEADING_NOW).catch(() => null);
        throw new Error(
          `${spec.name} (${spec.path}) was not interactive within ${LOAD_TIMEOUT_MS} ms (heading: ${JSON.stringify(heading)})`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    settled = true;
    const probe = (await page.evaluate(READ_PROBE)) as ProbeResult;
    const bodies = await Promise.all(scripts.map((response) => response.body()));
    const longTaskMs = probe.longTasks
      .filter((task) => task.start < probe.interactiveAt)
      .reduce((sum, task) => sum + (task.end - task.start), 0);
    return {
      dataMs: probe.readyAt,
      interactiveMs: probe.interactiveAt,
      longTaskMs,
      jsFiles: bodies.length,
      jsBytes: bodies.reduce((sum, body) => sum + body.length, 0),
      jsGzipBytes: bodies.reduce((sum, body) => sum + gzipSync(body).length, 0),
      waterfall: probe.waterfall
        .filter((row) => row.startMs <= probe.interactiveAt)
        .sort((a, b) => a.startMs - b.startMs),
      consoleErrors,
    };
  } finally {
    await context.close();
  }
}

/**
 * Signs in once (the session cookie is then copied into every cold context), makes one untimed pass
 * over the pages, then `runs` cold loads of each page. Results in the order of PAGES.
 */
export async function benchPages(options: {
  baseUrl: string;
  email: string;
  password: string;
  runs: number;
}): Promise<PageTiming[]> {
  const { baseUrl, email, password, runs } = options;
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error('benchPages: runs must be a whole number of at least 1');
  const browser = await launchChromium();
  try {
    const signIn = await browser.newContext();
    const response = await signIn.request.post(new URL('/api/auth/sign-in/email', baseUrl).toString(), {
      headers: { origin: new URL(baseUrl).origin },
      data: { email, password },
    });
    if (!response.ok())
      throw new Error(`Signing in ${email} failed: ${response.status()} ${await response.text()}`);
    const storageState = await signIn.storageState();
    await signIn.close();

    // Warm the server (JIT, connection pool, query plans): a running install is warm.
    for (const spec of PAGES) await coldLoad(browser, storageState, baseUrl, spec);

    const samples = new Map<string, LoadSample[]>(PAGES.map((spec) => [spec.path, []]));
    for (let run = 0; run < runs; run++) {
      for (const spec of PAGES) {
        samples.get(spec.path)?.push(await coldLoad(browser, storageState, baseUrl, spec));
      }
    }

    return PAGES.map((spec): PageTiming => {
      const loads = samples.get(spec.path) ?? [];
      const slowest = loads.reduce((a, b) => (b.interactiveMs > a.interactiveMs ? b : a));
      const interactiveMaxMs = Math.round(slowest.interactiveMs);
      const jsGzipBytes = Math.round(median(loads.map((load) => load.jsGzipBytes)));
      return {
        name: spec.name,
        path: spec.path,
        runs: loads.length,
        dataP50Ms: Math.round(median(loads.map((load) => load.dataMs))),
        dataMaxMs: Math.round(Math.max(...loads.map((load) => load.dataMs))),
        interactiveP50Ms: Math.round(median(loads.map((load) => load.interactiveMs))),
        interactiveMaxMs,
        longTasksP50Ms: round(median(loads.map((load) => load.longTaskMs)), 0),
        jsFiles: Math.round(median(loads.map((load) => load.jsFiles))),
        jsBytes: Math.round(median(loads.map((load) => load.jsBytes))),
        jsGzipBytes,
        withinBudget: interactiveMaxMs <= INTERACTIVE_BUDGET_MS && jsGzipBytes <= INITIAL_JS_BUDGET_BYTES,
        slowestWaterfall: slowest.waterfall,
        consoleErrors: [...new Set(loads.flatMap((load) => load.consoleErrors))],
      };
    });
  } finally {
    await browser.close();
  }
}
