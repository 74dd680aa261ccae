import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, REPO_ROOT } from './config.ts';
import { openDatabase } from './db/bootstrap.ts';
import { seedDemoOnFirstStart } from './demo/first-start.ts';
import { resolveAuthSecret } from './lib/auth-secret.ts';
import { installProcessGuards } from './lib/process-guards.ts';

function log(message: string) {
  process.stdout.write(`[tiltmeter] ${message}\n`);
}

/** `npm start` on a fresh clone must show the dashboard: build it once when it is missing. */
function ensureWebAppBuilt(webDistDir: string) {
  if (existsSync(path.join(webDistDir, 'index.html'))) return;
  log('Building the dashboard (first start only)');
  const result = spawnSync('npm', ['run', 'build', '--silent', '-w', '@tiltmeter/web'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('Building the dashboard failed; see the output above.');
}

async function main() {
  // A database that goes away must not take the server with it (see process-guards.ts).
  installProcessGuards({ warn: log, error: log });
  const config = loadConfig();
  ensureWebAppBuilt(config.webDistDir);
  const database = await openDatabase(config, { migrate: true, log });
  const authSecret = resolveAuthSecret(config.authSecret, config.dataDir, log);
  const app = await buildApp({ ...config, databaseUrl: database.url, authSecret });
  // A fresh install shows data on its first page: the demo organization (TILTMETER_DEMO=off skips it).
  await seedDemoOnFirstStart({ db: app.db, sql: app.sql }, config.demo, log);

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${signal} received: closing`);
    try {
      await app.close();
    } finally {
      await database.close();
      log('Stopped');
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await database.close();
    throw error;
  }
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  log(`Ready: http://${shownHost}:${config.port} (API docs at /api/docs)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Tiltmeter failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
  }
  process.exit(1);
});
