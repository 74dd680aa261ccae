import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../helpers/test-database.ts';
import { buildLoggedApp, type LoggedApp, listen, runLoad, seedOrganization } from './support.ts';

/**
 * 50 concurrent clients for 5 seconds over real HTTP, on reads (weekly series, week detail, team, org,
 * entries, health) and imports (bulk entries, ICS, CSV): no 5xx, no request left unanswered, and not a
 * single error-level log line. The long version (200 clients, 30 s) is `npm run soak`.
 */
describe('load: concurrent readers and importers', () => {
  const databaseUrl = useTestDatabase();
  let logged: LoggedApp;
  let baseUrl: string;

  beforeAll(async () => {
    logged = await buildLoggedApp(databaseUrl());
    baseUrl = await listen(logged.app);
  });
  afterAll(async () => {
    await logged?.app.close();
  });

  it('answers 50 clients for 5 seconds without a 5xx or an error log', { timeout: 120_000 }, async () => {
    // Seeded here: the database is emptied before each test.
    const data = await seedOrganization(logged.app, { members: 16, weeks: 6, seed: 7 });
    const before = await logged.app.db.entry.count();
    // Three rounds per client at least, so a busy machine still sends every kind of request: each
    // group of ten clients covers the three import kinds nine times.
    const result = await runLoad(baseUrl, data, { clients: 50, seconds: 5, minRounds: 3 });

    expect(result.failures).toEqual([]);
    expect(result.refused).toEqual([]);
    expect(logged.errorLogs).toEqual([]);
    // Every answer was a success: the mix only asks what these callers may ask.
    expect(Object.keys(result.byStatus).sort()).toEqual(['200']);
    expect(result.requests).toBeGreaterThanOrEqual(150);
    expect(result.imports).toBeGreaterThanOrEqual(45);
    // The imports did land (each client's bulk, ICS and CSV entries).
    expect(await logged.app.db.entry.count()).toBeGreaterThan(before);
    const running = await logged.app.db.importBatch.count({ where: { status: { not: 'succeeded' } } });
    expect(running).toBe(0);
  });
});
