import http from 'node:http';
import type { App } from '../../../server/src/app.ts';
import { mulberry32 } from '../../../server/src/demo/prng.ts';
import { createMemberWithToken, type TestMember } from '../../helpers/auth.ts';
import { bulkBody, csvBody, icsBody, mutate, WINDOW } from './support.ts';

/**
 * Bad input, shared by the quick test and the soak: seeded mutations of valid ICS, CSV and JSON bodies,
 * wrong content types, oversized headers. Every answer must be below 500, and a refused upload must
 * leave the member's entries exactly as they were; an accepted one must change them by exactly what
 * it reports.
 */

export interface Finding {
  what: string;
  problem: string;
}

interface Upload {
  url: string;
  contentType: string;
  body: string;
}

/** Sends an upload and checks the two rules; returns the status. */
async function checkedUpload(
  app: App,
  member: TestMember,
  upload: Upload,
  what: string,
  findings: Finding[],
) {
  const count = () => app.db.entry.count({ where: { memberId: member.memberId } });
  const before = await count();
  const response = await app.inject({
    method: 'POST',
    url: upload.url,
    headers: { ...member.headers, 'content-type': upload.contentType },
    payload: upload.body,
  });
  const after = await count();
  if (response.statusCode >= 500) {
    findings.push({ what, problem: `${response.statusCode} ${response.body.slice(0, 300)}` });
  } else if (response.statusCode >= 400) {
    if (after !== before)
      findings.push({
        what,
        problem: `refused (${response.statusCode}) but entries went ${before} -> ${after}`,
      });
  } else {
    const result = response.json() as { created?: number; removed?: number };
    const expected = before + (result.created ?? 0) - (result.removed ?? 0);
    if (after !== expected) {
      findings.push({
        what,
        problem: `accepted, reported +${result.created} -${result.removed ?? 0}, but entries went ${before} -> ${after}`,
      });
    }
  }
  return response.statusCode;
}

export interface FuzzResult {
  uploads: number;
  byStatus: Record<string, number>;
  findings: Finding[];
}

/** `rounds` mutations each of a valid ICS, CSV and bulk JSON body, from `seed`. */
export async function fuzzUploads(app: App, options: { seed: number; rounds: number }): Promise<FuzzResult> {
  const member = await createMemberWithToken(app, {
    timeZone: 'Europe/Berlin',
    email: `fuzz-${options.seed}@example.test`,
  });
  const samples: Upload[] = [
    { url: `/api/v1/imports/ics?${WINDOW}`, contentType: 'text/calendar', body: icsBody('fuzz', 24) },
    { url: '/api/v1/imports/csv', contentType: 'text/csv', body: csvBody(16) },
    { url: '/api/v1/entries/bulk', contentType: 'application/json', body: bulkBody('fuzz', 24) },
  ];
  const result: FuzzResult = { uploads: 0, byStatus: {}, findings: [] };
  for (let round = 0; round < options.rounds; round++) {
    for (const [index, sample] of samples.entries()) {
      const seed = options.seed * 100_000 + round * 10 + index;
      const body = mutate(sample.body, mulberry32(seed));
      const status = await checkedUpload(
        app,
        member,
        { ...sample, body },
        `${sample.contentType} mutation seed ${seed}`,
        result.findings,
      );
      result.uploads++;
      result.byStatus[status] = (result.byStatus[status] ?? 0) + 1;
    }
  }
  return result;
}

/** The same valid bodies under the wrong content types, and types that say nothing. */
export async function wrongContentTypes(app: App): Promise<FuzzResult> {
  const member = await createMemberWithToken(app);
  const ics = icsBody('types', 4);
  const json = bulkBody('types', 4);
  const cases: [string, string, string][] = [
    ['/api/v1/entries/bulk', 'text/plain', json],
    ['/api/v1/entries/bulk', 'text/calendar', json],
    ['/api/v1/entries/bulk', 'application/x-www-form-urlencoded', 'entries=1'],
    [
      '/api/v1/entries/bulk',
      'multipart/form-data; boundary=x',
      `--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n${json}\r\n--x--\r\n`,
    ],
    ['/api/v1/entries/bulk', 'application/json; charset=utf-16', json],
    ['/api/v1/entries/bulk', 'application/xml', '<entries/>'],
    ['/api/v1/entries/bulk', '', json],
    [`/api/v1/imports/ics?${WINDOW}`, 'application/json', JSON.stringify({ ics })],
    [`/api/v1/imports/ics?${WINDOW}`, 'image/png', ics],
    [
      `/api/v1/imports/ics?${WINDOW}`,
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="note"\r\n\r\nno file\r\n--x--\r\n',
    ],
    [`/api/v1/imports/ics?${WINDOW}`, 'multipart/form-data', ics],
    [`/api/v1/imports/ics?${WINDOW}`, 'text/calendar; charset=latin1', ics.replace('Team sync', 'Caf\u00e9')],
    ['/api/v1/imports/csv', 'application/json', '{"csv":"title,start"}'],
    ['/api/v1/imports/csv', 'text/csv', '\u0000\u0001\u0002'],
    ['/api/v1/imports/csv', 'text/csv', '\ufeff'],
  ];
  const result: FuzzResult = { uploads: 0, byStatus: {}, findings: [] };
  for (const [url, contentType, body] of cases) {
    const headers: Record<string, string> = { ...member.headers };
    if (contentType) headers['content-type'] = contentType;
    const before = await app.db.entry.count({ where: { memberId: member.memberId } });
    const response = await app.inject({ method: 'POST', url, headers, payload: body });
    const after = await app.db.entry.count({ where: { memberId: member.memberId } });
    result.uploads++;
    result.byStatus[response.statusCode] = (result.byStatus[response.statusCode] ?? 0) + 1;
    const what = `${url.split('?')[0]} as "${contentType}"`;
    if (response.statusCode >= 500)
      result.findings.push({ what, problem: `${response.statusCode} ${response.body.slice(0, 300)}` });
    if (response.statusCode >= 400 && after !== before)
      result.findings.push({ what, problem: 'refused but wrote entries' });
    // The error envelope, always.
    if (response.statusCode >= 400 && !(response.json() as { error?: { code?: string } }).error?.code) {
      result.findings.push({ what, problem: `no error envelope: ${response.body.slice(0, 200)}` });
    }
  }
  return result;
}

/** Sends raw HTTP with a header of `bytes` bytes; resolves with the status line's code (0: connection dropped). */
export function hugeHeader(baseUrl: string, bytes: number): Promise<number> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: '/api/v1/me',
        method: 'GET',
        headers: { 'x-padding': 'a'.repeat(bytes) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', () => resolve(0));
    request.end();
  });
}
