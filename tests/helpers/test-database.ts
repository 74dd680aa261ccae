import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { databaseUrlFor } from './postgres-urls.ts';

function testEnvironment() {
  const adminUrl = process.env.TILTMETER_TEST_ADMIN_URL;
  const template = process.env.TILTMETER_TEST_TEMPLATE;
  if (!adminUrl || !template) {
    throw new Error('The test database is not set up: run the tests through vitest (global-setup.ts).');
  }
  // The run's pid is in the template name; databases of this run share it, so cleanup finds them.
  const runId = template.replace('tiltmeter_template_', '');
  return { adminUrl, template, runId };
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testEnvironment().adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, fully migrated database cloned from the run's template. */
export async function createTestDatabase(): Promise<{ name: string; url: string }> {
  const { adminUrl, template, runId } = testEnvironment();
  const name = `tiltmeter_test_${runId}_${randomBytes(4).toString('hex')}`;
  await admin(async (client) => {
    // Cloning fails while another session is still connected to the template; that is brief.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(
          `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`,
        );
        return;
      } catch (error) {
        if (attempt >= 20 || !String(error).includes('being accessed by other users')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
  return { name, url: databaseUrlFor(adminUrl, name) };
}

export async function dropTestDatabase(name: string): Promise<void> {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
}

/** Empties every table but the migration history, so each test starts from a clean database. */
export async function truncateAllTables(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
    );
    if (rows.length > 0) {
      const tables = rows.map((row) => pg.escapeIdentifier(row.tablename)).join(', ');
      await client.query(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
    }
  } finally {
    await client.end();
  }
}

/**
 * For a test file: a database of its own for the file's lifetime, emptied before each test.
 * Returns a getter because the URL exists only once beforeAll has run.
 */
export function useTestDatabase(): () => string {
  let database: { name: string; url: string } | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    if (database) await truncateAllTables(database.url);
  });
  afterAll(async () => {
    if (database) await dropTestDatabase(database.name);
  });
  return () => {
    if (!database) throw new Error('useTestDatabase(): the database is created in beforeAll');
    return database.url;
  };
}
