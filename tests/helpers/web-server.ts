import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { App } from '../../server/src/app.ts';
import { REPO_ROOT } from '../../server/src/config.ts';
import { buildTestApp } from './test-app.ts';
import { useTestDatabase } from './test-database.ts';

const WEB_DIST_DIR = path.join(REPO_ROOT, 'web', 'dist');
let webBuilt = false;

/** Builds the dashboard from the current source, once per test worker. */
export function buildWebApp(): void {
  if (webBuilt) return;
  const result = spawnSync('npm', ['run', 'build', '--silent', '-w', '@tiltmeter/web'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`Building the dashboard failed:\n${result.stdout}\n${result.stderr}`);
  webBuilt = true;
}

/**
 * For an end-to-end test file: the real server (API + built dashboard) listening on a free port,
 * on a database of its own.
 */
export function useRunningServer(): { baseUrl: () => string; app: () => App; databaseUrl: () => string } {
  const databaseUrl = useTestDatabase();
  let app: App | undefined;
  let baseUrl = '';
  beforeAll(async () => {
    buildWebApp();
    app = await buildTestApp(databaseUrl(), { webDistDir: WEB_DIST_DIR });
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
  });
  return {
    baseUrl: () => baseUrl,
    databaseUrl,
    app: () => {
      if (!app) throw new Error('useRunningServer(): the server starts in beforeAll');
      return app;
    },
  };
}
