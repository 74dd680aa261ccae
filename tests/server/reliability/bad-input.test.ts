import { EntrySchema } from '@tiltmeter/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemberWithToken } from '../../helpers/auth.ts';
import { useTestDatabase } from '../../helpers/test-database.ts';
import { fuzzUploads, hugeHeader, wrongContentTypes } from './bad-input.ts';
import { buildLoggedApp, type LoggedApp, listen, WINDOW } from './support.ts';

/**
 * Malformed uploads never get a 5xx and never leave half an import behind. Seeded, so a failure names
 * the seed that reproduces it; `npm run soak` runs many more seeds.
 */
describe('bad input', () => {
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
  beforeEach(() => {
    logged.errorLogs.length = 0;
  });

  it('answers 90 seeded mutations of ICS, CSV and JSON uploads below 500, all or nothing', async () => {
    const result = await fuzzUploads(logged.app, { seed: 1, rounds: 30 });
    expect(result.findings).toEqual([]);
    expect(logged.errorLogs).toEqual([]);
    expect(result.uploads).toBe(90);
    // The mutations are not all harmless nor all fatal: both answers occur.
    const statuses = Object.keys(result.byStatus).map(Number);
    expect(statuses.some((status) => status === 200)).toBe(true);
    expect(statuses.some((status) => status >= 400 && status < 500)).toBe(true);
  });

  it('refuses wrong and missing content types with 4xx in the error envelope', async () => {
    const result = await wrongContentTypes(logged.app);
    expect(result.findings).toEqual([]);
    expect(logged.errorLogs).toEqual([]);
    expect(result.uploads).toBe(15);
  });

  it('answers an oversized header with 431 and keeps serving', async () => {
    expect(await hugeHeader(baseUrl, 100_000)).toBe(431);
    const member = await createMemberWithToken(logged.app);
    const after = await logged.app.inject({ method: 'GET', url: '/api/v1/me', headers: member.headers });
    expect(after.statusCode).toBe(200);
  });

  it('answers text the database cannot store (NUL) with 400 anywhere in the API, not 500', async () => {
    const admin = await createMemberWithToken(logged.app, { role: 'admin' });
    const team = await logged.app.inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: admin.headers,
      payload: { name: 'Plat\u0000form' },
    });
    expect(team.statusCode).toBe(400);
    expect(team.json().error.code).toBe('bad_request');
    const settings = await logged.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/settings',
      headers: admin.headers,
      payload: { displayName: 'Ada\u0000' },
    });
    expect(settings.statusCode).toBe(400);
    expect(await logged.app.db.team.count()).toBe(0);
    expect(logged.errorLogs).toEqual([]);
  });

  it('stores Unicode edge cases as text: NUL dropped, lone surrogates replaced, the rest exact', async () => {
    const member = await createMemberWithToken(logged.app, { timeZone: 'UTC' });
    const titles = {
      nul: 'Design\u0000 review',
      lone: 'Sync \ud800 with \udfff half pairs',
      rtl: '\u202eweiver ngised\u202c \u05e9\u05dc\u05d5\u05dd',
      emoji: 'Retro 🎉 with 👩‍👩‍👧‍👦 and 🇩🇪',
      combining: 'Cafe\u0301 \u0000\u0001\u0002 controls',
      long: `Focus ${'x'.repeat(494)}`,
    };
    const entries = Object.entries(titles).map(([key, title], i) => ({
      externalUid: key,
      title,
      start: `2026-01-05T${String(9 + i).padStart(2, '0')}:00:00Z`,
      end: `2026-01-05T${String(9 + i).padStart(2, '0')}:30:00Z`,
      timeZone: 'UTC',
    }));
    const bulk = await logged.app.inject({
      method: 'POST',
      url: '/api/v1/entries/bulk',
      headers: member.headers,
      payload: { entries },
    });
    expect(bulk.statusCode).toBe(200);
    // A 10,000-character title is refused by the bulk schema (500 at most), and nothing is written.
    const tooLong = await logged.app.inject({
      method: 'POST',
      url: '/api/v1/entries/bulk',
      headers: member.headers,
      payload: { entries: [{ ...entries[0], externalUid: 'huge', title: 'y'.repeat(10_000) }] },
    });
    expect(tooLong.statusCode).toBe(400);

    // The same titles, and a 10,000-character one, through an ICS file (SUMMARY has no schema limit).
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//t//EN',
      ...[...Object.values(titles), 'z'.repeat(10_000)].flatMap((title, i) => [
        'BEGIN:VEVENT',
        `UID:unicode-${i}`,
        'DTSTAMP:20260101T000000Z',
        `DTSTART:20260106T${String(9 + i).padStart(2, '0')}0000Z`,
        `DTEND:20260106T${String(9 + i).padStart(2, '0')}3000Z`,
        `SUMMARY:${title}`,
        'END:VEVENT',
      ]),
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const imported = await logged.app.inject({
      method: 'POST',
      url: `/api/v1/imports/ics?${WINDOW}&calendar=unicode`,
      headers: { ...member.headers, 'content-type': 'text/calendar' },
      payload: ics,
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json().created).toBe(7);

    const listed = await logged.app.inject({
      method: 'GET',
      url: `/api/v1/entries?${WINDOW}`,
      headers: member.headers,
    });
    expect(listed.statusCode).toBe(200);
    const stored = (listed.json() as { items: unknown[] }).items.map((item) => EntrySchema.parse(item));
    const byUid = new Map(stored.map((entry) => [entry.externalUid, entry.title]));
    expect(byUid.get('nul')).toBe('Design review');
    expect(byUid.get('lone')).toBe('Sync \ufffd with \ufffd half pairs');
    expect(byUid.get('rtl')).toBe(titles.rtl);
    expect(byUid.get('emoji')).toBe(titles.emoji);
    expect(byUid.get('combining')).toBe('Cafe\u0301 \u0001\u0002 controls');
    expect(byUid.get('long')).toBe(titles.long);
    expect(byUid.has('huge')).toBe(false);
    expect(stored.find((entry) => entry.externalUid === 'unicode-6')?.title).toBe('z'.repeat(10_000));
    expect(stored.find((entry) => entry.externalUid === 'unicode-3')?.title).toBe(titles.emoji);

    // The views that show titles serve them too.
    const week = await logged.app.inject({
      method: 'GET',
      url: '/api/v1/me/weeks/2026-W02',
      headers: member.headers,
    });
    expect(week.statusCode).toBe(200);
    expect(week.body).toContain('🎉');
    expect(logged.errorLogs).toEqual([]);
  });
});
