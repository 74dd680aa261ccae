import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from '../../helpers/tcp-proxy.ts';
import { useTestDatabase } from '../../helpers/test-database.ts';
import { runFaults } from './faults.ts';
import { buildLoggedApp, type LoggedApp, listen } from './support.ts';

/**
 * The database connection is cut in the middle of imports and reads, then restored (see faults.ts).
 * The long version (several cuts, more importers) runs in `npm run soak`.
 */
describe('faults: the database goes away during imports and reads', () => {
  const databaseUrl = useTestDatabase();
  let proxy: TcpProxy;
  let logged: LoggedApp;
  let baseUrl: string;

  beforeAll(async () => {
    const real = new URL(databaseUrl());
    proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port) });
    const viaProxy = new URL(real);
    viaProxy.port = String(proxy.port);
    logged = await buildLoggedApp(viaProxy.toString());
    baseUrl = await listen(logged.app);
  });
  afterAll(async () => {
    await logged?.app.close();
    await proxy?.close();
  });

  it('keeps every import all or nothing, answers every request, and recovers by itself', async () => {
    const result = await runFaults(logged.app, baseUrl, proxy, databaseUrl(), {
      importers: 4,
      readers: 2,
      cuts: 1,
      downMs: 1_500,
      upMs: 1_200,
      bulkEntries: 400,
      icsEvents: 120,
    });

    console.log(
      JSON.stringify({
        imports: result.imports.map((o) => o.status),
        reads: result.reads,
        health: result.healthWhileDown,
        recovery: result.recoveryMs,
      }),
      logged.errorLogs.map((l) => l.slice(0, 1500)),
    );
    expect(result.violations).toEqual([]);
    expect(result.unanswered).toEqual([]);
    // The cut did hit imports (some failed) and did not stop the others (some succeeded).
    const statuses = result.imports.map((outcome) => outcome.status);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status !== 200).length).toBeGreaterThan(0);
    // A failed import says the database is unavailable (503), not that the server broke (500).
    expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
    expect(Object.keys(result.reads).filter((status) => status !== '200' && status !== '503')).toEqual([]);
    // Health said so while the line was cut, and came back by itself.
    expect(result.healthWhileDown.length).toBeGreaterThan(0);
    expect(result.healthWhileDown.every((status) => status === 503)).toBe(true);
    expect(result.recoveryMs).toBeLessThan(10_000);
    expect(result.after).toEqual({ import: 200, read: 200 });
  });
});
