import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseIcs } from '../../server/src/modules/imports/ics-parse.ts';
import { defaultImportWindow } from '../../server/src/modules/imports/imports.service.ts';
import type { Db, Sql } from '../../server/src/plugins/database.ts';
import { bulkEntries, freshMember } from '../lib/dataset.ts';
import { request, uploadFile } from '../lib/http.ts';
import { largeCalendar, tenThousandEventCalendar } from '../lib/ics-fixture.ts';
import { startServerProcess } from '../lib/server-process.ts';
import { mb, median, round, timed } from '../lib/stats.ts';

export interface Clients {
  db: Db;
  sql: Sql;
}

// ---------------------------------------------------------------------------------------------
// The baseline: PostgreSQL COPY of the same rows into a plain table (no index, no constraint)
// ---------------------------------------------------------------------------------------------

const COPY_COLUMNS = [
  'id',
  'organization_id',
  'member_id',
  'title',
  'start_at',
  'end_at',
  'time_zone',
  'all_day',
  'attendees',
  'organizer',
  'rsvp',
  'show_as',
  'status',
  'source',
  'calendar',
  'external_uid',
  'series_id',
  'import_batch_id',
  'subscription_id',
  'edited_by_member',
  'category',
  'subtype',
  'reason',
  'rule_id',
  'override_category',
  'override_subtype',
  'overridden',
  'created_at',
  'updated_at',
];

const copyText = (value: string | null) =>
  value === null
    ? '\\N'
    : value.replace(/[\\\t\n\r]/g, (c) =>
        c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\\\',
      );

export interface CopyRow {
  title: string | null;
  start: string;
  end: string;
  timeZone: string;
  allDay: boolean;
  attendees: number;
  externalUid: string | null;
}

/** COPYs rows shaped like entries (every column, same text format) into a plain table; returns ms. */
export async function copyBaseline(sql: Sql, rows: readonly CopyRow[]): Promise<number> {
  await sql.unsafe('CREATE TABLE IF NOT EXISTS bench_copy_entries (LIKE entries)');
  await sql.unsafe('TRUNCATE bench_copy_entries');
  const now = new Date().toISOString();
  const { ms } = await timed(async () => {
    const chunks = (function* () {
      let chunk = '';
      let i = 0;
      for (const row of rows) {
        const values = [
          `00000000-0000-7000-8000-${String(i++).padStart(12, '0')}`,
          'bench-org',
          'bench-member',
          row.title,
          row.start,
          row.end,
          row.timeZone,
          row.allDay ? 't' : 'f',
          String(row.attendees),
          't',
          'accepted',
          'busy',
          'confirmed',
          'api',
          'api',
          row.externalUid,
          null,
          null,
          null,
          'f',
          'maker',
          null,
          'Rule "Focus blocks": title says "focus"',
          null,
          null,
          null,
          'f',
          now,
          now,
        ];
        chunk += `${values.map(copyText).join('\t')}\n`;
        if (chunk.length >= 256 * 1024) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    })();
    const writable = await sql
      .unsafe(`COPY bench_copy_entries (${COPY_COLUMNS.join(', ')}) FROM STDIN`)
      .writable();
    await pipeline(Readable.from(chunks), writable);
  });
  return ms;
}

/**
 * What the database alone spends storing the rows just COPYed as entries: one INSERT ... SELECT from
 * the plain table into `entries` (its five indexes, unique key and foreign-key checks), for a real
 * member, rolled back. Not a baseline: it shows how much of the gap to COPY is the schema's own work.
 */
export async function entriesInsertFloor(sql: Sql, scope: { organizationId: string; memberId: string }) {
  const columns = COPY_COLUMNS.filter((column) => !['id', 'organization_id', 'member_id'].includes(column));
  let ms = 0;
  await sql
    .begin(async (tx) => {
      const started = performance.now();
      await tx.unsafe(
        `INSERT INTO entries (id, organization_id, member_id, ${columns.join(', ')})
         SELECT gen_random_uuid()::text, $1, $2, ${columns.map((column) => (column === 'external_uid' ? `'floor-' || ${column}` : column)).join(', ')}
           FROM bench_copy_entries`,
        [scope.organizationId, scope.memberId],
      );
      ms = performance.now() - started;
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return ms;
}

class RolledBack extends Error {}

// ---------------------------------------------------------------------------------------------
// POST /api/v1/entries/bulk
// ---------------------------------------------------------------------------------------------

export interface BulkResult {
  requests: number;
  entriesPerRequest: number;
  /** Median over the requests, client-measured (send, parse, validate, classify, write, facts, answer). */
  entriesPerSecond: number;
  copyEntriesPerSecond: number;
  /** entriesPerSecond / copyEntriesPerSecond. */
  ratio: number;
  /** Entries/s of the database's own INSERT of the same rows into `entries` (see entriesInsertFloor). */
  databaseEntriesPerSecond: number;
  requestMs: number[];
  copyMs: number[];
  insertMs: number[];
}

export async function benchBulkImport(
  clients: Clients,
  baseUrl: string,
  options: { organizationId: string; toWeek: string; requests: number; entries: number },
): Promise<BulkResult> {
  // Warm-up: the first write of a process compiles its queries and code paths.
  const warm = await freshMember(clients.db, options.organizationId, 'bulk-warm');
  await request(baseUrl, {
    method: 'POST',
    path: '/api/v1/entries/bulk',
    headers: { ...warm.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ entries: bulkEntries('warm', options.toWeek as never, 500) }),
  });
  const requestMs: number[] = [];
  const copyMs: number[] = [];
  const insertMs: number[] = [];
  for (let i = 0; i < options.requests; i++) {
    const member = await freshMember(clients.db, options.organizationId, `bulk-${i}`);
    const entries = bulkEntries(`bulk-${i}`, options.toWeek as never, options.entries);
    const body = JSON.stringify({ entries });
    const { ms, result } = await timed(() =>
      request(baseUrl, {
        method: 'POST',
        path: '/api/v1/entries/bulk',
        headers: { ...member.headers, 'content-type': 'application/json' },
        body,
      }),
    );
    if (result.status !== 200) throw new Error(`bulk import: ${result.status} ${result.body.slice(0, 500)}`);
    const created = (JSON.parse(result.body) as { created: number }).created;
    if (created !== entries.length) throw new Error(`bulk import created ${created} of ${entries.length}`);
    requestMs.push(ms);
    copyMs.push(
      await copyBaseline(
        clients.sql,
        entries.map((entry) => ({
          ...entry,
          externalUid: entry.externalUid ?? null,
          title: entry.title ?? null,
        })),
      ),
    );
    insertMs.push(
      await entriesInsertFloor(clients.sql, {
        organizationId: options.organizationId,
        memberId: member.memberId,
      }),
    );
  }
  const entriesPerSecond = options.entries / (median(requestMs) / 1000);
  const copyEntriesPerSecond = options.entries / (median(copyMs) / 1000);
  const databaseEntriesPerSecond = options.entries / (median(insertMs) / 1000);
  return {
    requests: options.requests,
    entriesPerRequest: options.entries,
    entriesPerSecond: Math.round(entriesPerSecond),
    copyEntriesPerSecond: Math.round(copyEntriesPerSecond),
    ratio: round(entriesPerSecond / copyEntriesPerSecond, 3),
    databaseEntriesPerSecond: Math.round(databaseEntriesPerSecond),
    requestMs: requestMs.map((value) => round(value, 1)),
    copyMs: copyMs.map((value) => round(value, 1)),
    insertMs: insertMs.map((value) => round(value, 1)),
  };
}

// ---------------------------------------------------------------------------------------------
// ICS: the 10,000-event calendar
// ---------------------------------------------------------------------------------------------

export interface IcsResult {
  events: number;
  bytes: number;
  entriesCreated: number;
  skipped: number;
  /** Median end-to-end import time (upload, parse, expand, classify, write, facts, answer). */
  importMs: number;
  /** Median time of parseIcs alone on the same text (in the benchmark process). */
  parseMs: number;
  /** Median time to COPY the same number of rows into a plain table. */
  copyMs: number;
  /** importMs / copyMs. */
  ratio: number;
  runs: number[];
}

export async function benchIcsImport(
  clients: Clients,
  baseUrl: string,
  options: { organizationId: string; runs: number; now: Date },
): Promise<IcsResult> {
  const fixture = tenThousandEventCalendar(options.now);
  const runs: number[] = [];
  const copyMs: number[] = [];
  const parseMs: number[] = [];
  let created = 0;
  let skipped = 0;
  for (let i = -1; i < options.runs; i++) {
    // Run -1 is a warm-up on its own member.
    const member = await freshMember(clients.db, options.organizationId, `ics-${i}`);
    const { ms, result } = await timed(() =>
      request(baseUrl, {
        method: 'POST',
        path: '/api/v1/imports/ics',
        headers: { ...member.headers, 'content-type': 'text/calendar' },
        body: fixture.text,
      }),
    );
    if (result.status !== 200) throw new Error(`ICS import: ${result.status} ${result.body.slice(0, 500)}`);
    const body = JSON.parse(result.body) as { created: number; skipped: number };
    if (i < 0) continue;
    runs.push(ms);
    created = body.created;
    skipped = body.skipped;
    const parsed = await timed(async () =>
      parseIcs(fixture.text, {
        memberEmails: ['alice@example.test'],
        memberTimeZone: 'Europe/Berlin',
        window: defaultImportWindow(options.now),
        maxOccurrencesPerSeries: 1_000,
      }),
    );
    parseMs.push(parsed.ms);
    copyMs.push(
      await copyBaseline(
        clients.sql,
        parsed.result.entries.map((entry) => ({
          title: entry.title,
          start: entry.start.toISOString(),
          end: entry.end.toISOString(),
          timeZone: entry.timeZone,
          allDay: entry.allDay,
          attendees: entry.attendees,
          externalUid: entry.externalUid,
        })),
      ),
    );
  }
  return {
    events: fixture.events,
    bytes: Buffer.byteLength(fixture.text),
    entriesCreated: created,
    skipped,
    importMs: round(median(runs), 1),
    parseMs: round(median(parseMs), 1),
    copyMs: round(median(copyMs), 1),
    ratio: round(median(runs) / median(copyMs), 2),
    runs: runs.map((value) => round(value, 1)),
  };
}

// ---------------------------------------------------------------------------------------------
// ICS: peak memory on a 50 MB calendar, in a server process of its own
// ---------------------------------------------------------------------------------------------

export interface IcsMemoryResult {
  megabytes: number;
  events: number;
  status: number;
  entriesCreated: number;
  importMs: number;
  /** RSS of the idle server process after a warm-up import: the baseline. */
  idleRssMb: number;
  /** VmHWM during the import (reset just before it). */
  peakRssMb: number;
  sampledPeakRssMb: number;
  /** peakRssMb / idleRssMb. */
  ratio: number;
}

export async function benchIcsMemory(
  clients: Clients,
  databaseUrl: string,
  options: { organizationId: string; megabytes: number; now: Date },
): Promise<IcsMemoryResult> {
  const fixture = largeCalendar(options.now, options.megabytes * 1_000_000);
  const file = path.join(tmpdir(), `tiltmeter-bench-${process.pid}.ics`);
  writeFileSync(file, fixture.text);
  const megabytes = round(Buffer.byteLength(fixture.text) / 1_000_000, 1);
  const server = await startServerProcess(databaseUrl);
  try {
    const warm = await freshMember(clients.db, options.organizationId, 'ics-memory-warm');
    const small = tenThousandEventCalendar(options.now).text.slice(0, 200_000);
    await request(server.baseUrl, {
      method: 'POST',
      path: '/api/v1/imports/ics',
      headers: { ...warm.headers, 'content-type': 'text/calendar' },
      body: `${small.slice(0, small.lastIndexOf('END:VEVENT') + 'END:VEVENT'.length)}\r\nEND:VCALENDAR\r\n`,
    });
    const member = await freshMember(clients.db, options.organizationId, 'ics-memory');
    const idle = await server.resetPeak();
    const { ms, result } = await timed(() =>
      uploadFile(server.baseUrl, {
        path: '/api/v1/imports/ics',
        file,
        headers: { ...member.headers, 'content-type': 'text/calendar' },
      }),
    );
    const after = await server.memory();
    const created =
      result.status === 200 ? (JSON.parse(result.body) as { created: number }).created : Number.NaN;
    return {
      megabytes,
      events: fixture.events,
      status: result.status,
      entriesCreated: created,
      importMs: round(ms, 0),
      idleRssMb: mb(idle.rssBytes),
      peakRssMb: mb(after.peakBytes),
      sampledPeakRssMb: mb(after.sampledPeakBytes),
      ratio: round(after.peakBytes / idle.rssBytes, 2),
    };
  } finally {
    await server.stop();
  }
}
