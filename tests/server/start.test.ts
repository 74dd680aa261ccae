import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, startNodeFlags } from '../../server/build.ts';
import { REPO_ROOT } from '../../server/src/config.ts';
import { embeddedDatabaseUrl } from '../../server/src/db/embedded-postgres.ts';
import { findFreePort } from '../helpers/postgres-urls.ts';

/** Command lines of every running process that mentions `needle` (how we look for orphaned postgres). */
function processesMentioning(needle: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (commandLine.includes(needle)) found.push(`${pid}: ${commandLine}`);
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`Timed out waiting for ${pattern}:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Exited with ${code} before ${pattern}:\n${output}`));
    });
  });
}

/** The server's log lines at level error (50) or above, from everything the process printed. */
function errorLines(output: string[]): string[] {
  return output
    .join('')
    .split('\n')
    .filter((line) => /"level":(5|6)0/.test(line));
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('npm start with no DATABASE_URL (embedded PostgreSQL)', () => {
  // As npm start runs it: the server built into one module, run by plain node with start's flags. (A
  // file of its own beside main.mjs: config.ts finds the repository two folders up from the bundle.)
  let bundle: string;
  beforeAll(async () => {
    bundle = await buildServer({
      outfile: path.join(REPO_ROOT, 'server', 'dist', `start-test-${process.pid}.mjs`),
    });
  }, 60_000);

  const dataDir = mkdtempSync(path.join(tmpdir(), 'tiltmeter-start-'));
  // As root, PostgreSQL runs as its own user and must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  const webDistDir = path.join(dataDir, 'web');
  mkdirSync(webDistDir);
  writeFileSync(path.join(webDistDir, 'index.html'), '<!doctype html><title>Tiltmeter</title>');
  const children: ChildProcess[] = [];

  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    if (bundle) for (const file of [bundle, `${bundle}.map`]) rmSync(file, { force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(env: { PORT: string; EMBEDDED_POSTGRES_PORT: string }) {
    const child = spawn(process.execPath, [...startNodeFlags(), bundle], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        ...env,
        // This test is about the embedded default, whatever database the test run itself uses.
        DATABASE_URL: '',
        TILTMETER_DATA_DIR: dataDir,
        WEB_DIST_DIR: webDistDir,
        LOG_LEVEL: 'warn',
        // The first-start demo seed has tests of its own; this one is about the database lifecycle.
        TILTMETER_DEMO: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const output: string[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    await waitForOutput(child, /Ready: http:\/\//, 90_000);
    return Object.assign(child, { output });
  }

  it('serves health and the page, stops without orphans, and keeps the data for the next start', async () => {
    const ports = {
      PORT: String(await findFreePort()),
      EMBEDDED_POSTGRES_PORT: String(await findFreePort()),
    };
    const base = `http://127.0.0.1:${ports.PORT}`;

    const first = await start(ports);
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
    const page = await fetch(`${base}/week`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Tiltmeter</title>');

    const client = new pg.Client({
      connectionString: embeddedDatabaseUrl(Number(ports.EMBEDDED_POSTGRES_PORT), 'tiltmeter'),
    });
    await client.connect();
    await client.query("INSERT INTO organizations (id, name, slug) VALUES ('org-kept', 'Kept', 'kept')");
    await client.end();

    const firstExit = exitOf(first);
    first.kill('SIGTERM');
    expect(await firstExit).toBe(0);
    // A clean stop: no error logged on the way down (pg-boss's connections are cut as PostgreSQL stops).
    expect(errorLines(first.output)).toEqual([]);
    expect(processesMentioning(path.join(dataDir, 'postgres'))).toEqual([]);

    const second = await start(ports);
    const again = new pg.Client({
      connectionString: embeddedDatabaseUrl(Number(ports.EMBEDDED_POSTGRES_PORT), 'tiltmeter'),
    });
    await again.connect();
    const kept = await again.query('SELECT name FROM organizations WHERE id = $1', ['org-kept']);
    await again.end();
    expect(kept.rows).toEqual([{ name: 'Kept' }]);

    const secondExit = exitOf(second);
    second.kill('SIGINT');
    expect(await secondExit).toBe(0);
    expect(errorLines(second.output)).toEqual([]);
    expect(processesMentioning(path.join(dataDir, 'postgres'))).toEqual([]);
  }, 180_000);
});
