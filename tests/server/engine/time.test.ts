import { DEFAULT_WORKING_HOURS } from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import {
  addIsoWeeks,
  datesOfIsoWeek,
  dayBounds,
  isoWeekBounds,
  isoWeekday,
  isoWeekIndex,
  isoWeekOf,
  isoWeekOfDate,
  localDateOf,
  localDatesTouched,
  localTimeToInstant,
  workingIntervals,
} from '../../../server/src/engine/index.ts';

const HOUR = 3_600_000;

describe('isoWeekOfDate', () => {
  it.each([
    ['2026-01-26', '2026-W05'],
    ['2026-01-01', '2026-W01'], // a Thursday: week 1 of its own year
    ['2025-12-29', '2026-W01'], // Monday of week 1 lies in the previous calendar year
    ['2025-12-28', '2025-W52'],
    ['2026-12-31', '2026-W53'], // 2026 starts on a Thursday, so it has 53 weeks
    ['2027-01-03', '2026-W53'], // and its last week runs into 2027
    ['2027-01-04', '2027-W01'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOfDate(date)).toBe(week);
  });

  it('rejects dates that do not exist', () => {
    expect(() => isoWeekOfDate('2026-02-30')).toThrow(RangeError);
  });
});

describe('isoWeekOf an instant depends on the zone', () => {
  it.each([
    ['2026-01-04T23:30:00Z', 'UTC', '2026-W01'],
    ['2026-01-04T23:30:00Z', 'Europe/Berlin', '2026-W02'], // already Monday 00:30 in Berlin
    ['2026-01-05T05:00:00Z', 'America/Los_Angeles', '2026-W01'], // still Sunday 21:00 in Los Angeles
    ['2026-01-04T15:30:00Z', 'Pacific/Kiritimati', '2026-W02'], // UTC+14
  ])('%s in %s is %s', (instant, zone, week) => {
    expect(isoWeekOf(new Date(instant), zone)).toBe(week);
  });
});

describe('datesOfIsoWeek', () => {
  it.each([
    [
      '2026-W05',
      ['2026-01-26', '2026-01-27', '2026-01-28', '2026-01-29', '2026-01-30', '2026-01-31', '2026-02-01'],
    ],
    [
      '2026-W01',
      ['2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'],
    ],
    [
      '2026-W53',
      ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03'],
    ],
  ])('%s', (week, dates) => {
    expect(datesOfIsoWeek(week)).toEqual(dates);
    expect(dates.map(isoWeekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it.each(['2025-W53', '2026-W00', '2026-W54', '2026-5'])('rejects %s', (week) => {
    expect(() => datesOfIsoWeek(week)).toThrow(RangeError);
  });
});

describe('week arithmetic', () => {
  it.each([
    ['2026-W52', 1, '2026-W53'],
    ['2026-W53', 1, '2027-W01'],
    ['2026-W05', -5, '2025-W52'],
    ['2026-W05', 26, '2026-W31'],
    ['2026-W05', 0, '2026-W05'],
  ])('%s %+d weeks is %s', (week, weeks, expected) => {
    expect(addIsoWeeks(week, weeks)).toBe(expected);
    expect(isoWeekIndex(expected) - isoWeekIndex(week)).toBe(weeks);
  });
});

describe('true lengths of days and weeks', () => {
  it.each([
    ['Europe/Berlin', '2026-W05', 168], // no change
    ['Europe/Berlin', '2026-W13', 167], // clocks go forward on Sunday 2026-03-29
    ['Europe/Berlin', '2026-W43', 169], // clocks go back on Sunday 2026-10-25
    ['UTC', '2026-W13', 168],
    ['America/New_York', '2026-W10', 167], // US change on Sunday 2026-03-08
    ['America/New_York', '2026-W13', 168], // the European change does not touch New York
  ])('%s %s lasts %i hours', (zone, week, hours) => {
    const bounds = isoWeekBounds(week, zone);
    expect((bounds.end - bounds.start) / HOUR).toBe(hours);
  });

  it.each([
    ['2026-03-29', 23],
    ['2026-03-30', 24],
    ['2026-10-25', 25],
  ])('Berlin %s lasts %i hours', (date, hours) => {
    const bounds = dayBounds(date, 'Europe/Berlin');
    expect((bounds.end - bounds.start) / HOUR).toBe(hours);
    expect(localDateOf(bounds.start, 'Europe/Berlin')).toBe(date);
    expect(localDateOf(bounds.end - 1, 'Europe/Berlin')).toBe(date);
  });
});

describe('localTimeToInstant', () => {
  it.each([
    ['2026-01-26', '09:00', 'Europe/Berlin', '2026-01-26T08:00:00.000Z'],
    ['2026-07-01', '09:00', 'Europe/Berlin', '2026-07-01T07:00:00.000Z'],
    ['2026-01-26', '24:00', 'Europe/Berlin', '2026-01-26T23:00:00.000Z'],
    // 02:30 does not exist on 2026-03-29 in Berlin: a wall clock shows 03:30 CEST by then.
    ['2026-03-29', '02:30', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
    ['2026-01-26', '09:00', 'Asia/Kolkata', '2026-01-26T03:30:00.000Z'],
  ])('%s %s in %s is %s', (date, clock, zone, expected) => {
    expect(new Date(localTimeToInstant(date, clock, zone)).toISOString()).toBe(expected);
  });
});

describe('localDatesTouched', () => {
  it.each([
    ['inside one day', '2026-01-26T08:00:00Z', '2026-01-26T09:00:00Z', 'Europe/Berlin', ['2026-01-26']],
    [
      'crossing local midnight',
      '2026-01-26T21:00:00Z',
      '2026-01-27T01:00:00Z',
      'Europe/Berlin',
      ['2026-01-26', '2026-01-27'],
    ],
    [
      'ending exactly at local midnight',
      '2026-01-26T21:00:00Z',
      '2026-01-26T23:00:00Z',
      'Europe/Berlin',
      ['2026-01-26'],
    ],
    [
      'spanning three days',
      '2026-01-26T22:00:00Z',
      '2026-01-28T12:00:00Z',
      'Europe/Berlin',
      ['2026-01-26', '2026-01-27', '2026-01-28'],
    ],
    [
      'the same instants in UTC stay on one day',
      '2026-01-26T22:30:00Z',
      '2026-01-26T23:30:00Z',
      'UTC',
      ['2026-01-26'],
    ],
    [
      'the same instants in Berlin cross midnight',
      '2026-01-26T22:30:00Z',
      '2026-01-26T23:30:00Z',
      'Europe/Berlin',
      ['2026-01-26', '2026-01-27'],
    ],
    ['zero length', '2026-01-26T08:00:00Z', '2026-01-26T08:00:00Z', 'Europe/Berlin', ['2026-01-26']],
    [
      'across the short DST night',
      '2026-03-28T22:00:00Z',
      '2026-03-29T23:00:00Z',
      'Europe/Berlin',
      ['2026-03-28', '2026-03-29', '2026-03-30'],
    ],
  ])('%s', (_name, start, end, zone, dates) => {
    expect(localDatesTouched({ start: new Date(start), end: new Date(end) }, zone)).toEqual(dates);
  });
});

describe('workingIntervals', () => {
  it('is 8 hours on the Monday after the spring change and on the day itself when it is a working day', () => {
    const monday = workingIntervals('2026-03-30', DEFAULT_WORKING_HOURS, 'Europe/Berlin');
    expect(monday.map((i) => (i.end - i.start) / HOUR)).toEqual([8]);
    const sunday = workingIntervals(
      '2026-03-29',
      { ...DEFAULT_WORKING_HOURS, '7': [{ start: '00:00', end: '24:00' }] },
      'Europe/Berlin',
    );
    expect(sunday.map((i) => (i.end - i.start) / HOUR)).toEqual([23]);
  });

  it('merges touching ranges and is empty on days without hours', () => {
    const split = {
      ...DEFAULT_WORKING_HOURS,
      '1': [
        { start: '13:00', end: '17:00' },
        { start: '09:00', end: '13:00' },
      ],
    };
    expect(workingIntervals('2026-01-26', split, 'UTC')).toEqual([
      { start: Date.parse('2026-01-26T09:00:00Z'), end: Date.parse('2026-01-26T17:00:00Z') },
    ]);
    expect(workingIntervals('2026-01-31', DEFAULT_WORKING_HOURS, 'UTC')).toEqual([]);
  });
});
