import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../../../bench/lib/server-process.ts';
import { createPrismaClient, type Db } from '../../../server/src/plugins/database.ts';
import { startTcpProxy, type TcpProxy } from '../../helpers/tcp-proxy.ts';
import { useTestDatabase } from '../../helpers/test-database.ts';
import { runFaults } from './faults.ts';

/**
 * The database connection is cut in the middle of imports and reads, then restored (see faults.ts).
 * The server runs as a process of its own, as in production, so "it keeps running" means the process
 * is alive and answering. The long version (several cuts, more importers) runs in `npm run soak`.
 */
describe('faults: the database goes away during imports and reads', () => {
  const databaseUrl = useTestDatabase();
  let proxy: TcpProxy;
  let server: ServerProcess;
  let db: Db;

  beforeAll(async () => {
    const real = new URL(databaseUrl());
    proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port) });
    const viaProxy = new URL(real);
    viaProxy.port = String(proxy.port);
    server = await startServerProcess(viaProxy.toString());
    db = createPrismaClient(databaseUrl());
  });
  afterAll(async () => {
    await server?.stop();
    await db?.$disconnect();
    await proxy?.close();
  });

  it('keeps every import all or nothing, answers every request, and recovers by itself', async () => {
    const result = await runFaults(db, server.baseUrl, proxy, databaseUrl(), {
      importers: 4,
      readers: 2,
      cuts: 1,
      downMs: 1_500,
      upMs: 1_200,
      bulkEntries: 300,
      icsEvents: 100,
    });

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
    // The same process is still serving, and it logged no unhandled error (outages are warnings).
    const memory = await server.memory();
    console.log(
      `faults: imports ${statuses.join(' ')}; reads ${JSON.stringify(result.reads)}; recovered in ${result.recoveryMs} ms; postgres.js defects absorbed: ${memory.guardWarnings}`,
    );
    expect(memory.errorLogs.filter((line) => line.includes('unhandled error'))).toEqual([]);
  }, 45_000);
});
