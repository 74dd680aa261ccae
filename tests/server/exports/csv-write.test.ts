import { describe, expect, it } from 'vitest';
import {
  csvCell,
  ENTRY_EXPORT_COLUMNS,
  type EntryExportRow,
  entriesToCsv,
  entryCsvLines,
} from '../../../server/src/modules/exports/csv-write.ts';
import { parseEntriesCsv } from '../../../server/src/modules/imports/csv-parse.ts';

const base: EntryExportRow = {
  id: '0190f2c4-0000-7000-8000-000000000001',
  title: 'Focus time',
  start: new Date('2026-03-05T08:00:00Z'),
  end: new Date('2026-03-05T10:00:00Z'),
  timeZone: 'Europe/Berlin',
  allDay: false,
  attendees: 0,
  organizer: true,
  rsvp: 'accepted',
  showAs: 'busy',
  source: 'ics_file',
  category: 'maker',
  subtype: null,
  reason: 'maker: solo busy block with no attendees',
  overridden: false,
};

describe('entriesToCsv', () => {
  it('writes the header and one CRLF line per entry', () => {
    expect(entriesToCsv([base])).toBe(
      'id,title,start,end,time_zone,all_day,attendees,organizer,rsvp,show_as,source,category,subtype,reason,overridden\r\n' +
        '0190f2c4-0000-7000-8000-000000000001,Focus time,2026-03-05T08:00:00.000Z,2026-03-05T10:00:00.000Z,' +
        'Europe/Berlin,false,0,true,accepted,busy,ics_file,maker,,maker: solo busy block with no attendees,false\r\n',
    );
    expect(ENTRY_EXPORT_COLUMNS).toHaveLength(15);
  });

  it('writes only the header for no entries', () => {
    expect(entriesToCsv([])).toBe(`${ENTRY_EXPORT_COLUMNS.join(',')}\r\n`);
  });

  it.each([
    ['plain', 'Weekly sync', 'Weekly sync'],
    ['a comma', 'Plan, ship', '"Plan, ship"'],
    ['a quote', 'The "big" one', '"The ""big"" one"'],
    ['a line break', 'one\ntwo', '"one\ntwo"'],
    ['a leading space', ' padded', '" padded"'],
    ['a formula', '=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['a plus', '+1 555', "'+1 555"],
    ['a minus', '-2 days', "'-2 days"],
    ['an at sign', '@channel standup', "'@channel standup"],
    ['a leading tab', '\tcmd', "'\tcmd"],
    ['a leading carriage return', '\rcmd', '"\'\rcmd"'],
    ['an inner equals sign', 'a=b', 'a=b'],
    ['an empty value', '', ''],
  ])('quotes and guards a cell with %s', (_, value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('streams the same text line by line', () => {
    const rows = [base, { ...base, id: 'b', title: null }];
    expect([...entryCsvLines(rows)].join('')).toBe(entriesToCsv(rows));
  });

  it('round-trips through the Tiltmeter CSV import', () => {
    const rows: EntryExportRow[] = [
      base,
      {
        ...base,
        id: 'r2',
        title: '=1+1 "quoted", with comma\nand a second line',
        start: new Date('2026-03-09T13:00:00Z'),
        end: new Date('2026-03-09T13:30:00Z'),
        timeZone: 'America/New_York',
        attendees: 2,
        organizer: false,
        rsvp: 'needs_action',
        showAs: 'tentative',
        category: 'manager',
        subtype: 'one_on_one',
        reason: 'manager, 1:1: 2 attendees and recurring',
        overridden: true,
      },
      {
        ...base,
        id: 'r3',
        title: null,
        start: new Date('2026-03-08T23:00:00Z'),
        end: new Date('2026-03-13T23:00:00Z'),
        allDay: true,
        showAs: 'out_of_office',
        category: 'excluded',
        reason: '-excluded: all-day',
      },
    ];
    const result = parseEntriesCsv(entriesToCsv(rows), { timeZone: 'UTC' });
    expect(result.format).toBe('tiltmeter');
    expect(result.entries).toEqual(
      rows.map((row, index) => ({
        externalUid: `tiltmeter-${row.id}`,
        seriesId: null,
        title: row.title,
        start: row.start,
        end: row.end,
        timeZone: row.timeZone,
        allDay: row.allDay,
        attendees: row.attendees,
        organizer: row.organizer,
        rsvp: row.rsvp,
        showAs: row.showAs,
        status: 'confirmed',
        lineNumber: [2, 3, 5][index],
      })),
    );
  });
});
