import http from 'node:http';
import path from 'node:path';
import { Writable } from 'node:stream';
import { type App, type AppConfig, buildApp } from '../../../server/src/app.ts';
import { REPO_ROOT } from '../../../server/src/config.ts';
import { type GeneratedOrganization, generateData } from '../../../server/src/demo/generate.ts';
import { generateApiToken } from '../../../server/src/modules/tokens/token-secret.ts';

/**
 * What the reliability tests (tests/server/reliability/*.test.ts, quick) and the soak (bench/soak.ts,
 * long) share: an app whose error-level logs are captured, a plain HTTP client, a generated
 * organization to load, and request mixes. No vitest here: the soak runs outside it.
 */

export interface LoggedApp {
  app: App;
  /** Every log line at level error or above, as pino wrote it (JSON). */
  errorLogs: string[];
}

/** The app with its logger at `error`, writing into an array (the soak and tests assert it stays empty). */
export async function buildLoggedApp(
  databaseUrl: string,
  overrides: Partial<AppConfig> = {},
): Promise<LoggedApp> {
  const errorLogs: string[] = [];
  const app = await buildApp({
    databaseUrl,
    logLevel: 'error',
    corsOrigins: [],
    rateLimitPerMinute: 1_000_000_000,
    authRateLimitPerMinute: 1_000_000_000,
    webDistDir: path.join(REPO_ROOT, 'web', 'dist-absent-in-api-tests'),
    subscriptionsAllowHttp: true,
    ...overrides,
    fastify: {
      logger: {
        level: 'error',
        stream: new Writable({
          write(chunk, _encoding, done) {
            errorLogs.push(String(chunk));
            done();
          },
        }),
      },
    },
  });
  await app.ready();
  return { app, errorLogs };
}

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

export interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  /** Set when the request failed below HTTP (connection refused or reset, timeout). */
  error?: string;
}

/** A keep-alive HTTP client for a listening app; every request has a deadline. */
export function httpClient(baseUrl: string, options: { sockets?: number; timeoutMs?: number } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.sockets ?? 256 });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const send = (
    method: string,
    url: string,
    headers: Record<string, string> = {},
    body?: string | Buffer,
  ): Promise<Reply> =>
    new Promise((resolve) => {
      const request = http.request(new URL(url, baseUrl), { method, headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: response.headers,
          }),
        );
        response.on('error', (error) => resolve({ status: 0, body: '', headers: {}, error: error.message }));
      });
      request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      request.on('error', (error) => resolve({ status: 0, body: '', headers: {}, error: error.message }));
      request.end(body);
    });
  return { send, close: () => agent.destroy() };
}

export async function listen(app: App): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' });
}

// ---------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------

export interface Caller {
  memberId: string;
  headers: { authorization: string };
}

export interface LoadOrganization {
  organization: GeneratedOrganization;
  fromWeek: string;
  toWeek: string;
  admin: Caller;
  members: Caller[];
}

export async function tokenFor(app: App, organizationId: string, memberId: string): Promise<Caller> {
  const { token, prefix, hash } = generateApiToken();
  await app.db.apiToken.create({
    data: { organizationId, memberId, name: 'reliability', prefix, tokenHash: hash },
  });
  return { memberId, headers: { authorization: `Bearer ${token}` } };
}

/** A generated organization (teams of eight, real calendars through the write path) with tokens. */
export async function seedOrganization(
  app: App,
  options: { members: number; weeks: number; seed: number },
): Promise<LoadOrganization> {
  const result = await generateData({ db: app.db, sql: app.sql }, { orgs: 1, ...options, concurrency: 2 });
  const organization = result.organizations[0] as GeneratedOrganization;
  const admin = await tokenFor(app, organization.organizationId, organization.memberIds[0] as string);
  const members = await Promise.all(
    organization.memberIds.slice(1).map((id) => tokenFor(app, organization.organizationId, id)),
  );
  return { organization, fromWeek: result.fromWeek, toWeek: result.toWeek, admin, members };
}

// ---------------------------------------------------------------------------------------------
// Bodies
// ---------------------------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, '0');

/** `count` one-hour entries on consecutive weekdays from `firstDay` (UTC), as a bulk request body. */
export function bulkBody(prefix: string, count: number, firstDay = Date.UTC(2026, 0, 5)): string {
  const entries = Array.from({ length: count }, (_, i) => {
    const day = firstDay + Math.floor(i / 6) * 86_400_000;
    const start = day + (9 + (i % 6)) * 3_600_000;
    return {
      externalUid: `${prefix}-${i}`,
      title: i % 3 === 0 ? 'Focus time' : i % 3 === 1 ? 'Design review' : '1:1 sync',
      start: new Date(start).toISOString(),
      end: new Date(start + 3_000_000).toISOString(),
      timeZone: 'UTC',
      attendees: i % 3 === 0 ? 0 : 4,
    };
  });
  return JSON.stringify({ entries });
}

const icsStamp = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00Z`;
};

/** A calendar of `count` single events and one weekly series, inside [from, from + weeks). */
export function icsBody(prefix: string, count: number, from = Date.UTC(2026, 0, 5)): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tiltmeter reliability//EN',
    `X-WR-CALNAME:${prefix}`,
  ];
  for (let i = 0; i < count; i++) {
    const start = from + Math.floor(i / 4) * 86_400_000 + (9 + 2 * (i % 4)) * 3_600_000;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${prefix}-${i}@reliability.test`,
      'DTSTAMP:20260101T000000Z',
      `DTSTART:${icsStamp(start)}`,
      `DTEND:${icsStamp(start + 3_600_000)}`,
      `SUMMARY:${i % 2 === 0 ? 'Planning meeting' : 'Focus time'}`,
      ...(i % 2 === 0 ? ['ATTENDEE:mailto:a@example.test', 'ATTENDEE:mailto:b@example.test'] : []),
      'END:VEVENT',
    );
  }
  lines.push(
    'BEGIN:VEVENT',
    `UID:${prefix}-weekly@reliability.test`,
    'DTSTAMP:20260101T000000Z',
    `DTSTART:${icsStamp(from + 8 * 3_600_000)}`,
    `DTEND:${icsStamp(from + 8.5 * 3_600_000)}`,
    'RRULE:FREQ=WEEKLY;COUNT=6',
    'SUMMARY:Team sync',
    'ATTENDEE:mailto:a@example.test',
    'ATTENDEE:mailto:b@example.test',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  );
  return lines.join('\r\n');
}

/** The import window the bodies above fall into. */
export const WINDOW = 'from=2026-01-01T00:00:00Z&to=2026-07-01T00:00:00Z';

/** A CSV in Tiltmeter's own format. */
export function csvBody(count: number): string {
  const rows = ['title,start,end,time_zone,attendees'];
  for (let i = 0; i < count; i++) {
    const day = 5 + Math.floor(i / 4);
    const hour = 9 + 2 * (i % 4);
    rows.push(
      `${i % 2 === 0 ? 'Focus time' : 'Design review'},2026-01-${pad(day)}T${pad(hour)}:00,2026-01-${pad(day)}T${pad(hour + 1)}:00,UTC,${i % 2 === 0 ? 0 : 3}`,
    );
  }
  return `${rows.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Load
// ---------------------------------------------------------------------------------------------

export interface LoadResult {
  requests: number;
  byStatus: Record<string, number>;
  /** Requests answered 5xx or not at all, with what was asked. */
  failures: string[];
  /** A few requests answered 4xx, with what was asked (the mix expects none). */
  refused: string[];
  imports: number;
  /** Milliseconds per kind of request (the path without its query or ids), answered or not. */
  latencies: Record<string, number[]>;
}

/** p50 and max per kind of request, slowest first: where a load run spent its time. */
export function latencySummary(latencies: Record<string, number[]>): string {
  return Object.entries(latencies)
    .map(([kind, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return { kind, p50: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
    })
    .sort((a, b) => b.max - a.max)
    .map(({ kind, p50, max }) => `${kind} p50 ${Math.round(p50)} ms, max ${Math.round(max)} ms`)
    .join('; ');
}

/**
 * `clients` concurrent clients, each looping for `seconds` over a mix of reads (weekly series, week
 * detail, team, org, entries, health) and writes (bulk entries, ICS and CSV imports of its own).
 */
export async function runLoad(
  baseUrl: string,
  data: LoadOrganization,
  options: { clients: number; seconds: number; minRounds?: number },
): Promise<LoadResult> {
  const client = httpClient(baseUrl, { sockets: options.clients + 8 });
  const result: LoadResult = {
    requests: 0,
    byStatus: {},
    failures: [],
    refused: [],
    imports: 0,
    latencies: {},
  };
  const range = `from=${data.fromWeek}&to=${data.toWeek}`;
  const team = data.organization.teams[0];
  const deadline = Date.now() + options.seconds * 1000;
  const json = { 'content-type': 'application/json' };

  await Promise.all(
    Array.from({ length: options.clients }, async (_, index) => {
      const me = data.members[index % data.members.length] as Caller;
      let round = 0;
      // At least minRounds requests per client, however slow the machine: each round is another kind.
      while (Date.now() < deadline || round < (options.minRounds ?? 0)) {
        round++;
        const kind = (index + round) % 10;
        let method = 'GET';
        let url: string;
        let headers: Record<string, string> = me.headers;
        let body: string | undefined;
        if (kind === 0) url = `/api/v1/me/weeks?${range}`;
        else if (kind === 1) url = `/api/v1/me/weeks/${data.toWeek}`;
        else if (kind === 2)
          [url, headers] = [`/api/v1/teams/${team?.id}/metrics?${range}`, data.admin.headers];
        else if (kind === 3) [url, headers] = [`/api/v1/org/metrics?${range}`, data.admin.headers];
        else if (kind === 4) url = `/api/v1/entries?${WINDOW}`;
        else if (kind === 5) [url, headers] = ['/api/health', {}];
        else if (kind === 6) {
          [method, url, headers] = ['POST', '/api/v1/entries/bulk', { ...me.headers, ...json }];
          body = bulkBody(`load-${index}-${round % 3}`, 60);
        } else if (kind === 7) {
          [method, url, headers] = [
            'POST',
            `/api/v1/imports/ics?${WINDOW}&calendar=load-${index}`,
            {
              ...me.headers,
              'content-type': 'text/calendar',
            },
          ];
          body = icsBody(`load-${index}-${round % 2}`, 40);
        } else if (kind === 8) {
          [method, url, headers] = [
            'POST',
            '/api/v1/imports/csv',
            { ...me.headers, 'content-type': 'text/csv' },
          ];
          body = csvBody(20);
        } else url = '/api/v1/me';
        const started = performance.now();
        const reply = await client.send(method, url, headers, body);
        const label = `${method} ${url.split('?')[0]?.replace(/\/[0-9a-f-]{36}|\/\d{4}-W\d{2}/g, '/:id')}`;
        const latencies = result.latencies[label] ?? [];
        latencies.push(performance.now() - started);
        result.latencies[label] = latencies;
        result.requests++;
        if (method === 'POST') result.imports++;
        const key = reply.error ? 'no answer' : String(reply.status);
        result.byStatus[key] = (result.byStatus[key] ?? 0) + 1;
        if (reply.status >= 400 && reply.status < 500 && result.refused.length < 10) {
          result.refused.push(`${method} ${url}: ${reply.status} ${reply.body.slice(0, 200)}`);
        }
        if (reply.error || reply.status >= 500) {
          result.failures.push(
            `${method} ${url}: ${reply.error ?? `${reply.status} ${reply.body.slice(0, 200)}`}`,
          );
        }
      }
    }),
  );
  client.close();
  return result;
}

// ---------------------------------------------------------------------------------------------
// Seeded fuzzing
// ---------------------------------------------------------------------------------------------

/** Characters that break naive text handling. */
export const NASTY = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\u202e',
  '\u200f',
  '\ufeff',
  '😀',
  '👩‍👩‍👧‍👦',
  '\r',
  '\n',
  '\t',
  '\\',
  '"',
  ',',
  ';',
  ':',
  '\u0085',
  '\u2028',
  'é',
  'ß',
  '\uffff',
];

/** One seeded mutation of a text: the kinds of damage files pick up on their way to an upload. */
export function mutate(text: string, random: () => number): string {
  const lines = text.split(/\r?\n/);
  const pick = (max: number) => Math.floor(random() * max);
  const nasty = () => NASTY[pick(NASTY.length)] as string;
  switch (pick(12)) {
    case 0: // drop a line
      lines.splice(pick(lines.length), 1);
      return lines.join('\r\n');
    case 1: // duplicate a line
      lines.splice(pick(lines.length), 0, lines[pick(lines.length)] ?? '');
      return lines.join('\r\n');
    case 2: // swap two lines
      {
        const a = pick(lines.length);
        const b = pick(lines.length);
        [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
        return lines.join('\r\n');
      }
    case 3: // truncate (a cut-off download)
      return text.slice(0, pick(text.length));
    case 4: // insert nasty characters somewhere
      {
        let out = text;
        for (let i = 0; i < 1 + pick(5); i++) {
          const at = pick(out.length);
          out = out.slice(0, at) + nasty() + out.slice(at);
        }
        return out;
      }
    case 5: // overwrite a run of characters with random code units
      {
        const at = pick(text.length);
        const run = Array.from({ length: 1 + pick(20) }, () => String.fromCharCode(pick(0x10000))).join('');
        return text.slice(0, at) + run + text.slice(at + run.length);
      }
    case 6: // a very long line (10,000 characters) in the middle
      {
        const at = pick(lines.length);
        lines.splice(at, 0, `${(lines[at] ?? 'X').split(/[:,]/)[0]}:${'x'.repeat(10_000)}`);
        return lines.join('\r\n');
      }
    case 7: // digits changed (dates, times, counts)
      return text.replace(/\d/g, (digit) => (random() < 0.05 ? String(pick(10)) : digit));
    case 8: // case flipped
      return text.replace(/[a-z]/gi, (c) =>
        random() < 0.1 ? (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) : c,
      );
    case 9: // delimiters removed
      return text.replace(/[:,;{}[\]"]/g, (c) => (random() < 0.05 ? '' : c));
    case 10: // line endings mixed
      return lines.join(random() < 0.5 ? '\n' : '\r');
    default: // two mutations
      return mutate(mutate(text, random), random);
  }
}
