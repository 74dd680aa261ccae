import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPrismaCli } from '../../server/src/db/migrations.ts';
import { databaseUrlFor } from '../helpers/postgres-urls.ts';
import { createTestDatabase, dropTestDatabase } from '../helpers/test-database.ts';

/**
 * The stock Prisma CLI, through the offline schema-engine bridge, on a database that starts empty: no
 * download, no native engine.
 */
describe('migrations through the Prisma CLI', () => {
  let database: { name: string; url: string };

  beforeAll(async () => {
    // Not a clone of the migrated template: an empty database, as on a fresh install.
    const adminUrl = process.env.TILTMETER_TEST_ADMIN_URL as string;
    const name = `tiltmeter_test_${(process.env.TILTMETER_TEST_TEMPLATE as string).replace('tiltmeter_template_', '')}_empty`;
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)}`);
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    await client.end();
    database = { name, url: databaseUrlFor(adminUrl, name) };
  }, 60_000);

  afterAll(async () => {
    if (database) await dropTestDatabase(database.name);
  });

  it('applies every migration to an empty database, after which status is clean', async () => {
    const before = await runPrismaCli(['migrate', 'status'], database.url);
    expect(before.exitCode).not.toBe(0);
    expect(before.output).toMatch(/have not yet been applied/);

    const deploy = await runPrismaCli(['migrate', 'deploy'], database.url);
    expect(deploy.output).toMatch(/All migrations have been successfully applied|migrations? found/);
    expect(deploy.exitCode).toBe(0);

    const status = await runPrismaCli(['migrate', 'status'], database.url);
    expect(status.output).toContain('Database schema is up to date!');
    expect(status.exitCode).toBe(0);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const tables = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    await client.end();
    expect(tables.rows.map((row) => row.tablename)).toEqual(
      expect.arrayContaining(['entries', 'members', 'organizations', 'rules', 'api_tokens', 'audit_events']),
    );
  }, 60_000);

  it('has committed migrations that match schema.prisma exactly', async () => {
    const clone = await createTestDatabase();
    try {
      const diff = await runPrismaCli(
        ['migrate', 'diff', '--from-config-datasource', '--to-schema', 'prisma/schema.prisma', '--exit-code'],
        clone.url,
      );
      // --exit-code: 0 = no difference, 2 = the schema has changes no migration holds yet.
      expect(diff.output).toContain('No difference detected');
      expect(diff.exitCode).toBe(0);
    } finally {
      await dropTestDatabase(clone.name);
    }
  }, 60_000);
});
