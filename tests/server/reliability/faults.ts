import pg from 'pg';
import type { App } from '../../../server/src/app.ts';
import type { Db } from '../../../server/src/plugins/database.ts';
import { createMemberWithToken, type TestMember } from '../../helpers/auth.ts';
import type { TcpProxy } from '../../helpers/tcp-proxy.ts';
import { bulkBody, httpClient, icsBody, WINDOW } from './support.ts';

/**
 * The fault scenario the quick test and the soak share: imports and reads run while the database
 * connection is cut (through the TCP proxy in front of it) and restored, `cuts` times. Afterwards every
 * import must be all or nothing, judged on a direct connection to the database: a 2xx import has all
 * its entries and the day facts of exactly their days; any other answer left no entry, no fact and no
 * succeeded batch. The server must answer every request, report 503 on /api/health while the database
 * is away, and be healthy again by itself.
 */

export interface FaultOptions {
  importers: number;
  readers: number;
  /** Cut-restore cycles. */
  cuts: number;
  /** How long the line stays cut, and how long it works between cuts. */
  downMs: number;
  upMs: number;
  bulkEntries: number;
  icsEvents: number;
}

export interface ImportOutcome {
  kind: 'bulk' | 'ics';
  member: TestMember;
  status: number;
  expected: number;
  error?: string;
}

export interface FaultResult {
  imports: ImportOutcome[];
  reads: Record<string, number>;
  /** Requests that got no HTTP answer at all (a hang, a dropped connection). */
  unanswered: string[];
  /** /api/health statuses seen while the line was cut. */
  healthWhileDown: number[];
  /** Milliseconds from the last restore to the first healthy /api/health. */
  recoveryMs: number;
  /** Violations of all-or-nothing, in words (empty when every import held). */
  violations: string[];
  /** The status of an import and a read made after recovery. */
  after: { import: number; read: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runFaults(
  db: Db,
  baseUrl: string,
  proxy: TcpProxy,
  directUrl: string,
  options: FaultOptions,
): Promise<FaultResult> {
  // The server runs in a process of its own (as in production); members are made on a direct client.
  const app = { db } as unknown as App;
  const admin = await createMemberWithToken(app, { role: 'admin' });
  // Every import gets a member of its own, so its entries can be counted alone afterwards.
  const pool: TestMember[] = [];
  const budget = options.importers * (options.cuts + 1) * 6;
  while (pool.length < budget) {
    pool.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(8, budget - pool.length) }, () =>
          createMemberWithToken(app, { orgId: admin.orgId }),
        ),
      )),
    );
  }
  const client = httpClient(baseUrl, { timeoutMs: 60_000 });
  const result: FaultResult = {
    imports: [],
    reads: {},
    unanswered: [],
    healthWhileDown: [],
    recoveryMs: Number.NaN,
    violations: [],
    after: { import: 0, read: 0 },
  };
  let running = true;
  let next = 0;

  const importer = async (index: number) => {
    while (running && next < pool.length) {
      const member = pool[next++] as TestMember;
      const kind = (index + next) % 2 === 0 ? 'bulk' : 'ics';
      const reply =
        kind === 'bulk'
          ? await client.send(
              'POST',
              '/api/v1/entries/bulk',
              { ...member.headers, 'content-type': 'application/json' },
              bulkBody(`fault-${next}`, options.bulkEntries),
            )
          : await client.send(
              'POST',
              `/api/v1/imports/ics?${WINDOW}`,
              { ...member.headers, 'content-type': 'text/calendar' },
              icsBody(`fault-${next}`, options.icsEvents),
            );
      if (reply.error) result.unanswered.push(`${kind} import: ${reply.error}`);
      const created = reply.status === 200 ? (JSON.parse(reply.body) as { created: number }).created : 0;
      result.imports.push({ kind, member, status: reply.status, expected: created, error: reply.error });
    }
  };
  const reader = async () => {
    while (running) {
      const reply = await client.send('GET', '/api/v1/me/weeks', admin.headers);
      if (reply.error) result.unanswered.push(`read: ${reply.error}`);
      const key = reply.error ? 'no answer' : String(reply.status);
      result.reads[key] = (result.reads[key] ?? 0) + 1;
    }
  };

  const workers = [
    ...Array.from({ length: options.importers }, (_, i) => importer(i)),
    ...Array.from({ length: options.readers }, () => reader()),
  ];
  let restoredAt = 0;
  for (let cut = 0; cut < options.cuts; cut++) {
    await sleep(options.upMs);
    await proxy.cut();
    const downUntil = Date.now() + options.downMs;
    while (Date.now() < downUntil) {
      result.healthWhileDown.push((await client.send('GET', '/api/health')).status);
      await sleep(100);
    }
    await proxy.restore();
    restoredAt = Date.now();
  }
  // Healthy again by itself: nothing but time and the pools' own reconnects.
  for (;;) {
    const health = await client.send('GET', '/api/health');
    if (health.status === 200) {
      result.recoveryMs = Date.now() - restoredAt;
      break;
    }
    if (Date.now() - restoredAt > 20_000) break;
    await sleep(100);
  }
  await sleep(options.upMs);
  running = false;
  await Promise.all(workers);

  // The server keeps working: a new import and a read succeed.
  const fresh = pool[next] ?? (await createMemberWithToken(app, { orgId: admin.orgId }));
  result.after.import = (
    await client.send(
      'POST',
      '/api/v1/entries/bulk',
      { ...fresh.headers, 'content-type': 'application/json' },
      bulkBody('after', 10),
    )
  ).status;
  result.after.read = (await client.send('GET', '/api/v1/me/weeks', admin.headers)).status;
  client.close();

  // All or nothing, counted on a connection that never went through the proxy.
  const direct = new pg.Client({ connectionString: directUrl });
  await direct.connect();
  try {
    for (const outcome of result.imports) {
      const { rows } = await direct.query<{
        entries: number;
        days: number;
        facts: number;
        succeeded: number;
      }>(
        `SELECT (SELECT count(*)::int FROM entries WHERE member_id = $1) AS entries,
                (SELECT count(DISTINCT (start_at AT TIME ZONE 'UTC')::date)::int FROM entries WHERE member_id = $1) AS days,
                (SELECT count(*)::int FROM member_day_facts WHERE member_id = $1) AS facts,
                (SELECT count(*)::int FROM import_batches WHERE member_id = $1 AND status = 'succeeded') AS succeeded`,
        [outcome.member.memberId],
      );
      const row = rows[0] as { entries: number; days: number; facts: number; succeeded: number };
      const label = `${outcome.kind} import answered ${outcome.status || outcome.error}`;
      if (outcome.status === 200) {
        if (row.entries !== outcome.expected) {
          result.violations.push(`${label}: ${row.entries} of its ${outcome.expected} entries stored`);
        }
        if (row.facts !== row.days)
          result.violations.push(`${label}: facts for ${row.facts} of ${row.days} days`);
        if (outcome.kind === 'ics' && row.succeeded !== 1)
          result.violations.push(`${label}: batch not succeeded`);
      } else if (row.entries !== 0 || row.facts !== 0 || row.succeeded !== 0) {
        result.violations.push(
          `${label}: left ${row.entries} entries, ${row.facts} facts, ${row.succeeded} succeeded batches`,
        );
      }
    }
  } finally {
    await direct.end();
  }
  return result;
}
