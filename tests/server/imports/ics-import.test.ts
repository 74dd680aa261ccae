import { ApiErrorSchema, ImportResultSchema, ListEntriesResponseSchema } from '@tiltmeter/shared';
import pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemberWithToken, type TestMember } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

const WINDOW = 'from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z';

/** A small team calendar: a weekly 1:1 across the DST change with one EXDATE and one moved instance, and a focus block. */
function calendar(options: { focusTitle?: string; withFocus?: boolean; extra?: string } = {}) {
  const focus =
    options.withFocus === false
      ? ''
      : `BEGIN:VEVENT
UID:focus-1@example.test
DTSTAMP:20260101T000000Z
DTSTART;TZID=Europe/Berlin:20260302T130000
DTEND;TZID=Europe/Berlin:20260302T170000
SUMMARY:${options.focusTitle ?? 'Focus time'}
END:VEVENT
`;
  return `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Tiltmeter tests//EN
X-WR-CALNAME:Work
BEGIN:VEVENT
UID:one-on-one@example.test
DTSTAMP:20260101T000000Z
DTSTART;TZID=Europe/Berlin:20260316T100000
DTEND;TZID=Europe/Berlin:20260316T103000
RRULE:FREQ=WEEKLY;COUNT=4
EXDATE;TZID=Europe/Berlin:20260323T100000
SUMMARY:1:1 Alice / Bob
ORGANIZER:mailto:alice@example.test
ATTENDEE;PARTSTAT=ACCEPTED:mailto:alice@example.test
ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@example.test
END:VEVENT
BEGIN:VEVENT
UID:one-on-one@example.test
RECURRENCE-ID;TZID=Europe/Berlin:20260330T100000
DTSTAMP:20260101T000000Z
DTSTART;TZID=Europe/Berlin:20260331T150000
DTEND;TZID=Europe/Berlin:20260331T153000
SUMMARY:1:1 Alice / Bob (moved)
ORGANIZER:mailto:alice@example.test
ATTENDEE;PARTSTAT=ACCEPTED:mailto:alice@example.test
ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@example.test
END:VEVENT
BEGIN:VEVENT
UID:cancelled@example.test
DTSTAMP:20260101T000000Z
DTSTART:20260304T090000Z
DTEND:20260304T100000Z
STATUS:CANCELLED
SUMMARY:Cancelled planning
END:VEVENT
${focus}${options.extra ?? ''}END:VCALENDAR
`.replaceAll('\n', '\r\n');
}

describe('POST /api/v1/imports/ics', () => {
  const { app, databaseUrl } = useTestApp();
  let alice: TestMember;

  beforeEach(async () => {
    alice = await createMemberWithToken(app(), { email: 'alice@example.test', timeZone: 'Europe/Berlin' });
  });

  const upload = (body: string, query = WINDOW) =>
    app().inject({
      method: 'POST',
      url: `/api/v1/imports/ics?${query}`,
      headers: { ...alice.headers, 'content-type': 'text/calendar' },
      payload: body,
    });
  const entries = async () =>
    ListEntriesResponseSchema.parse(
      (
        await app().inject({ method: 'GET', url: `/api/v1/entries?${WINDOW}`, headers: alice.headers })
      ).json(),
    ).items;

  it('imports occurrences with the right instants across DST, skipping cancelled events', async () => {
    const response = await upload(calendar());
    expect(response.statusCode).toBe(200);
    const result = ImportResultSchema.parse(response.json());
    expect(result).toMatchObject({ calendar: 'Work', created: 4, updated: 0, removed: 0, skipped: 1 });
    expect(result.skippedReasons[0]?.uid).toBe('cancelled@example.test');

    const items = await entries();
    expect(items.map((entry) => [entry.title, entry.start, entry.category, entry.subtype])).toEqual([
      ['Focus time', '2026-03-02T12:00:00.000Z', 'maker', null],
      // 10:00 Berlin is 09:00 UTC before 29 March and 08:00 UTC after it; the 23rd is an EXDATE.
      ['1:1 Alice / Bob', '2026-03-16T09:00:00.000Z', 'manager', 'one_on_one'],
      ['1:1 Alice / Bob (moved)', '2026-03-31T13:00:00.000Z', 'manager', 'one_on_one'],
      ['1:1 Alice / Bob', '2026-04-06T08:00:00.000Z', 'manager', 'one_on_one'],
    ]);
    expect(items.every((entry) => entry.source === 'ics_file' && entry.calendar === 'Work')).toBe(true);
    expect(items.find((entry) => entry.title?.startsWith('1:1'))).toMatchObject({
      attendees: 2,
      organizer: true,
      rsvp: 'accepted',
    });
  });

  it('is idempotent, updates in place, removes what vanished, and keeps overrides and edits', async () => {
    await upload(calendar());
    expect((await upload(calendar())).json()).toMatchObject({ created: 0, updated: 0, removed: 0 });

    const before = await entries();
    const focus = before.find((entry) => entry.title === 'Focus time');
    const oneOnOne = before.find((entry) => entry.start === '2026-03-16T09:00:00.000Z');
    await app().inject({
      method: 'PATCH',
      url: `/api/v1/entries/${oneOnOne?.id}`,
      headers: alice.headers,
      payload: { category: 'maker' },
    });

    const renamed = await upload(calendar({ focusTitle: 'Deep work' }));
    expect(renamed.json()).toMatchObject({ created: 0, updated: 1, removed: 0 });
    const after = await entries();
    expect(after.find((entry) => entry.id === focus?.id)?.title).toBe('Deep work');
    expect(after.find((entry) => entry.id === oneOnOne?.id)).toMatchObject({
      category: 'maker',
      overridden: true,
    });

    // A member's hand edit of an imported entry survives the next import of the same event.
    await app().inject({
      method: 'PATCH',
      url: `/api/v1/entries/${focus?.id}`,
      headers: alice.headers,
      payload: { title: 'Writing the design doc' },
    });
    expect((await upload(calendar({ focusTitle: 'Deep work' }))).json()).toMatchObject({
      created: 0,
      updated: 0,
    });
    expect((await entries()).find((entry) => entry.id === focus?.id)?.title).toBe('Writing the design doc');

    const without = await upload(calendar({ withFocus: false }));
    expect(without.json()).toMatchObject({ created: 0, updated: 0, removed: 1 });
    expect((await entries()).map((entry) => entry.id)).not.toContain(focus?.id);
  });

  it('never removes entries of another calendar', async () => {
    await upload(calendar());
    const other = await upload(calendar({ withFocus: false }), `${WINDOW}&calendar=Personal`);
    expect(other.json()).toMatchObject({ calendar: 'Personal', created: 3, removed: 0 });
    expect(await entries()).toHaveLength(7);
  });

  it('refuses a broken file with the line of the problem and writes nothing', async () => {
    const broken = calendar({ extra: 'BEGIN:VEVENT\r\nUID:x\r\nDTSTART:2026-13-45T99:00\r\n' }).replace(
      /END:VCALENDAR\r\n$/,
      '',
    );
    const response = await upload(broken);
    expect(response.statusCode).toBe(400);
    const error = ApiErrorSchema.parse(response.json()).error;
    expect(error.message).toMatch(/^The calendar file could not be read: /);
    expect(await entries()).toEqual([]);
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    const batches = await client.query('SELECT count(*)::int AS n FROM import_batches');
    await client.end();
    expect(batches.rows[0].n).toBe(0);
  });

  it('accepts a multipart file upload and names the calendar after the file when it has no name', async () => {
    const body = calendar().replace('X-WR-CALNAME:Work\r\n', '');
    const boundary = '----tiltmeter';
    const payload =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="team.ics"\r\n` +
      `Content-Type: text/calendar\r\n\r\n${body}\r\n--${boundary}--\r\n`;
    const response = await app().inject({
      method: 'POST',
      url: `/api/v1/imports/ics?${WINDOW}`,
      headers: { ...alice.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ calendar: 'team', created: 4 });
  });

  it('refuses other content types and empty bodies', async () => {
    const json = await app().inject({
      method: 'POST',
      url: `/api/v1/imports/ics?${WINDOW}`,
      headers: alice.headers,
      payload: { calendar: 'x' },
    });
    expect(json.statusCode).toBe(415);
    const empty = await upload('   ');
    expect(empty.statusCode).toBe(400);
  });
});
