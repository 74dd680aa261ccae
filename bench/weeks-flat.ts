/**
 * Does GET /api/v1/me/weeks cost the same at ten times the entries? It reads stored day facts (one
 * grouped scan of at most 7 rows per week), never the entries, so it should.
 *
 *   npx tsx bench/weeks-flat.ts            (DATABASE_URL: a PostgreSQL server to create a scratch
 *                                           database on; without it, a throwaway embedded server)
 *
 * Two members get the same 52 weeks of calendar (from the demo generator): one as generated (N
 * entries), the other with every entry logged in ten consecutive pieces, as a fine-grained time
 * tracker would (10N entries, 10N meetings in the day facts' details). Both go through the real write
 * path. Then each member's 52-week series is requested 50 times (after a warm-up) through the app,
 * and, for contrast, the same series is computed once from the raw entries.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../server/src/app.ts';
import { REPO_ROOT } from '../server/src/config.ts';
import { startEmbeddedPostgres } from '../server/src/db/embedded-postgres.ts';
import { applyMigrations } from '../server/src/db/migrations.ts';
import { generateWeek, type Ritual, type WeekPlan } from '../server/src/demo/calendar.ts';
import { randomFor } from '../server/src/demo/prng.ts';
import {
  addIsoWeeks,
  computeDayFacts,
  datesOfIsoWeek,
  dayBounds,
  isoWeekOf,
} from '../server/src/engine/index.ts';
import { scopedDb } from '../server/src/lib/tenant-db.ts';
import { selectCountedEntriesBetween } from '../server/src/modules/entries/entry-store.sql.ts';
import {
  type IncomingEntry,
  loadWriteContext,
  syncCalendar,
} from '../server/src/modules/entries/entry-writer.ts';
import { loadMetricContext } from '../server/src/modules/facts/metric-context.ts';
import { addMembership } from '../server/src/modules/members/members.service.ts';
import { selectWeekAggregates } from '../server/src/modules/metrics/metrics.sql.ts';
import { createOrganizationWithAdmin } from '../server/src/modules/organizations/organizations.service.ts';
import { generateApiToken } from '../server/src/modules/tokens/token-secret.ts';

const WEEKS = 52;
const CALLS = 50;
const WARM_UP = 5;
const SPLIT = 10;
const ZONE = 'Europe/Berlin';

async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const external = process.env.DATABASE_URL;
  const name = `tiltmeter_bench_${randomBytes(4).toString('hex')}`;
  let adminUrl: string;
  let stop = async () => {};
  if (external) {
    adminUrl = external;
  } else {
    const parent = mkdtempSync(path.join(tmpdir(), 'tiltmeter-bench-'));
    chmodSync(parent, 0o755);
    const server = await startEmbeddedPostgres({
      dataDir: path.join(parent, 'postgres'),
      port: 20_000 + Math.floor(Math.random() * 20_000),
      database: 'postgres',
      persistent: false,
    });
    adminUrl = server.adminUrl;
    stop = () => server.stop();
  }
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await stop();
    },
  };
}

const plan: WeekPlan = {
  off: false,
  makerShare: 0.55,
  zeroMaker: false,
  protectedWeekdays: [],
  placement: 'anywhere',
  adHoc: [
    { title: 'Design review', attendees: 5 },
    { title: 'Quick sync', attendees: 3 },
    { title: 'Customer call', attendees: 4 },
  ],
  makerTitles: ['Focus time', 'Coding', 'Code review'],
  lateEvenings: 0,
  saturday: false,
};
const rituals: Ritual[] = [1, 2, 3, 4, 5].map((weekday) => ({
  seriesId: 'bench-standup',
  title: 'Daily standup',
  weekday,
  start: '10:30',
  minutes: 30,
  zone: ZONE,
  participants: ['bench', 'someone', 'else'],
  organizer: 'bench',
  every: 1,
}));

/** 52 weeks of one person's calendar; with `split`, every entry in `split` consecutive pieces. */
function calendar(toWeek: string, split: number): IncomingEntry[] {
  const entries: IncomingEntry[] = [];
  for (let index = 0; index < WEEKS; index++) {
    const week = addIsoWeeks(toWeek, index - (WEEKS - 1));
    for (const entry of generateWeek(
      { key: 'bench', timeZone: ZONE },
      week,
      plan,
      rituals,
      randomFor('bench', week),
    )) {
      const start = entry.start.getTime();
      const piece = (entry.end.getTime() - start) / split;
      for (let i = 0; i < split; i++) {
        entries.push({
          ...entry,
          externalUid: `${entry.externalUid}#${i}`,
          start: new Date(start + Math.round(i * piece)),
          end: new Date(start + Math.round((i + 1) * piece)),
        });
      }
    }
  }
  return entries;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const ms = (value: number) => value.toFixed(1).padStart(8);

async function main() {
  const database = await scratchDatabase();
  process.stdout.write(`Scratch database ready; applying migrations\n`);
  try {
    await applyMigrations(database.url);
    const app = await buildApp({
      databaseUrl: database.url,
      logLevel: 'silent',
      corsOrigins: [],
      rateLimitPerMinute: 1_000_000,
      webDistDir: path.join(REPO_ROOT, 'web', 'dist-absent-in-bench'),
    });
    await app.ready();
    try {
      const db = app.db;
      const owner = await db.user.create({
        data: { name: 'Bench N', email: `bench-${randomBytes(3).toString('hex')}@example.test` },
      });
      const { organizationId, memberId: smallId } = await createOrganizationWithAdmin(db, {
        userId: owner.id,
        name: 'Bench',
        timeZone: ZONE,
      });
      const other = await db.user.create({
        data: { name: 'Bench 10N', email: `bench-${randomBytes(3).toString('hex')}@example.test` },
      });
      const { memberId: largeId } = await addMembership(db, {
        organizationId,
        userId: other.id,
        role: 'member',
        timeZone: ZONE,
      });
      const tenant = scopedDb(db, organizationId);
      const toWeek = isoWeekOf(Date.now(), ZONE);
      const fromWeek = addIsoWeeks(toWeek, -(WEEKS - 1));

      interface Subject {
        label: string;
        memberId: string;
        entries: number;
        facts: number;
        writeMs: number;
        request: () => Promise<LightMyRequestResponse>;
        timings: number[];
        sqlTimings: number[];
        rawMs: number;
      }
      const subjects: Subject[] = [];
      for (const [label, memberId, split] of [
        ['N', smallId, 1],
        [`${SPLIT}N`, largeId, SPLIT],
      ] as const) {
        const entries = calendar(toWeek, split);
        const writeStart = performance.now();
        await syncCalendar(
          app.sql,
          { organizationId, memberId },
          await loadWriteContext(tenant, memberId),
          { source: 'api', calendar: 'bench', removeMissing: true },
          entries,
        );
        const writeMs = performance.now() - writeStart;
        const [counted] = await app.sql<{ facts: number }[]>`
          SELECT count(*)::int AS facts FROM member_day_facts WHERE organization_id = ${organizationId} AND member_id = ${memberId}`;
        const { token, prefix, hash } = generateApiToken();
        await db.apiToken.create({
          data: { organizationId, memberId, name: 'bench', prefix, tokenHash: hash },
        });
        subjects.push({
          label,
          memberId,
          entries: entries.length,
          facts: counted?.facts ?? 0,
          writeMs,
          request: () =>
            app.inject({
              method: 'GET',
              url: `/api/v1/me/weeks?from=${fromWeek}&to=${toWeek}`,
              headers: { authorization: `Bearer ${token}` },
            }),
          timings: [],
          sqlTimings: [],
          rawMs: 0,
        });
      }
      // As after any bulk write, let PostgreSQL's statistics catch up (autovacuum would, given time).
      await app.sql`ANALYZE member_day_facts`;

      for (const subject of subjects) for (let i = 0; i < WARM_UP; i++) await subject.request();
      // Interleaved, so drift in the machine's load hits both members alike.
      const lookbackFrom = addIsoWeeks(fromWeek, -52);
      for (let i = 0; i < CALLS; i++) {
        for (const subject of subjects) {
          const start = performance.now();
          const response = await subject.request();
          subject.timings.push(performance.now() - start);
          if (response.statusCode !== 200) throw new Error(`weeks: ${response.statusCode} ${response.body}`);
          const sqlStart = performance.now();
          await selectWeekAggregates(
            app.sql,
            { organizationId, memberIds: [subject.memberId] },
            {
              fromDate: datesOfIsoWeek(lookbackFrom)[0] as string,
              toDate: datesOfIsoWeek(toWeek)[6] as string,
            },
          );
          subject.sqlTimings.push(performance.now() - sqlStart);
        }
      }

      // For contrast: what the endpoint avoids, the same weeks computed from the raw entries.
      for (const subject of subjects) {
        const context = await loadMetricContext(tenant, subject.memberId);
        const rawStart = performance.now();
        const raw = await selectCountedEntriesBetween(
          app.sql,
          { organizationId, memberId: subject.memberId },
          new Date(dayBounds(datesOfIsoWeek(fromWeek)[0] as string, ZONE).start),
          new Date(dayBounds(datesOfIsoWeek(toWeek)[6] as string, ZONE).end),
        );
        for (let i = 0; i < WEEKS; i++) {
          for (const date of datesOfIsoWeek(addIsoWeeks(fromWeek, i))) {
            const bounds = dayBounds(date, ZONE);
            computeDayFacts(
              raw.filter((e) => e.start.getTime() < bounds.end && e.end.getTime() > bounds.start),
              date,
              context,
            );
          }
        }
        subject.rawMs = performance.now() - rawStart;
      }

      const rows = subjects.map((subject) => {
        const timings = [...subject.timings].sort((a, b) => a - b);
        const sqlTimings = [...subject.sqlTimings].sort((a, b) => a - b);
        return [
          subject.label,
          String(subject.entries),
          String(subject.facts),
          (subject.writeMs / 1000).toFixed(1),
          ms(timings.reduce((a, b) => a + b, 0) / CALLS),
          ms(percentile(timings, 0.5)),
          ms(percentile(timings, 0.95)),
          ms(percentile(sqlTimings, 0.5)),
          ms(subject.rawMs),
        ];
      });

      process.stdout.write(
        `\nGET /api/v1/me/weeks?from=${fromWeek}&to=${toWeek} (${WEEKS} weeks), ${CALLS} calls each after ${WARM_UP} warm-up calls\n\n`,
      );
      const header = [
        'member',
        'entries',
        'facts',
        'write s',
        'mean ms',
        'p50 ms',
        'p95 ms',
        'sql p50 ms',
        'raw ms',
      ];
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').trim().length)));
      const line = (cells: string[]) => cells.map((c, i) => c.trim().padStart(widths[i] ?? 0)).join('  ');
      process.stdout.write(`${line(header)}\n${rows.map(line).join('\n')}\n`);
      const [small, large] = rows.map((r) => Number(r[4]));
      process.stdout.write(
        `\nmean(${SPLIT}N) / mean(N) = ${((large ?? 0) / (small ?? 1)).toFixed(2)}  ` +
          `(sql p50: the grouped read of the day facts alone, 104 weeks with the lookback; raw ms: the same 52 weeks computed once from the entries, what the endpoint does not do)\n`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await database.drop();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
