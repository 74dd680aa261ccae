import { describe, expect, it } from 'vitest';
import {
  IcsParseError,
  type IcsParseOptions,
  type IcsParseResult,
  parseIcs,
} from '../../../server/src/modules/imports/ics-parse.ts';

const OPTIONS: IcsParseOptions = {
  memberEmails: ['me@example.com'],
  memberTimeZone: 'Europe/Berlin',
  window: { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') },
  maxOccurrencesPerSeries: 1000,
};

/** A calendar around the given VEVENT bodies (LF-joined lines; written out with CRLF as RFC 5545 asks). */
function calendar(...events: string[]): string {
  const body = events.map((lines) => `BEGIN:VEVENT\n${lines.trim()}\nEND:VEVENT`);
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Tiltmeter//Test//EN', ...body, 'END:VCALENDAR', '']
    .join('\n')
    .replace(/\n/g, '\r\n');
}

function parse(text: string, options: Partial<IcsParseOptions> = {}): IcsParseResult {
  return parseIcs(text, { ...OPTIONS, ...options });
}

/** "start/end" of every entry, as UTC instants without milliseconds. */
function spans(result: IcsParseResult): string[] {
  const iso = (date: Date) => date.toISOString().replace(':00.000Z', 'Z');
  return result.entries.map((entry) => `${iso(entry.start)}/${iso(entry.end)}`);
}

function refusal(run: () => unknown): IcsParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof IcsParseError) return error;
    throw error;
  }
  throw new Error('expected an IcsParseError');
}

describe('parseIcs: recurrence and time zones, exact instants', () => {
  interface Case {
    name: string;
    events: string[];
    options?: Partial<IcsParseOptions>;
    spans: string[];
    skipped?: number;
  }

  const cases: Case[] = [
    {
      name: 'RRULE with COUNT',
      events: [
        `UID:count
DTSTART;TZID=Europe/Berlin:20260105T090000
DTEND;TZID=Europe/Berlin:20260105T093000
RRULE:FREQ=DAILY;COUNT=3`,
      ],
      spans: [
        '2026-01-05T08:00Z/2026-01-05T08:30Z',
        '2026-01-06T08:00Z/2026-01-06T08:30Z',
        '2026-01-07T08:00Z/2026-01-07T08:30Z',
      ],
    },
    {
      name: 'RRULE with UNTIL (an UNTIL equal to an occurrence includes it)',
      events: [
        `UID:until
DTSTART;TZID=Europe/Berlin:20260105T090000
DTEND;TZID=Europe/Berlin:20260105T093000
RRULE:FREQ=WEEKLY;UNTIL=20260126T080000Z`,
      ],
      spans: [
        '2026-01-05T08:00Z/2026-01-05T08:30Z',
        '2026-01-12T08:00Z/2026-01-12T08:30Z',
        '2026-01-19T08:00Z/2026-01-19T08:30Z',
        '2026-01-26T08:00Z/2026-01-26T08:30Z',
      ],
    },
    {
      name: 'EXDATE removes one occurrence (COUNT still counts it)',
      events: [
        `UID:exdate
DTSTART;TZID=Europe/Berlin:20260105T090000
DTEND;TZID=Europe/Berlin:20260105T093000
RRULE:FREQ=WEEKLY;COUNT=4
EXDATE;TZID=Europe/Berlin:20260112T090000`,
      ],
      spans: [
        '2026-01-05T08:00Z/2026-01-05T08:30Z',
        '2026-01-19T08:00Z/2026-01-19T08:30Z',
        '2026-01-26T08:00Z/2026-01-26T08:30Z',
      ],
    },
    {
      name: 'EXDATE as a DATE removes that whole day of a timed series',
      events: [
        `UID:exdate-date
DTSTART;TZID=Europe/Berlin:20260105T090000
DTEND;TZID=Europe/Berlin:20260105T093000
RRULE:FREQ=DAILY;COUNT=3
EXDATE;VALUE=DATE:20260106`,
      ],
      spans: ['2026-01-05T08:00Z/2026-01-05T08:30Z', '2026-01-07T08:00Z/2026-01-07T08:30Z'],
    },
    {
      name: 'RDATE adds a date-time and a PERIOD (own length) to the rule',
      events: [
        `UID:rdate
DTSTART;TZID=Europe/Berlin:20260105T090000
DTEND;TZID=Europe/Berlin:20260105T093000
RRULE:FREQ=DAILY;COUNT=2
RDATE;TZID=Europe/Berlin:20260110T140000
RDATE;VALUE=PERIOD:20260112T150000Z/PT2H`,
      ],
      spans: [
        '2026-01-05T08:00Z/2026-01-05T08:30Z',
        '2026-01-06T08:00Z/2026-01-06T08:30Z',
        '2026-01-10T13:00Z/2026-01-10T13:30Z',
        '2026-01-12T15:00Z/2026-01-12T17:00Z',
      ],
    },
    {
      name: 'RDATE alone makes a series',
      events: [
        `UID:rdate-only
DTSTART:20260105T090000Z
DURATION:PT1H
RDATE:20260107T090000Z,20260109T090000Z`,
      ],
      spans: [
        '2026-01-05T09:00Z/2026-01-05T10:00Z',
        '2026-01-07T09:00Z/2026-01-07T10:00Z',
        '2026-01-09T09:00Z/2026-01-09T10:00Z',
      ],
    },
    {
      name: 'a moved instance (RECURRENCE-ID override) replaces its occurrence',
      events: [
        `UID:moved
DTSTART;TZID=Europe/Berlin:20260105T090000
DTEND;TZID=Europe/Berlin:20260105T093000
RRULE:FREQ=WEEKLY;COUNT=3`,
        `UID:moved
RECURRENCE-ID;TZID=Europe/Berlin:20260112T090000
DTSTART;TZID=Europe/Berlin:20260113T110000
DTEND;TZID=Europe/Berlin:20260113T120000`,
      ],
      spans: [
        '2026-01-05T08:00Z/2026-01-05T08:30Z',
        '2026-01-13T10:00Z/2026-01-13T11:00Z',
        '2026-01-19T08:00Z/2026-01-19T08:30Z',
      ],
    },
    {
      name: 'an override listed before its master is applied the same way',
      events: [
        `UID:before
RECURRENCE-ID:20260112T080000Z
DTSTART:20260112T150000Z
DTEND:20260112T153000Z`,
        `UID:before
DTSTART:20260105T080000Z
DTEND:20260105T083000Z
RRULE:FREQ=WEEKLY;COUNT=2`,
      ],
      spans: ['2026-01-05T08:00Z/2026-01-05T08:30Z', '2026-01-12T15:00Z/2026-01-12T15:30Z'],
    },
    {
      name: 'a cancelled instance is not an entry (it is reported)',
      events: [
        `UID:cancelled-instance
DTSTART;TZID=Europe/Berlin:20260105T090000
DTEND;TZID=Europe/Berlin:20260105T093000
RRULE:FREQ=WEEKLY;COUNT=3`,
        `UID:cancelled-instance
RECURRENCE-ID;TZID=Europe/Berlin:20260112T090000
DTSTART;TZID=Europe/Berlin:20260112T090000
DTEND;TZID=Europe/Berlin:20260112T093000
STATUS:CANCELLED`,
      ],
      spans: ['2026-01-05T08:00Z/2026-01-05T08:30Z', '2026-01-19T08:00Z/2026-01-19T08:30Z'],
      skipped: 1,
    },
    {
      name: 'weekly 10:00 Europe/Berlin across the DST change, with one EXDATE and one moved instance',
      events: [
        `UID:dst
DTSTART;TZID=Europe/Berlin:20260312T100000
DTEND;TZID=Europe/Berlin:20260312T103000
RRULE:FREQ=WEEKLY;COUNT=5
EXDATE;TZID=Europe/Berlin:20260319T100000`,
        `UID:dst
RECURRENCE-ID;TZID=Europe/Berlin:20260402T100000
DTSTART;TZID=Europe/Berlin:20260402T140000
DTEND;TZID=Europe/Berlin:20260402T143000`,
      ],
      // 10:00 CET is 09:00Z until 29 March, 10:00 CEST is 08:00Z after it.
      spans: [
        '2026-03-12T09:00Z/2026-03-12T09:30Z',
        '2026-03-26T09:00Z/2026-03-26T09:30Z',
        '2026-04-02T12:00Z/2026-04-02T12:30Z',
        '2026-04-09T08:00Z/2026-04-09T08:30Z',
      ],
    },
    {
      name: 'TZID without VTIMEZONE (IANA name), across the US DST change',
      events: [
        `UID:ny
DTSTART;TZID=America/New_York:20260305T090000
DTEND;TZID=America/New_York:20260305T100000
RRULE:FREQ=WEEKLY;COUNT=2`,
      ],
      spans: ['2026-03-05T14:00Z/2026-03-05T15:00Z', '2026-03-12T13:00Z/2026-03-12T14:00Z'],
    },
    {
      name: 'Windows zone names (quoted and not)',
      events: [
        `UID:windows-1
DTSTART;TZID="W. Europe Standard Time":20260115T100000
DTEND;TZID="W. Europe Standard Time":20260115T110000`,
        `UID:windows-2
DTSTART;TZID=Pacific Standard Time:20260715T100000
DTEND;TZID=Pacific Standard Time:20260715T110000`,
      ],
      spans: ['2026-01-15T09:00Z/2026-01-15T10:00Z', '2026-07-15T17:00Z/2026-07-15T18:00Z'],
    },
    {
      name: 'a zone defined only by its VTIMEZONE rules (Outlook "Customized Time Zone")',
      events: [],
      spans: ['2026-01-15T09:00Z/2026-01-15T10:00Z', '2026-07-15T08:00Z/2026-07-15T09:00Z'],
    },
    {
      name: 'floating time follows the member zone, also across DST',
      events: [
        `UID:floating
DTSTART:20260305T100000
DTEND:20260305T110000
RRULE:FREQ=WEEKLY;COUNT=2`,
      ],
      options: { memberTimeZone: 'America/New_York' },
      spans: ['2026-03-05T15:00Z/2026-03-05T16:00Z', '2026-03-12T14:00Z/2026-03-12T15:00Z'],
    },
    {
      name: 'all-day dates at local midnight of the member zone (DTEND exclusive, default one day)',
      events: [
        `UID:allday-1
DTSTART;VALUE=DATE:20260115
DTEND;VALUE=DATE:20260117`,
        `UID:allday-2
DTSTART;VALUE=DATE:20260120`,
      ],
      spans: ['2026-01-14T23:00Z/2026-01-16T23:00Z', '2026-01-19T23:00Z/2026-01-20T23:00Z'],
    },
    {
      name: 'all-day recurrence keeps local midnight across DST',
      events: [
        `UID:allday-weekly
DTSTART;VALUE=DATE:20260321
DTEND;VALUE=DATE:20260322
RRULE:FREQ=WEEKLY;COUNT=2`,
      ],
      spans: ['2026-03-20T23:00Z/2026-03-21T23:00Z', '2026-03-27T23:00Z/2026-03-28T23:00Z'],
    },
    {
      name: 'DURATION instead of DTEND; P1D is a calendar day (23 h on the DST night), PT24H is 24 h',
      events: [
        `UID:duration-1
DTSTART;TZID=Europe/Berlin:20260115T100000
DURATION:PT1H30M`,
        `UID:duration-2
DTSTART;TZID=Europe/Berlin:20260328T120000
DURATION:P1D`,
        `UID:duration-3
DTSTART;TZID=Europe/Berlin:20260328T130000
DURATION:PT24H`,
      ],
      spans: [
        '2026-01-15T09:00Z/2026-01-15T10:30Z',
        '2026-03-28T11:00Z/2026-03-29T10:00Z',
        '2026-03-28T12:00Z/2026-03-29T12:00Z',
      ],
    },
    {
      name: 'UTC times and an event with neither DTEND nor DURATION (zero length)',
      events: [
        `UID:utc
DTSTART:20260115T090000Z
DTEND:20260115T093000Z`,
        `UID:point
DTSTART:20260116T090000Z`,
      ],
      spans: ['2026-01-15T09:00Z/2026-01-15T09:30Z', '2026-01-16T09:00Z/2026-01-16T09:00Z'],
    },
    {
      name: 'DST gap and overlap (RFC 5545: the offset before the gap, the first of two)',
      events: [
        `UID:gap
DTSTART;TZID=Europe/Berlin:20260329T023000
DURATION:PT30M`,
        `UID:overlap
DTSTART;TZID=Europe/Berlin:20261025T023000
DURATION:PT30M`,
      ],
      spans: ['2026-03-29T01:30Z/2026-03-29T02:00Z', '2026-10-25T00:30Z/2026-10-25T01:00Z'],
    },
    {
      name: 'MONTHLY from the 31st skips short months (rrule-temporal alone would drift to the 28th)',
      events: [
        `UID:monthly-31
DTSTART:20260131T100000Z
DURATION:PT1H
RRULE:FREQ=MONTHLY;COUNT=3`,
      ],
      spans: [
        '2026-01-31T10:00Z/2026-01-31T11:00Z',
        '2026-03-31T10:00Z/2026-03-31T11:00Z',
        '2026-05-31T10:00Z/2026-05-31T11:00Z',
      ],
    },
    {
      name: 'the window clips a series: only occurrences overlapping it',
      events: [
        `UID:clipped
DTSTART;TZID=Europe/Berlin:20251229T233000
DTEND;TZID=Europe/Berlin:20251230T013000
RRULE:FREQ=DAILY;COUNT=4`,
      ],
      // 31 Dec 23:30 - 1 Jan 01:30 Berlin overlaps the window that starts at 1 Jan 00:00 UTC.
      spans: ['2025-12-31T22:30Z/2026-01-01T00:30Z', '2026-01-01T22:30Z/2026-01-02T00:30Z'],
    },
    {
      name: 'the per-series cap keeps the earliest occurrences and says so',
      events: [
        `UID:endless
DTSTART:20200101T090000Z
DURATION:PT1H
RRULE:FREQ=DAILY`,
      ],
      options: { maxOccurrencesPerSeries: 3 },
      spans: [
        '2026-01-01T09:00Z/2026-01-01T10:00Z',
        '2026-01-02T09:00Z/2026-01-02T10:00Z',
        '2026-01-03T09:00Z/2026-01-03T10:00Z',
      ],
      skipped: 1,
    },
    {
      name: 'a dense rule (hourly, no end) is cut at the cap without enumerating the window',
      events: [
        `UID:hourly
DTSTART:20260101T000000Z
DURATION:PT1M
RRULE:FREQ=HOURLY`,
      ],
      options: { maxOccurrencesPerSeries: 2 },
      spans: ['2026-01-01T00:00Z/2026-01-01T00:01Z', '2026-01-01T01:00Z/2026-01-01T01:01Z'],
      skipped: 1,
    },
    {
      name: 'DTSTART off the rule is the first of COUNT occurrences (RFC 5545)',
      events: [
        `UID:off-rule
DTSTART:20260108T090000Z
DURATION:PT1H
RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3`,
      ],
      spans: [
        '2026-01-08T09:00Z/2026-01-08T10:00Z',
        '2026-01-12T09:00Z/2026-01-12T10:00Z',
        '2026-01-19T09:00Z/2026-01-19T10:00Z',
      ],
    },
    {
      name: 'nothing after UNTIL when the window is walked in chunks (small cap)',
      events: [
        `UID:chunked
DTSTART:20260105T090000Z
DURATION:PT1H
RRULE:FREQ=DAILY;UNTIL=20260107T090000Z;BYDAY=MO,TU,WE,TH,FR`,
      ],
      options: { maxOccurrencesPerSeries: 5 },
      spans: [
        '2026-01-05T09:00Z/2026-01-05T10:00Z',
        '2026-01-06T09:00Z/2026-01-06T10:00Z',
        '2026-01-07T09:00Z/2026-01-07T10:00Z',
      ],
    },
  ];

  // The VTIMEZONE case needs the definition at calendar level, so its text is written out here.
  const customZone = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'BEGIN:VTIMEZONE',
    'TZID:Customized Time Zone',
    'BEGIN:STANDARD',
    'DTSTART:16010101T030000',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'DTSTART:16010101T020000',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    'UID:custom-1',
    'DTSTART;TZID="Customized Time Zone":20260115T100000',
    'DTEND;TZID="Customized Time Zone":20260115T110000',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:custom-2',
    'DTSTART;TZID="Customized Time Zone":20260715T100000',
    'DTEND;TZID="Customized Time Zone":20260715T110000',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');

  it.each(cases)('$name', ({ name, events, options, spans: expected, skipped }) => {
    const text = events.length > 0 ? calendar(...events) : customZone;
    const result = parse(text, {
      ...options,
      ...(name.includes('Customized') ? { memberTimeZone: 'Asia/Tokyo' } : {}),
    });
    expect(spans(result)).toEqual(expected);
    expect(result.skipped).toHaveLength(skipped ?? 0);
  });
});

describe('parseIcs: identity of occurrences', () => {
  const series = calendar(
    `UID:series-1
DTSTART;TZID=Europe/Berlin:20260105T090000
DTEND;TZID=Europe/Berlin:20260105T093000
RRULE:FREQ=WEEKLY;COUNT=2`,
    `UID:series-1
RECURRENCE-ID;TZID=Europe/Berlin:20260112T090000
DTSTART;TZID=Europe/Berlin:20260112T150000
DTEND;TZID=Europe/Berlin:20260112T153000
SUMMARY:Moved`,
    `UID:single-1
DTSTART:20260107T120000Z
DTEND:20260107T130000Z`,
    `UID:allday-series
DTSTART;VALUE=DATE:20260108
RRULE:FREQ=DAILY;COUNT=2`,
    `UID:floating-series
DTSTART:20260109T100000
RRULE:FREQ=DAILY;COUNT=1`,
  );

  it('uses the UID for single events and UID/original start for instances', () => {
    const result = parse(series);
    expect(result.entries.map((e) => [e.externalUid, e.seriesId])).toEqual([
      ['series-1/2026-01-05T08:00:00.000Z', 'series-1'],
      ['single-1', null],
      ['allday-series/2026-01-08', 'allday-series'],
      ['allday-series/2026-01-09', 'allday-series'],
      ['floating-series/2026-01-09T10:00:00', 'floating-series'],
      // The moved instance keeps the identity of the occurrence it replaces.
      ['series-1/2026-01-12T08:00:00.000Z', 'series-1'],
    ]);
  });

  it('gives the same identities on every parse, whatever the member zone of floating and all-day times', () => {
    const berlin = parse(series).entries.map((e) => e.externalUid);
    const tokyo = parse(series, { memberTimeZone: 'Asia/Tokyo' }).entries.map((e) => e.externalUid);
    expect(new Set(tokyo)).toEqual(new Set(berlin));
  });

  it('derives a stable UID for an event without one', () => {
    const text = calendar(
      'DTSTART:20260107T120000Z\nSUMMARY:No uid',
      'DTSTART:20260108T120000Z\nSUMMARY:No uid',
    );
    const first = parse(text).entries.map((e) => e.externalUid);
    const second = parse(text).entries.map((e) => e.externalUid);
    expect(first).toEqual(second);
    expect(first).toHaveLength(2);
    expect(first[0]).toMatch(/^generated-[0-9a-f]{32}$/);
    expect(first[0]).not.toEqual(first[1]);
  });

  it('keeps the newest version of a UID that appears twice (SEQUENCE) and reports the other', () => {
    const text = calendar(
      'UID:dup\nSEQUENCE:2\nDTSTART:20260107T120000Z\nSUMMARY:New',
      'UID:dup\nSEQUENCE:1\nDTSTART:20260107T100000Z\nSUMMARY:Old',
    );
    const result = parse(text);
    expect(result.entries.map((e) => e.title)).toEqual(['New']);
    expect(result.skipped).toEqual([
      {
        uid: 'dup',
        summary: 'Old',
        reason: 'superseded by a newer version of the same event on line 4',
        line: 10,
      },
    ]);
  });

  it('reports the line of the VEVENT on every entry', () => {
    expect(parse(series).entries.map((e) => e.lineNumber)).toEqual([4, 17, 22, 22, 27, 10]);
  });
});

describe('parseIcs: people and availability', () => {
  interface Case {
    name: string;
    lines: string;
    attendees: number;
    organizer: boolean;
    rsvp: string;
    showAs?: string;
    status?: string;
  }
  const cases: Case[] = [
    {
      name: 'a block with nobody listed is the member own',
      lines: '',
      attendees: 0,
      organizer: true,
      rsvp: 'accepted',
    },
    {
      name: 'the member organized it (listed as attendee too, mailto: and case ignored)',
      lines:
        'ORGANIZER;CN=Me:MAILTO:Me@Example.com\nATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com\nATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:ana@example.com',
      attendees: 2,
      organizer: true,
      rsvp: 'accepted',
    },
    {
      name: 'the member declined a meeting someone else organized',
      lines:
        'ORGANIZER:mailto:boss@example.com\nATTENDEE;PARTSTAT=DECLINED:mailto:me@example.com\nATTENDEE:mailto:ana@example.com',
      attendees: 3,
      organizer: false,
      rsvp: 'declined',
    },
    {
      name: 'no PARTSTAT means needs-action; a room is not a person',
      lines:
        'ORGANIZER:mailto:boss@example.com\nATTENDEE:mailto:me@example.com\nATTENDEE;CUTYPE=ROOM:mailto:room-4@example.com',
      attendees: 2,
      organizer: false,
      rsvp: 'needs_action',
    },
    {
      name: 'tentative reply',
      lines: 'ORGANIZER:mailto:boss@example.com\nATTENDEE;PARTSTAT=TENTATIVE:mailto:me@example.com',
      attendees: 2,
      organizer: false,
      rsvp: 'tentative',
    },
    {
      name: 'invited through a list: the member still counts as a participant',
      lines: 'ORGANIZER:mailto:boss@example.com\nATTENDEE;CUTYPE=GROUP:mailto:team@example.com',
      attendees: 3,
      organizer: false,
      rsvp: 'accepted',
    },
    {
      name: 'TRANSP:TRANSPARENT shows as free',
      lines: 'TRANSP:TRANSPARENT',
      attendees: 0,
      organizer: true,
      rsvp: 'accepted',
      showAs: 'free',
    },
    {
      name: 'Outlook busy status OOF',
      lines: 'X-MICROSOFT-CDO-BUSYSTATUS:OOF\nTRANSP:OPAQUE',
      attendees: 0,
      organizer: true,
      rsvp: 'accepted',
      showAs: 'out_of_office',
    },
    {
      name: 'Outlook busy status TENTATIVE',
      lines: 'X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE',
      attendees: 0,
      organizer: true,
      rsvp: 'accepted',
      showAs: 'tentative',
    },
    {
      name: 'Outlook busy status FREE',
      lines: 'X-MICROSOFT-CDO-BUSYSTATUS:FREE',
      attendees: 0,
      organizer: true,
      rsvp: 'accepted',
      showAs: 'free',
    },
    {
      name: 'STATUS:TENTATIVE',
      lines: 'STATUS:TENTATIVE',
      attendees: 0,
      organizer: true,
      rsvp: 'accepted',
      showAs: 'tentative',
      status: 'tentative',
    },
  ];

  it.each(cases)('$name', ({ lines, attendees, organizer, rsvp, showAs, status }) => {
    const text = calendar(`UID:people\nDTSTART:20260107T120000Z\nDTEND:20260107T130000Z\n${lines}`);
    const [entry] = parse(text).entries;
    expect(entry).toMatchObject({
      attendees,
      organizer,
      rsvp,
      showAs: showAs ?? 'busy',
      status: status ?? 'confirmed',
    });
  });

  it('an override inherits what it does not restate from its master', () => {
    const text = calendar(
      `UID:inherit
DTSTART:20260105T080000Z
DTEND:20260105T083000Z
RRULE:FREQ=WEEKLY;COUNT=2
SUMMARY:1:1 Ana
ORGANIZER:mailto:me@example.com
ATTENDEE:mailto:ana@example.com`,
      `UID:inherit
RECURRENCE-ID:20260112T080000Z
DTSTART:20260112T090000Z
DTEND:20260112T093000Z`,
    );
    const moved = parse(text).entries[1];
    expect(moved).toMatchObject({ title: '1:1 Ana', attendees: 2, organizer: true });
  });

  it('unescapes titles and keeps null for an empty one', () => {
    const text = calendar(
      'UID:t1\nDTSTART:20260107T120000Z\nSUMMARY:Plan\\, review\\; ship \\\\ go\\nnow',
      'UID:t2\nDTSTART:20260108T120000Z\nSUMMARY:',
    );
    expect(parse(text).entries.map((e) => e.title)).toEqual(['Plan, review; ship \\ go\nnow', null]);
  });

  it('labels entries with the IANA zone (Windows names mapped; member zone for UTC, floating and all-day)', () => {
    const text = calendar(
      'UID:z1\nDTSTART;TZID=Tokyo Standard Time:20260107T120000',
      'UID:z2\nDTSTART:20260108T120000Z',
      'UID:z3\nDTSTART:20260109T120000',
      'UID:z4\nDTSTART;VALUE=DATE:20260110',
      'UID:z5\nDTSTART;TZID=/mozilla.org/20070129_1/America/New_York:20260111T120000',
    );
    expect(parse(text).entries.map((e) => [e.timeZone, e.allDay])).toEqual([
      ['Asia/Tokyo', false],
      ['Europe/Berlin', false],
      ['Europe/Berlin', false],
      ['Europe/Berlin', true],
      ['America/New_York', false],
    ]);
  });
});

describe('parseIcs: reading', () => {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'X-WR-CALNAME:Work',
    'X-UNKNOWN-PROPERTY;X-PARAM="a;b:c":whatever',
    'BEGIN:X-CUSTOM',
    'FOO:bar',
    'END:X-CUSTOM',
    'BEGIN:VEVENT',
    'UID:fold',
    'DTSTART:20260107T120000Z',
    'SUMMARY:A very long title that was fol',
    ' ded by the producer and conti',
    '\tnued with a tab',
    'X-ANYTHING:ignored',
    'BEGIN:VALARM',
    'TRIGGER:-PT15M',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  const title = 'A very long title that was folded by the producer and continued with a tab';

  it.each([
    ['CRLF', lines.join('\r\n')],
    ['LF', lines.join('\n')],
    ['CR', lines.join('\r')],
    ['BOM + CRLF', `\uFEFF${lines.join('\r\n')}`],
    ['blank lines and trailing newlines', `\n\n${lines.join('\r\n\r\n')}\r\n\r\n`],
  ])('%s', (_, text) => {
    const result = parse(text);
    expect(result.calendarName).toBe('Work');
    expect(result.entries.map((e) => [e.title, e.lineNumber])).toEqual([[title, expect.any(Number)]]);
    expect(result.skipped).toEqual([]);
  });

  it('reads every VCALENDAR of a file; the name comes from the first that has one', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:a',
      'DTSTART:20260107T120000Z',
      'END:VEVENT',
      'END:VCALENDAR',
      'BEGIN:VCALENDAR',
      'NAME:Second',
      'BEGIN:VEVENT',
      'UID:b',
      'DTSTART:20260108T120000Z',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const result = parse(text);
    expect(result.entries.map((e) => [e.externalUid, e.lineNumber])).toEqual([
      ['a', 2],
      ['b', 9],
    ]);
    expect(result.calendarName).toBe('Second');
  });

  it('has a null name when the calendar has none', () => {
    expect(parse(calendar('UID:x\nDTSTART:20260107T120000Z')).calendarName).toBeNull();
  });

  it('ignores lines after END:VCALENDAR (some servers append comments)', () => {
    const text = `${calendar('UID:x\nDTSTART:20260107T120000Z')}X-COMMENT:cached\r\n`;
    expect(parse(text).entries).toHaveLength(1);
  });
});

describe('parseIcs: error policy', () => {
  describe('a file that is not iCalendar or is structurally broken is refused with its line', () => {
    const cases: [string, string, number | null, RegExp][] = [
      ['empty input', '', null, /empty/],
      ['only blank lines', '\r\n\r\n', null, /empty/],
      ['an HTML page', '<!DOCTYPE html>\n<html></html>', 1, /not an iCalendar file.*line 1/],
      ['a vCard', 'BEGIN:VCARD\nFN:Ana\nEND:VCARD', 1, /must start with BEGIN:VCALENDAR/],
      [
        'a bare VEVENT',
        'BEGIN:VEVENT\nUID:x\nDTSTART:20260107T120000Z\nEND:VEVENT',
        1,
        /must start with BEGIN:VCALENDAR/,
      ],
      [
        'a truncated file',
        'BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20260107T120000Z',
        2,
        /BEGIN:VEVENT on line 2 is never closed/,
      ],
      [
        'END that closes the wrong component',
        'BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR',
        3,
        /END:VCALENDAR does not close BEGIN:VEVENT from line 2/,
      ],
      ['END without BEGIN', 'BEGIN:VCALENDAR\nEND:VCALENDAR\nEND:VEVENT', 3, /has no matching BEGIN/],
      [
        'a nested VCALENDAR',
        'BEGIN:VCALENDAR\nBEGIN:VCALENDAR\nEND:VCALENDAR\nEND:VCALENDAR',
        2,
        /cannot contain another VCALENDAR/,
      ],
      [
        'a component outside any calendar',
        'BEGIN:VCALENDAR\nEND:VCALENDAR\nBEGIN:VEVENT\nEND:VEVENT',
        3,
        /outside any VCALENDAR/,
      ],
      [
        'a broken line at calendar level',
        'BEGIN:VCALENDAR\nVERSION:2.0\nthis is junk\nEND:VCALENDAR',
        3,
        /Line 3 is not a valid iCalendar line/,
      ],
      [
        'an invalid component name',
        'BEGIN:VCALENDAR\nBEGIN:V EVENT\nEND:V EVENT\nEND:VCALENDAR',
        2,
        /not a valid component name/,
      ],
    ];
    it.each(cases)('%s', (_, text, line, message) => {
      const error = refusal(() => parse(text));
      expect(error.line).toBe(line);
      expect(error.message).toMatch(message);
    });
  });

  describe('one damaged event is skipped with a reason; the rest of the file is imported', () => {
    const cases: [string, string, RegExp][] = [
      ['no DTSTART', 'UID:bad\nSUMMARY:Bad', /no DTSTART/],
      ['two DTSTART', 'UID:bad\nDTSTART:20260107T120000Z\nDTSTART:20260107T130000Z', /2 DTSTART/],
      [
        'an unreadable DTSTART',
        'UID:bad\nDTSTART:2026-01-07 12:00',
        /DTSTART "2026-01-07 12:00" on line 11 is not a valid date/,
      ],
      ['February 30', 'UID:bad\nDTSTART:20260230T120000Z', /not a valid date/],
      [
        'an end before the start',
        'UID:bad\nDTSTART:20260107T120000Z\nDTEND:20260107T110000Z',
        /ends before it starts/,
      ],
      ['a negative DURATION', 'UID:bad\nDTSTART:20260107T120000Z\nDURATION:-PT1H', /ends before it starts/],
      [
        'an absurd DURATION',
        'UID:bad\nDTSTART:20260107T120000Z\nDURATION:P999999999999999999W',
        /not a valid duration/,
      ],
      [
        'DATE start with DATE-TIME end',
        'UID:bad\nDTSTART;VALUE=DATE:20260107\nDTEND:20260107T120000Z',
        /DTSTART is a date but DTEND/,
      ],
      [
        'an unknown time zone',
        'UID:bad\nDTSTART;TZID=Mars/Olympus:20260107T120000',
        /unknown time zone "Mars\/Olympus"/,
      ],
      ['an RRULE without FREQ', 'UID:bad\nDTSTART:20260107T120000Z\nRRULE:COUNT=3', /has no FREQ/],
      [
        'an RRULE with an unknown FREQ',
        'UID:bad\nDTSTART:20260107T120000Z\nRRULE:FREQ=SOMETIMES',
        /unknown FREQ/,
      ],
      [
        'an RRULE with an impossible BYMONTH',
        'UID:bad\nDTSTART:20260107T120000Z\nRRULE:FREQ=YEARLY;BYMONTH=13',
        /invalid BYMONTH/,
      ],
      [
        'an RRULE every minute',
        'UID:bad\nDTSTART:20260107T120000Z\nRRULE:FREQ=MINUTELY',
        /more often than hourly/,
      ],
      [
        'a non-Gregorian RRULE',
        'UID:bad\nDTSTART;VALUE=DATE:20260107\nRRULE:RSCALE=HEBREW;FREQ=YEARLY',
        /HEBREW calendar/,
      ],
      [
        'an unreadable EXDATE',
        'UID:bad\nDTSTART:20260107T120000Z\nRRULE:FREQ=DAILY;COUNT=2\nEXDATE:yesterday',
        /EXDATE "yesterday"/,
      ],
      [
        'a broken line inside the event',
        'UID:bad\nDTSTART:20260107T120000Z\nDESCRIPTION:ok\n- a line that lost its fold',
        /line 13 inside the event is not a valid iCalendar line/,
      ],
      ['a cancelled event', 'UID:bad\nDTSTART:20260107T120000Z\nSTATUS:CANCELLED', /the event is cancelled/],
    ];
    it.each(cases)('%s', (_, lines, reason) => {
      const result = parse(
        calendar('UID:good\nDTSTART:20260106T120000Z\nSUMMARY:Good', `${lines}\nSUMMARY:Bad`),
      );
      expect(result.entries.map((e) => e.externalUid)).toEqual(['good']);
      expect(result.skipped).toHaveLength(1);
      expect(result.skipped[0]).toMatchObject({ uid: 'bad', summary: 'Bad', line: 9 });
      expect(result.skipped[0]?.reason).toMatch(reason);
    });
  });

  it('treats every event of a METHOD:CANCEL calendar as cancelled', () => {
    const text = calendar('UID:x\nDTSTART:20260107T120000Z').replace(
      'VERSION:2.0',
      'VERSION:2.0\r\nMETHOD:CANCEL',
    );
    const result = parse(text);
    expect(result.entries).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual(['the event is cancelled']);
  });

  it('skips a bad instance override without losing its series', () => {
    const text = calendar(
      'UID:s\nDTSTART:20260105T080000Z\nRRULE:FREQ=DAILY;COUNT=2',
      'UID:s\nRECURRENCE-ID:not-a-date\nDTSTART:20260105T090000Z',
    );
    const result = parse(text);
    expect(spans(result)).toEqual([
      '2026-01-05T08:00Z/2026-01-05T08:00Z',
      '2026-01-06T08:00Z/2026-01-06T08:00Z',
    ]);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/RECURRENCE-ID "not-a-date"/),
    ]);
  });

  it('does not report cancelled events outside the window', () => {
    const text = calendar('UID:old\nDTSTART:20200107T120000Z\nSTATUS:CANCELLED');
    expect(parse(text)).toEqual({ calendarName: null, entries: [], skipped: [] });
  });

  it('tolerates empty EXDATE and RDATE values (they name no date)', () => {
    const text = calendar('UID:e\nDTSTART:20260105T080000Z\nRRULE:FREQ=DAILY;COUNT=2\nEXDATE:\nRDATE:');
    expect(parse(text).entries).toHaveLength(2);
  });

  it('refuses invalid options with a TypeError (a caller bug, not a file problem)', () => {
    const text = calendar('UID:x\nDTSTART:20260107T120000Z');
    expect(() => parse(text, { memberTimeZone: 'Mars/Olympus' })).toThrow(TypeError);
    expect(() => parse(text, { maxOccurrencesPerSeries: 0 })).toThrow(TypeError);
    expect(() =>
      parse(text, { window: { from: new Date('2027-01-01'), to: new Date('2026-01-01') } }),
    ).toThrow(TypeError);
  });
});
