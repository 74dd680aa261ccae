/**
 * Page-load benchmark: `npm run bench:pages -- [--runs 5] [--dist <dir>] [--waterfall] [--out bench]`
 * (--out writes pages.json and pages.md there).
 *
 * Starts the real server (server/src/main.ts, as `npm start` does: the built dashboard at `/`, the demo
 * organization seeded on the empty database) on a scratch database (DATABASE_URL's server when set,
 * otherwise a throwaway embedded PostgreSQL), then loads every dashboard page cold in Chromium as the
 * demo user (bench/sections/pages.ts) and prints a table. --waterfall prints the requests of each
 * page's slowest load.
 *
 * The dashboard served is a production build of the current source made for the run in a folder of
 * its own (`npm run build -w @tiltmeter/web`, a few seconds), not web/dist: the end-to-end tests
 * rebuild web/dist while they run, and a build emptied mid-run would fail the loads. --dist <dir>
 * serves an existing build instead (web/dist, say).
 *
 * Absolute times on a shared two-core machine move with its load: the load average is printed with
 * the table, so run it a few times.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../server/src/config.ts';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../server/src/demo/demo-org.ts';
import { scratchDatabase } from './lib/scratch-database.ts';
import { markdownTable } from './lib/stats.ts';
import {
  benchPages,
  INITIAL_JS_BUDGET_BYTES,
  INTERACTIVE_BUDGET_MS,
  type PageTiming,
} from './sections/pages.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    runs: { type: 'string', default: '5' },
    dist: { type: 'string' },
    waterfall: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
  strict: true,
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number of at least 1');

const log = (message: string) => process.stdout.write(`${message}\n`);
const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** A production build of the dashboard into `outDir`. */
function buildDashboard(outDir: string): void {
  log('== Building the dashboard (npm run build -w @tiltmeter/web)');
  const result = spawnSync(
    'npm',
    ['run', 'build', '--silent', '-w', '@tiltmeter/web', '--', '--outDir', outDir, '--emptyOutDir'],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) throw new Error('Building the dashboard failed; see the output above.');
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}

interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/** `npm start` against the scratch database: migrations, the demo seed on first start, then listen. */
async function startServer(databaseUrl: string, dataDir: string, webDistDir: string): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      TILTMETER_DATA_DIR: dataDir,
      WEB_DIST_DIR: webDistDir,
      TILTMETER_DEMO: 'auto',
      AUTH_SECRET: randomBytes(32).toString('base64'),
      // One visitor loads every page many times over: the per-client API limit must not answer 429.
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(chunk.toString());
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  await new Promise<void>((resolve, reject) => {
    const fail = (reason: string) => reject(new Error(`${reason}\n${output.join('').slice(-4_000)}`));
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code) => fail(`the server exited (${code}) before it was ready`));
    child.stdout?.on('data', () => {
      if (output.join('').includes('Ready: http')) resolve();
    });
  });
  if (!output.join('').includes('Demo ready')) {
    throw new Error(`The demo organization was not seeded:\n${output.join('').slice(-4_000)}`);
  }
  child.removeAllListeners('exit');
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function resultsTable(results: PageTiming[]): string {
  const rows = results.map((page) => [
    page.name,
    page.path,
    page.dataP50Ms,
    page.dataMaxMs,
    page.interactiveP50Ms,
    page.interactiveMaxMs,
    page.longTasksP50Ms,
    `${page.jsFiles} / ${kb(page.jsBytes)} / ${kb(page.jsGzipBytes)}`,
    page.withinBudget ? 'yes' : '**no**',
  ]);
  return markdownTable(
    [
      'Page',
      'Path',
      'Data p50 ms',
      'Data max ms',
      'Interactive p50 ms',
      'Interactive max ms',
      'Long tasks p50 ms',
      'JS files / KB / KB gzip',
      `Within ${INTERACTIVE_BUDGET_MS} ms and ${INITIAL_JS_BUDGET_BYTES / 1024} KB`,
    ],
    rows,
  );
}

function printResults(results: PageTiming[]): void {
  log(resultsTable(results));
  for (const page of results) {
    for (const error of page.consoleErrors) log(`${page.name}: ${error}`);
  }
  if (values.waterfall) {
    for (const page of results) {
      log(`\n${page.name}: requests of the slowest load (${page.interactiveMaxMs} ms), start-end ms`);
      for (const row of page.slowestWaterfall) {
        log(
          `  ${String(row.startMs).padStart(5)}-${String(row.endMs).padEnd(5)} ${row.kind.padEnd(14)} ${row.url}`,
        );
      }
    }
  }
}

async function main(): Promise<number> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'tiltmeter-pagebench-'));
  try {
    let webDistDir: string;
    if (values.dist) {
      webDistDir = path.resolve(values.dist);
      if (!existsSync(path.join(webDistDir, 'index.html'))) throw new Error(`No index.html in ${webDistDir}`);
    } else {
      webDistDir = path.join(scratch, 'web');
      buildDashboard(webDistDir);
    }
    log(
      `== Page load, ${runs} cold loads per page (load average ${loadAverage()}, ${os.cpus().length} CPUs)`,
    );
    const database = await scratchDatabase('pages');
    try {
      log('== Starting the server and seeding the demo organization');
      const server = await startServer(database.url, path.join(scratch, 'data'), webDistDir);
      try {
        log(`== Loading the pages at ${server.baseUrl}`);
        const results = await benchPages({
          baseUrl: server.baseUrl,
          email: DEMO_EMAIL,
          password: DEMO_PASSWORD,
          runs,
        });
        log(`\nLoad average after: ${loadAverage()}\n`);
        printResults(results);
        if (values.out) {
          const outDir = path.resolve(values.out);
          // The waterfalls are for --waterfall's printout; the file keeps the figures.
          const pages = results.map(({ slowestWaterfall: _, ...page }) => page);
          writeFileSync(
            path.join(outDir, 'pages.json'),
            `${JSON.stringify({ at: new Date().toISOString(), runs, cpus: os.cpus().length, loadAverage: loadAverage(), pages }, null, 2)}\n`,
          );
          writeFileSync(
            path.join(outDir, 'pages.md'),
            `# Dashboard page loads\n\n${new Date().toISOString()}, ${runs} cold loads per page in headless Chromium, demo organization, load average ${loadAverage()} on ${os.cpus().length} CPUs.\n\n${resultsTable(results)}\n`,
          );
          log(`Written to ${path.join(outDir, 'pages.json')} and pages.md.`);
        }
        const over = results.filter((page) => !page.withinBudget);
        log(
          over.length === 0
            ? '\nEvery page is within budget.'
            : `\nOver budget: ${over.map((page) => page.name).join(', ')}`,
        );
        return over.length === 0 ? 0 : 1;
      } finally {
        await server.stop();
      }
    } finally {
      await database.drop();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// An explicit exit: the embedded PostgreSQL's exit hook would turn an exit code into 0.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
