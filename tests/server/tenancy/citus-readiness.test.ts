import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TENANT_MODELS } from '../../../server/src/lib/tenant-db.ts';
import { useTestDatabase } from '../../helpers/test-database.ts';

/**
 * The README's "Scaling" section says how far the schema is from distributing every tenant table by
 * organization_id (Citus). This test reads the migrated schema and pins each claim, so the section
 * cannot drift from the migrations: a change that makes a table ready (or unready) fails here until
 * the README's table and these lists are updated together.
 */

/** Tenant models' tables (their @@map names). */
const TENANT_TABLES = [
  'members',
  'member_settings',
  'teams',
  'team_members',
  'invitations',
  'entries',
  'series_overrides',
  'rules',
  'threshold_settings',
  'member_day_facts',
  'import_batches',
  'calendar_subscriptions',
  'api_tokens',
  'audit_events',
  'background_jobs',
].sort();

/** README: "primary key is id alone" / "member_id alone". Ready ones include organization_id. */
const PRIMARY_KEYS_WITHOUT_ORGANIZATION: Record<string, string[]> = {
  members: ['id'],
  member_settings: ['member_id'],
  teams: ['id'],
  team_members: ['id'],
  invitations: ['id'],
  entries: ['id'],
  series_overrides: ['id'],
  rules: ['id'],
  threshold_settings: ['id'],
  import_batches: ['id'],
  calendar_subscriptions: ['id'],
  api_tokens: ['id'],
  audit_events: ['id'],
  background_jobs: ['id'],
};

/** README: the deliberate cross-organization lookups and the globally unique secrets. */
const INDEXES_NOT_LED_BY_ORGANIZATION = [
  'api_tokens(token_hash) unique',
  'invitations(email)',
  'member_settings(feed_token) unique',
  'members(user_id)',
].sort();

/**
 * README: "single-column foreign keys to tenant tables", as table(column) -> referenced table. Foreign
 * keys to `organizations` (not distributed by a tenant column of its own) and to `users` are not listed.
 */
const SINGLE_COLUMN_TENANT_FOREIGN_KEYS = [
  'api_tokens(member_id) -> members',
  'calendar_subscriptions(member_id) -> members',
  'entries(import_batch_id) -> import_batches',
  'entries(subscription_id) -> calendar_subscriptions',
  'import_batches(member_id) -> members',
  'member_day_facts(member_id) -> members',
  'member_settings(member_id) -> members',
  'rules(team_id) -> teams',
  'series_overrides(member_id) -> members',
  'team_members(member_id) -> members',
  'team_members(team_id) -> teams',
].sort();

describe('the schema and Citus (distribution by organization_id)', () => {
  const databaseUrl = useTestDatabase();
  let client: pg.Client;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });

  it('has organization_id NOT NULL on every tenant table, and the tenant list matches the scoped client', async () => {
    expect(TENANT_TABLES).toHaveLength(TENANT_MODELS.size);
    const { rows } = await client.query<{ table_name: string; is_nullable: string }>(
      `SELECT table_name, is_nullable FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'organization_id' ORDER BY table_name`,
    );
    expect(rows.map((row) => row.table_name)).toEqual(TENANT_TABLES);
    expect(rows.every((row) => row.is_nullable === 'NO')).toBe(true);
  });

  it('leads every secondary index of a tenant table with organization_id, but for the listed lookups', async () => {
    const { rows } = await client.query<{ table: string; columns: string[]; unique: boolean }>(
      `SELECT t.relname AS table, i.indisunique AS unique,
              array_agg(a.attname::text ORDER BY k.ordinality) AS columns
         FROM pg_index i
         JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE NOT i.indisprimary AND t.relname = ANY($1)
        GROUP BY t.relname, i.indexrelid, i.indisunique`,
      [TENANT_TABLES],
    );
    expect(rows.length).toBeGreaterThan(20);
    const notLed = rows
      .filter((row) => row.columns[0] !== 'organization_id')
      .map((row) => `${row.table}(${row.columns.join(', ')})${row.unique ? ' unique' : ''}`)
      .sort();
    expect(notLed).toEqual(INDEXES_NOT_LED_BY_ORGANIZATION);
  });

  it('has the single-column foreign keys between tenant tables the README lists, and no others', async () => {
    const { rows } = await client.query<{ table: string; columns: string[]; target: string }>(
      `SELECT t.relname AS table, f.relname AS target,
              array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ordinality)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                     ORDER BY k.ordinality) AS columns
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_class f ON f.oid = c.confrelid
        WHERE c.contype = 'f' AND t.relname = ANY($1) AND f.relname = ANY($1)`,
      [TENANT_TABLES],
    );
    const label = (row: (typeof rows)[number]) => `${row.table}(${row.columns.join(', ')}) -> ${row.target}`;
    expect(
      rows
        .filter((row) => row.columns.length === 1)
        .map(label)
        .sort(),
    ).toEqual(SINGLE_COLUMN_TENANT_FOREIGN_KEYS);
    // Ready: the table bulk imports write most references its member by both columns.
    expect(rows.filter((row) => row.columns.length > 1).map(label)).toEqual([
      'entries(organization_id, member_id) -> members',
    ]);
  });

  it('has the primary keys the README lists as not yet including organization_id, and no others', async () => {
    const { rows } = await client.query<{ table: string; columns: string[] }>(
      `SELECT t.relname AS table, array_agg(a.attname::text ORDER BY k.ordinality) AS columns
         FROM pg_index i
         JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE i.indisprimary AND t.relname = ANY($1)
        GROUP BY t.relname`,
      [TENANT_TABLES],
    );
    const byTable = Object.fromEntries(rows.map((row) => [row.table, row.columns]));
    expect(Object.keys(byTable).sort()).toEqual(TENANT_TABLES);
    const withoutOrganization = Object.fromEntries(
      Object.entries(byTable).filter(([, columns]) => !columns.includes('organization_id')),
    );
    expect(withoutOrganization).toEqual(PRIMARY_KEYS_WITHOUT_ORGANIZATION);
    // The one ready today: day facts, the table the dashboards read most.
    expect(byTable.member_day_facts).toEqual(['organization_id', 'member_id', 'local_date']);
  });
});
