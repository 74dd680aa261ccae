import { describe, expect, it } from 'vitest';
import {
  CsvParseError,
  type CsvParseOptions,
  parseEntriesCsv,
  TILTMETER_CSV_HEADERS,
} from '../../../server/src/modules/imports/csv-parse.ts';

const OPTIONS: CsvParseOptions = { timeZone: 'Europe/Berlin' };

function parse(text: string, options: Partial<CsvParseOptions> = {}) {
  return parseEntriesCsv(text, { ...OPTIONS, ...options });
}

function refusal(run: () => unknown): CsvParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof CsvParseError) return error;
    throw error;
  }
  throw new Error('expected a CsvParseError');
}

const iso = (date: Date) => date.toISOString();

describe('parseEntriesCsv: Tiltmeter format', () => {
  it('exports its header list', () => {
    expect(TILTMETER_CSV_HEADERS.join(',')).toBe(
      'title,start,end,time_zone,all_day,attendees,organizer,rsvp,show_as,series_id,external_uid',
    );
  });

  const header = TILTMETER_CSV_HEADERS.join(',');
  const cases: [string, string, Record<string, unknown>][] = [
    [
      'UTC instants and every column given',
      'Weekly 1:1,2026-03-05T09:00:00Z,2026-03-05T09:30:00Z,Europe/Berlin,false,2,false,tentative,busy,series-7,uid-1',
      {
        externalUid: 'uid-1',
        seriesId: 'series-7',
        title: 'Weekly 1:1',
        start: '2026-03-05T09:00:00.000Z',
        end: '2026-03-05T09:30:00.000Z',
        timeZone: 'Europe/Berlin',
        allDay: false,
        attendees: 2,
        organizer: false,
        rsvp: 'tentative',
        showAs: 'busy',
        status: 'confirmed',
        lineNumber: 2,
      },
    ],
    [
      'an offset instant; defaults for everything optional',
      'Focus,2026-03-05T10:00+01:00,2026-03-05T12:00+01:00,,,,,,,,',
      {
        seriesId: null,
        start: '2026-03-05T09:00:00.000Z',
        end: '2026-03-05T11:00:00.000Z',
        timeZone: 'Europe/Berlin',
        allDay: false,
        attendees: 0,
        organizer: true,
        rsvp: 'accepted',
        showAs: 'busy',
      },
    ],
    [
      'local date-times read in the row zone (a space instead of T)',
      'Standup,2026-03-09 09:00,2026-03-09 09:15:00,America/New_York,,,,,,,',
      { start: '2026-03-09T13:00:00.000Z', end: '2026-03-09T13:15:00.000Z', timeZone: 'America/New_York' },
    ],
    [
      'local date-times without a zone use the member zone',
      'Review,2026-07-01T14:00,2026-07-01T15:00,,,,,,,,',
      { start: '2026-07-01T12:00:00.000Z', end: '2026-07-01T13:00:00.000Z', timeZone: 'Europe/Berlin' },
    ],
    [
      'bare dates make an all-day row (end exclusive)',
      'Vacation,2026-03-09,2026-03-14,,,,,,,,',
      { allDay: true, start: '2026-03-08T23:00:00.000Z', end: '2026-03-13T23:00:00.000Z' },
    ],
    [
      'booleans and enums in other spellings',
      'Offsite,2026-03-05T09:00:00Z,2026-03-05T17:00:00Z,,no,12,0,needs-action,out-of-office,,',
      { allDay: false, attendees: 12, organizer: false, rsvp: 'needs_action', showAs: 'out_of_office' },
    ],
    [
      'an empty title is null; the export formula guard is removed',
      ',2026-03-05T09:00:00Z,2026-03-05T10:00:00Z,,,,,,,,',
      { title: null },
    ],
    [
      "the export's apostrophe before = comes off",
      "'=SUM(A1),2026-03-05T09:00:00Z,2026-03-05T10:00:00Z,,,,,,,,",
      { title: '=SUM(A1)' },
    ],
  ];

  it.each(cases)('%s', (_, row, expected) => {
    const result = parse(`${header}\r\n${row}\r\n`);
    expect(result.format).toBe('tiltmeter');
    expect(result.entries).toHaveLength(1);
    const [entry] = result.entries;
    expect({ ...entry, start: iso(entry?.start as Date), end: iso(entry?.end as Date) }).toMatchObject(
      expected,
    );
  });

  it('accepts columns in any order and only start and end', () => {
    const result = parse('end,start\n2026-03-05T10:00:00Z,2026-03-05T09:00:00Z\n');
    expect(result.entries.map((e) => [iso(e.start), iso(e.end), e.title])).toEqual([
      ['2026-03-05T09:00:00.000Z', '2026-03-05T10:00:00.000Z', null],
    ]);
  });

  it('derives a stable identity from the row when there is none, distinct for repeated rows', () => {
    const text =
      'title,start,end\nA,2026-03-05T09:00:00Z,2026-03-05T10:00:00Z\nA,2026-03-05T09:00:00Z,2026-03-05T10:00:00Z\n';
    const first = parse(text).entries.map((e) => e.externalUid);
    expect(parse(text).entries.map((e) => e.externalUid)).toEqual(first);
    expect(first[0]).toMatch(/^csv-[0-9a-f]{32}$/);
    expect(first[1]).toBe(`${first[0]}#2`);
  });

  it('reads semicolon-separated files (spreadsheets in many locales write them)', () => {
    const result = parse('title;start;end\n"Plan; ship";2026-03-05T09:00:00Z;2026-03-05T10:00:00Z\n');
    expect(result.entries.map((e) => e.title)).toEqual(['Plan; ship']);
  });

  it('reports the first line of a row whose quoted title spans lines', () => {
    const text =
      'title,start,end\n"two\nlines",2026-03-05T09:00:00Z,2026-03-05T10:00:00Z\nnext,2026-03-05T11:00:00Z,2026-03-05T12:00:00Z\n';
    expect(parse(text).entries.map((e) => [e.title, e.lineNumber])).toEqual([
      ['two\nlines', 2],
      ['next', 4],
    ]);
  });
});

describe('parseEntriesCsv: Toggl Track detailed export', () => {
  const header =
    'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (USD)';
  const text = [
    `\uFEFF${header}`,
    'Ana Lima,ana@example.com,Acme,Website,Frontend,"Code review, part 1",Yes,2026-03-05,09:00:00,2026-03-05,10:30:00,01:30:00,"dev, review",150.00',
    'Ana Lima,ana@example.com,,Internal,,,No,2026-03-05,23:30:00,2026-03-06,00:15:00,00:45:00,,',
    'Ben Ode,ben@example.com,Acme,Website,,Design,Yes,2026-03-05,11:00:00,2026-03-05,12:00:00,01:00:00,,',
  ].join('\r\n');

  it('reads rows as solo tracked work in the member zone; title from description, else project', () => {
    const result = parse(text);
    expect(result.format).toBe('toggl');
    expect(
      result.entries.map((e) => [
        e.title,
        iso(e.start),
        iso(e.end),
        e.timeZone,
        e.lineNumber,
        e.attendees,
        e.organizer,
        e.rsvp,
        e.showAs,
      ]),
    ).toEqual([
      [
        'Code review, part 1',
        '2026-03-05T08:00:00.000Z',
        '2026-03-05T09:30:00.000Z',
        'Europe/Berlin',
        2,
        0,
        true,
        'accepted',
        'busy',
      ],
      [
        'Internal',
        '2026-03-05T22:30:00.000Z',
        '2026-03-05T23:15:00.000Z',
        'Europe/Berlin',
        3,
        0,
        true,
        'accepted',
        'busy',
      ],
      [
        'Design',
        '2026-03-05T10:00:00.000Z',
        '2026-03-05T11:00:00.000Z',
        'Europe/Berlin',
        4,
        0,
        true,
        'accepted',
        'busy',
      ],
    ]);
    expect(result.entries.every((e) => e.seriesId === null && !e.allDay && e.status === 'confirmed')).toBe(
      true,
    );
  });

  it('keeps only the member rows of a team export, and lists the others', () => {
    const result = parse(text, { memberEmails: ['ANA@example.com'] });
    expect(result.entries.map((e) => e.lineNumber)).toEqual([2, 3]);
    expect(result.skipped).toEqual([{ line: 4, reason: 'the row belongs to ben@example.com' }]);
  });

  it('gives each row an identity derived from its content, the same on every import', () => {
    const ids = parse(text).entries.map((e) => e.externalUid);
    expect(parse(text).entries.map((e) => e.externalUid)).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toMatch(/^toggl-[0-9a-f]{32}$/);
    const edited = parse(text.replace('Code review, part 1', 'Code review, part 2')).entries.map(
      (e) => e.externalUid,
    );
    expect(edited.slice(1)).toEqual(ids.slice(1));
    expect(edited[0]).not.toBe(ids[0]);
  });

  it('computes the end from Duration when end columns are empty', () => {
    const result = parse(`${header}\nAna,,,Ops,,On call,No,2026-03-05,22:00:00,,,03:15:00,,`);
    expect(result.entries.map((e) => [iso(e.start), iso(e.end)])).toEqual([
      ['2026-03-05T21:00:00.000Z', '2026-03-06T00:15:00.000Z'],
    ]);
  });
});

describe('parseEntriesCsv: Clockify detailed export', () => {
  const header =
    'Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal),Billable Rate (USD),Billable Amount (USD)';

  it.each([
    [
      'US dates and 12-hour times (the default export)',
      [
        'Mobile App,Acme,Push notifications,,Ada,,ada@example.com,dev,Yes,03/06/2026,10:00:00 AM,03/06/2026,12:00:00 PM,02:00:00,2.00,150.00,300.00',
        'Mobile App,Acme,,,Ada,,ada@example.com,,Yes,03/06/2026,11:59:00 PM,03/07/2026,12:30:00 AM,00:31:00,0.52,,',
      ],
      [
        ['Push notifications', '2026-03-06T09:00:00.000Z', '2026-03-06T11:00:00.000Z'],
        ['Mobile App', '2026-03-06T22:59:00.000Z', '2026-03-06T23:30:00.000Z'],
      ],
    ],
    [
      'day-first dates are recognized by a day above 12',
      [
        'Web,,Sprint planning,,Ada,,,,No,03/06/2026,14:00:00,03/06/2026,15:00:00,01:00:00,1.00,,',
        'Web,,Retro,,Ada,,,,No,13/06/2026,14:00,13/06/2026,15:30,01:30:00,1.50,,',
      ],
      [
        ['Sprint planning', '2026-06-03T12:00:00.000Z', '2026-06-03T13:00:00.000Z'],
        ['Retro', '2026-06-13T12:00:00.000Z', '2026-06-13T13:30:00.000Z'],
      ],
    ],
    [
      'ISO and dotted dates, 24-hour times',
      [
        'Web,,Writing,,Ada,,,,No,2026-01-15,08:00:00,2026-01-15,09:45:00,01:45:00,1.75,,',
        'Web,,Reading,,Ada,,,,No,16.01.2026,8:00,16.01.2026,9:00,01:00:00,1.00,,',
      ],
      [
        ['Writing', '2026-01-15T07:00:00.000Z', '2026-01-15T08:45:00.000Z'],
        ['Reading', '2026-01-16T07:00:00.000Z', '2026-01-16T08:00:00.000Z'],
      ],
    ],
    [
      'decimal duration when the end is missing',
      ['Web,,Focus,,Ada,,,,No,2026-01-15,08:00:00,,,,2.5,,'],
      [['Focus', '2026-01-15T07:00:00.000Z', '2026-01-15T09:30:00.000Z']],
    ],
  ])('%s', (_, rows, expected) => {
    const result = parse([header, ...rows].join('\n'));
    expect(result.format).toBe('clockify');
    expect(result.entries.map((e) => [e.title, iso(e.start), iso(e.end)])).toEqual(expected);
  });

  it('reads ambiguous slash dates day-first when asked', () => {
    const row = 'Web,,Sync,,Ada,,,,No,03/06/2026,14:00,03/06/2026,15:00,01:00:00,1.00,,';
    expect(iso(parse(`${header}\n${row}`, { dateOrder: 'dmy' }).entries[0]?.start as Date)).toBe(
      '2026-06-03T12:00:00.000Z',
    );
  });
});

describe('parseEntriesCsv: errors name the line and the column', () => {
  const tilt = 'title,start,end,time_zone,all_day,attendees,organizer,rsvp,show_as';
  const toggl =
    'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags';
  const clockify =
    'Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal)';

  const cases: [string, string, number | null, string | null, RegExp][] = [
    ['end before start', `${tilt}\nA,2026-03-05T10:00Z,2026-03-05T09:00Z,,,,,,`, 2, 'end', /is before start/],
    [
      'an unreadable start',
      `${tilt}\nA,5 March,2026-03-05T09:00Z,,,,,,`,
      2,
      'start',
      /"5 March" is not an ISO date-time/,
    ],
    ['February 30', `${tilt}\nA,2026-02-30T10:00,2026-03-01T09:00,,,,,,`, 2, 'start', /not a valid date/],
    ['an empty end', `${tilt}\nA,2026-03-05T10:00Z,,,,,,,`, 2, 'end', /is empty/],
    [
      'an unknown zone',
      `${tilt}\nA,2026-03-05T10:00,2026-03-05T11:00,Mars/Olympus,,,,,`,
      2,
      'time_zone',
      /not an IANA time zone/,
    ],
    [
      'a non-boolean',
      `${tilt}\nA,2026-03-05T10:00Z,2026-03-05T11:00Z,,maybe,,,,`,
      2,
      'all_day',
      /not true or false/,
    ],
    [
      'a negative attendee count',
      `${tilt}\nA,2026-03-05T10:00Z,2026-03-05T11:00Z,,,-1,,,`,
      2,
      'attendees',
      /not a whole number/,
    ],
    [
      'an unknown rsvp',
      `${tilt}\nA,2026-03-05T10:00Z,2026-03-05T11:00Z,,,,,maybe,`,
      2,
      'rsvp',
      /not one of accepted/,
    ],
    [
      'an unknown show_as',
      `${tilt}\nA,2026-03-05T10:00Z,2026-03-05T11:00Z,,,,,,away`,
      2,
      'show_as',
      /not one of busy/,
    ],
    [
      'the line after a two-line cell',
      `${tilt}\n"a\nb",2026-03-05T10:00Z,2026-03-05T11:00Z,,,,,,\nB,x,2026-03-05T11:00Z,,,,,,`,
      4,
      'start',
      /"x"/,
    ],
    [
      'an unknown Tiltmeter column',
      'title,start,end,colour\nA,2026-03-05,2026-03-06,red',
      1,
      'colour',
      /"colour" is not a Tiltmeter column/,
    ],
    ['a header nobody writes', 'when,what\n2026-03-05,thing', 1, null, /not a format Tiltmeter reads/],
    [
      'a Toggl date',
      `${toggl}\nAna,,,,,x,No,05 March 2026,09:00:00,2026-03-05,10:00:00,01:00:00,`,
      2,
      'Start date',
      /not a date/,
    ],
    [
      'a Toggl time',
      `${toggl}\nAna,,,,,x,No,2026-03-05,25:00:00,2026-03-05,10:00:00,01:00:00,`,
      2,
      'Start time',
      /not a valid time/,
    ],
    [
      'a Toggl end before start',
      `${toggl}\nAna,,,,,x,No,2026-03-05,11:00:00,2026-03-05,10:00:00,01:00:00,`,
      2,
      'End time',
      /before the start/,
    ],
    [
      'a Clockify 12-hour time',
      `${clockify}\nW,,x,,Ada,,,,No,03/05/2026,13:00 PM,03/05/2026,2:00 PM,01:00:00,1.00`,
      2,
      'Start Time',
      /not a valid 12-hour time/,
    ],
    [
      'Clockify without end or duration',
      `${clockify}\nW,,x,,Ada,,,,No,03/05/2026,1:00 PM,,,,`,
      2,
      'End Time',
      /no duration/,
    ],
    [
      'an unclosed quote',
      `${tilt}\n"A,2026-03-05T10:00Z,2026-03-05T11:00Z,,,,,,`,
      2,
      null,
      /not valid CSV: Quote Not Closed/,
    ],
    [
      'a row with too many cells',
      `${tilt}\nA,2026-03-05T10:00Z,2026-03-05T11:00Z,,,,,,,extra`,
      2,
      null,
      /Invalid Record Length/,
    ],
    ['an empty file', '', null, null, /empty/],
  ];

  it.each(cases)('%s', (_, text, line, field, message) => {
    const error = refusal(() => parse(text));
    expect([error.line, error.field]).toEqual([line, field]);
    expect(error.message).toMatch(message);
  });

  it('lists every bad row (up to 20), not only the first', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `R${i},bad,2026-03-05T11:00Z`);
    const error = refusal(() => parse(['title,start,end', ...rows].join('\n')));
    expect(error.issues).toHaveLength(20);
    expect(error.issues.slice(0, 2)).toEqual([
      { line: 2, field: 'start', message: expect.stringMatching(/"bad"/) },
      { line: 3, field: 'start', message: expect.stringMatching(/"bad"/) },
    ]);
    expect(error.message).toMatch(/^Line 2, column "start": .* \(and 19 more problems\)\.$/);
  });

  it('accepts a header-only file as nothing to import', () => {
    expect(parse(`${TILTMETER_CSV_HEADERS.join(',')}\n`)).toEqual({
      format: 'tiltmeter',
      entries: [],
      skipped: [],
    });
  });

  it('throws only CsvParseError for garbage', () => {
    const samples = [
      '"',
      '\u0000\u0001',
      'start,end\n"',
      'a,b\n1',
      ',,,\n,,,',
      'start,end\n\u0000,\u0000',
      '\uFEFF',
      'start\nend',
    ];
    for (const sample of samples) {
      try {
        parse(sample);
      } catch (error) {
        expect(error).toBeInstanceOf(CsvParseError);
      }
    }
  });

  it('refuses an invalid member zone as a caller bug', () => {
    expect(() => parse('title,start,end\n', { timeZone: 'Nowhere' })).toThrow(TypeError);
  });
});
