import { describe, expect, it } from 'vitest';
import {
  entriesToIcs,
  escapeText,
  feedSummary,
  foldLine,
  type IcsFeedEntry,
} from '../../../server/src/modules/exports/ics-write.ts';
import { parseIcs } from '../../../server/src/modules/imports/ics-parse.ts';

const focus: IcsFeedEntry = {
  id: 'e1',
  title: 'Focus time',
  start: new Date('2026-03-05T08:00:00Z'),
  end: new Date('2026-03-05T10:00:00Z'),
  timeZone: 'Europe/Berlin',
  allDay: false,
  category: 'maker',
  subtype: null,
  reason: 'maker: title matches "focus"',
  updatedAt: new Date('2026-03-01T12:00:00Z'),
};

describe('entriesToIcs', () => {
  it('writes a VCALENDAR with one UTC VEVENT per entry', () => {
    expect(entriesToIcs('Ana: classified', [focus])).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Tiltmeter//Classified entries//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:Ana: classified',
        'NAME:Ana: classified',
        'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
        'X-PUBLISHED-TTL:PT1H',
        'BEGIN:VEVENT',
        'UID:e1@tiltmeter',
        'DTSTAMP:20260301T120000Z',
        'DTSTART:20260305T080000Z',
        'DTEND:20260305T100000Z',
        'SUMMARY:[maker] Focus time',
        'DESCRIPTION:maker: title matches "focus"',
        'CATEGORIES:maker',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it.each([
    [{ title: 'Weekly', category: 'manager', subtype: 'one_on_one' }, '[manager: 1:1] Weekly'],
    [{ title: 'Standup', category: 'manager', subtype: 'team_sync' }, '[manager: team sync] Standup'],
    [{ title: null, category: 'neutral', subtype: null }, '[neutral]'],
    [{ title: '  ', category: 'excluded', subtype: null }, '[excluded]'],
  ] as const)('summarizes %o as %s', (entry, summary) => {
    expect(feedSummary(entry)).toBe(summary);
  });

  it('escapes TEXT values', () => {
    expect(escapeText('a\\b; c, d\r\ne\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a UTF-8 character, and unfolds to the original', () => {
    const line = `SUMMARY:${'Überprüfung 📅 der Wochenplanung, '.repeat(6)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n').slice(0, -1);
    expect(physical.length).toBeGreaterThan(3);
    for (const [index, part] of physical.entries()) {
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(' ')).toBe(true);
      expect(part).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(`${line}\r\n`);
    expect(foldLine('SHORT:line')).toBe('SHORT:line\r\n');
  });

  it('writes all-day entries as dates in their own zone', () => {
    const text = entriesToIcs('x', [
      {
        ...focus,
        id: 'holiday',
        allDay: true,
        start: new Date('2026-03-08T23:00:00Z'),
        end: new Date('2026-03-09T23:00:00Z'),
        category: 'excluded',
      },
    ]);
    expect(text).toContain('\r\nDTSTART;VALUE=DATE:20260309\r\nDTEND;VALUE=DATE:20260310\r\n');
  });

  it('is deterministic (no clock): the same entries give the same text', () => {
    const withoutStamp = { ...focus, updatedAt: undefined };
    expect(entriesToIcs('x', [withoutStamp])).toBe(entriesToIcs('x', [withoutStamp]));
    expect(entriesToIcs('x', [withoutStamp])).toContain('DTSTAMP:20260305T080000Z');
  });

  it('round-trips through the ICS import', () => {
    const entries: IcsFeedEntry[] = [
      focus,
      {
        id: 'e2',
        title: 'Ana / Ben; plan, review\nand a long tail that makes this summary fold across several lines ✓',
        start: new Date('2026-03-05T12:00:00Z'),
        end: new Date('2026-03-05T12:30:00Z'),
        timeZone: 'America/New_York',
        allDay: false,
        category: 'manager',
        subtype: 'one_on_one',
        reason: 'manager, 1:1: 2 attendees and recurring',
      },
      {
        id: 'e3',
        title: 'Holiday',
        start: new Date('2026-03-08T23:00:00Z'),
        end: new Date('2026-03-10T23:00:00Z'),
        timeZone: 'Europe/Berlin',
        allDay: true,
        category: 'excluded',
        subtype: null,
        reason: 'excluded: all-day',
      },
    ];
    const result = parseIcs(entriesToIcs('Ana: classified', entries), {
      memberEmails: [],
      memberTimeZone: 'Europe/Berlin',
      window: { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') },
      maxOccurrencesPerSeries: 10,
    });
    expect(result.calendarName).toBe('Ana: classified');
    expect(result.skipped).toEqual([]);
    expect(
      result.entries.map((e) => [
        e.externalUid,
        e.title,
        e.start.toISOString(),
        e.end.toISOString(),
        e.allDay,
        e.showAs,
      ]),
    ).toEqual([
      [
        'e1@tiltmeter',
        '[maker] Focus time',
        '2026-03-05T08:00:00.000Z',
        '2026-03-05T10:00:00.000Z',
        false,
        'free',
      ],
      [
        'e2@tiltmeter',
        `[manager: 1:1] ${entries[1]?.title}`,
        '2026-03-05T12:00:00.000Z',
        '2026-03-05T12:30:00.000Z',
        false,
        'free',
      ],
      [
        'e3@tiltmeter',
        '[excluded] Holiday',
        '2026-03-08T23:00:00.000Z',
        '2026-03-10T23:00:00.000Z',
        true,
        'free',
      ],
    ]);
  });
});
