/**
 * Screenshots of the dashboard on the demo organization, for the README and reviews:
 *
 *   npx tsx web/scripts/screenshots.ts             # throwaway server + embedded database, seeded demo
 *   BASE_URL=http://localhost:3000 npx tsx web/scripts/screenshots.ts   # a running server with the demo
 *   PAGES=week,trend npx tsx web/scripts/screenshots.ts                 # only some pages
 *
 * Without BASE_URL it builds the dashboard into a temporary folder, starts `server/src/main.ts` on free
 * ports with a data folder of its own (the first start seeds the demo organization), signs in as the
 * demo user and saves 1280x800 PNGs into docs/screenshots/. Everything temporary is removed at the end.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEMO_EMAIL = 'demo@tiltmeter.dev';
const DEMO_PASSWORD = 'tiltmeter-demo';
const VIEWPORT = { width: 1280, height: 800 };

interface Shot {
  name: string;
  path: string;
  /** What must be on the page before the picture is taken (data, not skeletons). */
  ready: (page: Page) => Promise<unknown>;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).first().waitFor();
const noBusy = (page: Page) =>
  page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, {
    timeout: 15_000,
  });

const SHOTS: readonly Shot[] = [
  { name: 'week', path: '/week', ready: (page) => page.getByTestId('week-maker-share').waitFor() },
  {
    name: 'trend',
    path: '/trend',
    ready: (page) => page.getByTestId('trend-chart').locator('svg').first().waitFor(),
  },
  { name: 'team', path: '/team', ready: (page) => page.getByTestId('team-distribution').waitFor() },
  { name: 'org', path: '/org', ready: (page) => page.getByTestId('org-heatmap').waitFor() },
  { name: 'settings', path: '/settings', ready: heading },
  { name: 'imports', path: '/settings/imports', ready: heading },
  {
    name: 'rules',
    path: '/settings/rules',
    // The live preview classifies the demo user's entries; the picture is of its answer.
    ready: async (page) => {
      await heading(page);
      await page.getByText('Classifying your entries…').waitFor({ state: 'hidden', timeout: 20_000 });
    },
  },
];

function log(message: string) {
  process.stdout.write(`[screenshots] ${message}\n`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the real server on a throwaway data folder; resolves once it says it is ready. */
async function startServer(): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'tiltmeter-screenshots-'));
  // mkdtemp makes the folder private; as root, the embedded PostgreSQL runs as its own user and must get in.
  await chmod(workDir, 0o755);
  const distDir = path.join(workDir, 'dist');
  log('Building the dashboard');
  const build = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', distDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: path.join(REPO_ROOT, 'web'),
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) throw new Error('Building the dashboard failed');

  const [port, databasePort] = [await freePort(), await freePort()];
  log(
    `Starting the server on port ${port} (embedded PostgreSQL on ${databasePort}, demo seeded on first start)`,
  );
  const child: ChildProcess = spawn(
    path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
    ['server/src/main.ts'],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: '',
        PORT: String(port),
        HOST: '127.0.0.1',
        TILTMETER_DATA_DIR: path.join(workDir, 'data'),
        EMBEDDED_POSTGRES_PORT: String(databasePort),
        WEB_DIST_DIR: distDir,
        LOG_LEVEL: 'warn',
        AUTH_RATE_LIMIT_PER_MINUTE: '1000',
        TILTMETER_DEMO: 'auto',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await rm(workDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(
        () => reject(new Error(`The server did not start in time:\n${output}`)),
        240_000,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready: http')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The server exited (${code}):\n${output}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl: `http://127.0.0.1:${port}`, stop };
}

async function signIn(page: Page, baseUrl: string) {
  const response = await page.context().request.post(new URL('/api/auth/sign-in/email', baseUrl).toString(), {
    headers: { origin: new URL(baseUrl).origin },
    data: { email: DEMO_EMAIL, password: DEMO_PASSWORD },
  });
  if (!response.ok()) {
    throw new Error(
      `Signing in as ${DEMO_EMAIL} failed (${response.status()}): is the demo seeded? ${await response.text()}`,
    );
  }
}

async function main() {
  const only = process.env.PAGES?.split(',').map((name) => name.trim());
  const shots = only ? SHOTS.filter((shot) => only.includes(shot.name)) : SHOTS;
  const server = process.env.BASE_URL ? null : await startServer();
  const baseUrl = process.env.BASE_URL ?? server?.baseUrl ?? '';
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--font-render-hinting=none',
      ],
    });
    const context = await browser.newContext({
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await signIn(page, baseUrl);
    await mkdir(OUT_DIR, { recursive: true });
    for (const shot of shots) {
      await page.goto(new URL(shot.path, baseUrl).toString());
      await shot.ready(page);
      await noBusy(page).catch(() => log(`${shot.name}: something still loading after 15 s`));
      await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      const file = path.join(OUT_DIR, `${shot.name}.png`);
      await page.screenshot({ path: file });
      log(`${shot.name}: ${path.relative(REPO_ROOT, file)}`);
    }
    if (errors.length > 0) log(`Console errors while taking screenshots:\n  ${errors.join('\n  ')}`);
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
