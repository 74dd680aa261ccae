/**
 * The benchmark suite: `npm run bench` (full: 100 and 1,000 members x 52 weeks, about an hour on two
 * cores) or `npm run bench -- --quick` (10 and 100 members x 26 weeks, a few minutes).
 *
 * Every figure is a ratio against a baseline measured in the same run on the same machine (absolute
 * times on a shared two-core machine say little): bulk import against COPY into a plain table, the
 * ICS import against COPY of its rows, peak RSS against the idle server, read latency against one SQL
 * query over the raw entries, requests per second against a bare route of the same app, and the
 * 10x-entries member against the 1x one. Results: bench/results.json and bench/results.md.
 *
 * DATABASE_URL: a PostgreSQL server to create a scratch database on; without it, a throwaway
 * embedded server. The app runs in a child process (bench/lib/server-child.ts) and is driven over HTTP.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isoWeekOf } from '../server/src/engine/index.ts';
import { createPrismaClient, createSqlClient } from '../server/src/plugins/database.ts';
import { prepareScale, type ScaleData } from './lib/dataset.ts';
import { closeHttp } from './lib/http.ts';
import { type Results, renderMarkdown, type ScaleResults } from './lib/report.ts';
import { scratchDatabase } from './lib/scratch-database.ts';
import { startServerProcess } from './lib/server-process.ts';
import { round } from './lib/stats.ts';
import {
  type BulkResult,
  benchBulkImport,
  benchIcsImport,
  benchIcsMemory,
  type IcsResult,
} from './sections/imports.ts';
import {
  benchFlat,
  benchLoad,
  benchReadLatency,
  type LoadResult,
  type ReadLatencyResult,
} from './sections/reads.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { quick: { type: 'boolean', default: false }, out: { type: 'string' } },
  strict: true,
});
const quick = values.quick ?? false;

const PLAN = quick
  ? {
      scales: [10, 100],
      weeks: 26,
      bulkRequests: 2,
      bulkEntries: 10_000,
      icsRuns: 1,
      icsMegabytes: 50,
      latencyIterations: 20,
      loadSeconds: 3,
      loadRounds: 1,
      flatIterations: 10,
    }
  : {
      scales: [100, 1000],
      weeks: 52,
      bulkRequests: 3,
      bulkEntries: 10_000,
      icsRuns: 3,
      icsMegabytes: 50,
      latencyIterations: 60,
      loadSeconds: 10,
      loadRounds: 2,
      flatIterations: 40,
    };

const log = (message: string) => process.stdout.write(`${message}\n`);

async function main() {
  const started = Date.now();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const now = new Date();
  log(
    `Tiltmeter benchmarks (${quick ? 'quick' : 'full'}): scales ${PLAN.scales.join(' and ')} members x ${PLAN.weeks} weeks`,
  );
  const database = await scratchDatabase('bench');
  const db = createPrismaClient(database.url);
  const sql = createSqlClient(database.url);
  const clients = { db, sql };
  const [{ version }] = (await sql`SELECT current_setting('server_version') AS version`) as unknown as [
    { version: string },
  ];
  const toWeek = isoWeekOf(now, 'UTC');
  try {
    const scales: ScaleData[] = [];
    for (const members of PLAN.scales) {
      log(`\n== Generating ${members} members x ${PLAN.weeks} weeks`);
      scales.push(await prepareScale(clients, { members, weeks: PLAN.weeks, toWeek, log }));
    }
    const server = await startServerProcess(database.url);
    const perScale: ScaleResults[] = [];
    try {
      for (const scale of scales) {
        const organizationId = scale.organization.organizationId;
        log(
          `\n== ${scale.members} members: bulk import (${PLAN.bulkRequests} x ${PLAN.bulkEntries} entries)`,
        );
        const bulk: BulkResult = await benchBulkImport(clients, server.baseUrl, {
          organizationId,
          toWeek,
          requests: PLAN.bulkRequests,
          entries: PLAN.bulkEntries,
        });
        log(`   ${bulk.entriesPerSecond} entries/s vs COPY ${bulk.copyEntriesPerSecond}/s = ${bulk.ratio}`);
        log(`== ${scale.members} members: ICS import, 10,000 events`);
        const ics: IcsResult = await benchIcsImport(clients, server.baseUrl, {
          organizationId,
          runs: PLAN.icsRuns,
          now,
        });
        log(
          `   ${ics.importMs} ms (parse ${ics.parseMs} ms; COPY of its ${ics.entriesCreated} rows ${ics.copyMs} ms)`,
        );
        log(`== ${scale.members} members: read latency (${PLAN.latencyIterations} calls each)`);
        const reads: ReadLatencyResult = await benchReadLatency(clients, server.baseUrl, scale, {
          iterations: PLAN.latencyIterations,
          warmUp: 5,
        });
        log(
          `   p50/p95 ms: series ${reads.series.p50}/${reads.series.p95}, team ${reads.team.p50}/${reads.team.p95}, org ${reads.org.p50}/${reads.org.p95}`,
        );
        log(`== ${scale.members} members: load on the weekly series (autocannon)`);
        const load: LoadResult = await benchLoad(server.baseUrl, scale, {
          connections: 10,
          seconds: PLAN.loadSeconds,
          rounds: PLAN.loadRounds,
        });
        log(
          `   ${load.series.requestsPerSecond} req/s vs bare ${load.bare.requestsPerSecond} req/s = ${load.ratio}`,
        );
        perScale.push({
          members: scale.members,
          weeks: scale.weeks,
          generate: {
            entries: scale.generate.generated,
            dayFacts: scale.generate.dayFacts,
            seconds: round(scale.generate.elapsedMs / 1000, 1),
            entriesPerSecond: Math.round(scale.generate.generated / (scale.generate.elapsedMs / 1000)),
          },
          bulk,
          ics,
          reads,
          load,
        });
      }
      log('\n== Flat in the number of entries (N vs 10N per member)');
      const flat = await benchFlat(clients, server.baseUrl, {
        weeks: PLAN.weeks,
        toWeek,
        iterations: PLAN.flatIterations,
        warmUp: 5,
      });
      log(`   series 10N/N ${flat.series.ratio}, team 10N/N ${flat.team.ratio}`);
      const serverMemory = await server.memory();
      await server.stop();

      log(`\n== ICS import of a ${PLAN.icsMegabytes} MB calendar: peak RSS of a fresh server process`);
      const icsMemory = await benchIcsMemory(clients, database.url, {
        organizationId: (scales[0] as ScaleData).organization.organizationId,
        megabytes: PLAN.icsMegabytes,
        now,
      });
      log(
        `   peak ${icsMemory.peakRssMb} MB (idle ${icsMemory.idleRssMb} MB), ${icsMemory.importMs} ms, status ${icsMemory.status}`,
      );

      const results: Results = {
        mode: quick ? 'quick' : 'full',
        startedAt: new Date(started).toISOString(),
        durationSeconds: Math.round((Date.now() - started) / 1000),
        machine: {
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model ?? 'unknown',
          memoryGb: round(os.totalmem() / 1024 ** 3, 1),
          node: process.version,
          postgres: version,
          database: process.env.DATABASE_URL ? 'external' : 'embedded',
          // Other work on the machine moves absolute times (less so the ratios): one-minute load
          // averages at the start and the end of the run.
          loadAverage: `${round(loadAtStart, 2)} -> ${round(os.loadavg()[0] ?? 0, 2)}`,
        },
        plan: PLAN,
        scales: perScale,
        flat,
        icsMemory,
        serverErrorLogs: serverMemory.errorLogs.length,
      };
      const markdown = renderMarkdown(results);
      const outDir = values.out ?? HERE;
      mkdirSync(outDir, { recursive: true });
      writeFileSync(path.join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
      writeFileSync(path.join(outDir, 'results.md'), markdown);
      log(`\n${markdown}`);
      log(`Written to ${path.join(outDir, 'results.json')} and results.md (${results.durationSeconds} s).`);
    } finally {
      await server.stop();
    }
  } finally {
    closeHttp();
    await Promise.all([db.$disconnect(), sql.end({ timeout: 5 })]);
    await database.drop();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
