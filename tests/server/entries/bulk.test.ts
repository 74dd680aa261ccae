import { ApiErrorSchema } from '@tiltmeter/shared';
import pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemberWithToken, type TestMember } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

function entries(count: number, overrides: (index: number) => object = () => ({})) {
  return Array.from({ length: count }, (_, index) => ({
    externalUid: `event-${index}`,
    title: index % 2 === 0 ? 'Focus time' : 'Team sync',
    attendees: index % 2 === 0 ? 0 : 5,
    start: new Date(Date.UTC(2026, 2, 2 + (index % 20), 8 + (index % 8))).toISOString(),
    end: new Date(Date.UTC(2026, 2, 2 + (index % 20), 9 + (index % 8))).toISOString(),
    timeZone: 'UTC',
    ...overrides(index),
  }));
}

describe('POST /api/v1/entries/bulk', () => {
  const { app, databaseUrl } = useTestApp();
  let member: TestMember;

  beforeEach(async () => {
    member = await createMemberWithToken(app());
  });

  const bulk = (payload: object) =>
    app().inject({ method: 'POST', url: '/api/v1/entries/bulk', headers: member.headers, payload });

  async function count(table: 'entries' | 'member_day_facts'): Promise<number> {
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    const result = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
    await client.end();
    return result.rows[0].n;
  }

  it('is idempotent: the same batch twice creates nothing the second time', async () => {
    expect((await bulk({ entries: entries(40) })).json()).toEqual({ created: 40, updated: 0 });
    expect((await bulk({ entries: entries(40) })).json()).toEqual({ created: 0, updated: 0 });
    const edited = entries(40, (index) => (index === 7 ? { title: 'Renamed' } : {}));
    expect((await bulk({ entries: edited })).json()).toEqual({ created: 0, updated: 1 });
    expect(await count('entries')).toBe(40);
  });

  it('refuses a batch with one bad item, naming it, and writes none of it', async () => {
    const batch = entries(30, (index) => (index === 17 ? { end: '2026-03-01T00:00:00Z' } : {}));
    const response = await bulk({ entries: batch });
    expect(response.statusCode).toBe(400);
    const error = ApiErrorSchema.parse(response.json()).error;
    expect(error.issues?.[0]?.path).toEqual(['body', 'entries', 17, 'end']);
    expect(await count('entries')).toBe(0);
  });

  it('refuses duplicate externalUids in one batch', async () => {
    const batch = entries(5, (index) => (index === 3 ? { externalUid: 'event-1' } : {}));
    const response = await bulk({ entries: batch });
    expect(response.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(response.json()).error.issues?.[0]?.path).toEqual([
      'body',
      'entries',
      3,
      'externalUid',
    ]);
  });

  it('refuses more than 10,000 entries', async () => {
    const response = await bulk({ entries: entries(10_001) });
    expect(response.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(response.json()).error.issues?.[0]?.path).toEqual(['body', 'entries']);
  });

  it('leaves the database as it was when the database fails in the middle of a batch', async () => {
    await bulk({ entries: entries(10) });
    const factsBefore = await count('member_day_facts');
    // A real failure inside PostgreSQL halfway through the upsert: a trigger refusing one row.
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    await client.query(`
      CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.title = 'poison' THEN RAISE EXCEPTION 'poisoned row'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_poison BEFORE INSERT OR UPDATE ON entries
        FOR EACH ROW EXECUTE FUNCTION refuse_poison();`);
    try {
      const batch = entries(200, (index) =>
        index === 150 ? { title: 'poison' } : { title: `Changed ${index}` },
      );
      const response = await bulk({ entries: batch });
      expect(response.statusCode).toBe(500);
      const titles = await client.query('SELECT DISTINCT title FROM entries ORDER BY title');
      expect(titles.rows.map((row) => row.title)).toEqual(['Focus time', 'Team sync']);
      expect(await count('entries')).toBe(10);
      expect(await count('member_day_facts')).toBe(factsBefore);
    } finally {
      await client.query('DROP TRIGGER refuse_poison ON entries; DROP FUNCTION refuse_poison()');
      await client.end();
    }
  });
});
