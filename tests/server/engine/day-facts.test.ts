import { type DayFacts, DayFactsSchema, DEFAULT_WORKING_HOURS, type TimeBlock } from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import { computeDayDetail, computeDayFacts, type MetricEntry } from '../../../server/src/engine/index.ts';
import { at, BERLIN, dayContext, entry, MONDAY, NO_WORKING_HOURS } from './fixtures.ts';

/** `HH:MM-HH:MM minutes` in the given zone, so expectations read like a calendar. */
function show(blocks: readonly TimeBlock[], timeZone = BERLIN): string[] {
  const clock = (iso: string) =>
    new Date(iso).toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
  return blocks.map((b) => `${clock(b.start)}-${clock(b.end)} ${b.minutes}`);
}

describe('the brief example: one 30-minute meeting in an otherwise empty 09:00-17:00 day, N = 120', () => {
  const focusDay = () => entry('maker', MONDAY, '09:00', '17:00', { id: 'focus' });
  it.each([
    {
      name: 'meeting at 14:00, open day',
      entries: [entry('manager', MONDAY, '14:00', '14:30', { id: 'm' })],
      capacity: ['09:00-14:00 300', '14:30-17:00 150'],
      fragmentedCapacity: 0,
      makerBlocks: [],
      fragmentedMaker: 0,
      focusCost: 0,
    },
    {
      name: 'meeting at 10:00, open day',
      entries: [entry('manager', MONDAY, '10:00', '10:30', { id: 'm' })],
      capacity: ['10:30-17:00 390'],
      fragmentedCapacity: 60,
      makerBlocks: [],
      fragmentedMaker: 0,
      focusCost: 60,
    },
    {
      name: 'meeting at 14:00 inside a declared 09:00-17:00 focus block',
      entries: [focusDay(), entry('manager', MONDAY, '14:00', '14:30', { id: 'm' })],
      capacity: ['09:00-14:00 300', '14:30-17:00 150'],
      fragmentedCapacity: 0,
      makerBlocks: ['09:00-14:00 300', '14:30-17:00 150'],
      fragmentedMaker: 0,
      focusCost: 0,
    },
    {
      name: 'meeting at 10:00 inside a declared 09:00-17:00 focus block',
      entries: [focusDay(), entry('manager', MONDAY, '10:00', '10:30', { id: 'm' })],
      capacity: ['10:30-17:00 390'],
      fragmentedCapacity: 60,
      makerBlocks: ['09:00-10:00 60', '10:30-17:00 390'],
      fragmentedMaker: 60,
      focusCost: 60,
    },
  ])('$name', ({ entries, capacity, fragmentedCapacity, makerBlocks, fragmentedMaker, focusCost }) => {
    const facts = computeDayFacts(entries, MONDAY, dayContext());
    expect(show(facts.capacityBlocks)).toEqual(capacity);
    expect(facts.fragmentedCapacityMinutes).toBe(fragmentedCapacity);
    expect(show(facts.makerBlocks.filter((b) => b.deep))).toEqual(
      makerBlocks.filter((b) => !b.endsWith(' 60')),
    );
    expect(show(facts.makerBlocks)).toEqual(makerBlocks);
    expect(facts.fragmentedMakerMinutes).toBe(fragmentedMaker);
    expect(facts.meetings.map((m) => [m.entryId, m.minutes, m.focusCostMinutes])).toEqual([
      ['m', 30, focusCost],
    ]);
    expect(facts.focusCostMinutes).toBe(focusCost);
  });
});

type Expected = Partial<Omit<DayFacts, 'makerBlocks' | 'capacityBlocks' | 'meetings'>>;

describe('computeDayFacts: every metric', () => {
  it.each<{
    name: string;
    entries: MetricEntry[];
    date?: string;
    context?: Parameters<typeof dayContext>[0];
    expected: Expected;
  }>([
    {
      name: 'an empty working day is all capacity',
      entries: [],
      expected: {
        makerMinutes: 0,
        managerMinutes: 0,
        neutralMinutes: 0,
        workingDay: true,
        workingMinutes: 480,
        capacityMinutes: 480,
        capacityBlockMinutes: 480,
        fragmentedCapacityMinutes: 0,
        deepBlocks: 0,
        longestBlockMinutes: 0,
        meetingCount: 0,
        contextSwitches: 0,
        dayMinutes: 1440,
      },
    },
    {
      name: 'overlaps count once: manager over maker over neutral',
      entries: [
        entry('maker', MONDAY, '09:00', '12:00'),
        entry('manager', MONDAY, '10:00', '11:00', { subtype: 'one_on_one' }),
        entry('neutral', MONDAY, '11:30', '13:00'),
      ],
      expected: { makerMinutes: 120, managerMinutes: 60, neutralMinutes: 60 },
    },
    {
      name: 'per-subtype minutes add up to manager minutes',
      entries: [
        entry('manager', MONDAY, '10:00', '11:00', { subtype: 'one_on_one' }),
        entry('manager', MONDAY, '10:30', '11:30', { subtype: 'review' }),
        entry('manager', MONDAY, '15:00', '15:45', { subtype: null }),
      ],
      expected: {
        managerMinutes: 135,
        managerBySubtype: {
          one_on_one: 60,
          team_sync: 0,
          review: 30,
          hiring: 0,
          external: 0,
          coordination: 0,
          unspecified: 45,
        },
      },
    },
    {
      name: 'deep blocks with N = 120',
      entries: [
        entry('maker', MONDAY, '09:00', '12:00'),
        entry('maker', MONDAY, '13:00', '17:00'),
        entry('maker', MONDAY, '18:00', '19:30'),
      ],
      expected: {
        makerMinutes: 510,
        deepBlocks: 2,
        deepMinutes: 420,
        longestBlockMinutes: 240,
        fragmentedMakerMinutes: 90,
      },
    },
    {
      name: 'deep blocks with N = 240 (the half-day)',
      entries: [
        entry('maker', MONDAY, '09:00', '12:00'),
        entry('maker', MONDAY, '13:00', '17:00'),
        entry('maker', MONDAY, '18:00', '19:30'),
      ],
      context: { deepBlockMinutes: 240 },
      expected: {
        makerMinutes: 510,
        deepBlocks: 1,
        deepMinutes: 240,
        longestBlockMinutes: 240,
        fragmentedMakerMinutes: 270,
      },
    },
    {
      name: 'touching and overlapping maker entries form one run, without double counting',
      entries: [
        entry('maker', MONDAY, '09:00', '10:00'),
        entry('maker', MONDAY, '10:00', '10:45'),
        entry('maker', MONDAY, '09:30', '11:00'),
      ],
      expected: {
        makerMinutes: 120,
        deepBlocks: 1,
        deepMinutes: 120,
        longestBlockMinutes: 120,
        fragmentedMakerMinutes: 0,
      },
    },
    {
      name: 'neutral time interrupts a maker run but not capacity',
      entries: [
        entry('maker', MONDAY, '09:00', '10:30'),
        entry('neutral', MONDAY, '10:30', '11:00'),
        entry('maker', MONDAY, '11:00', '12:30'),
      ],
      expected: {
        makerMinutes: 180,
        neutralMinutes: 30,
        deepBlocks: 0,
        fragmentedMakerMinutes: 180,
        longestBlockMinutes: 90,
        capacityBlockMinutes: 480,
      },
    },
    {
      name: 'meetings and back-to-back chains (gaps of up to 5 minutes, overlaps included)',
      entries: [
        entry('manager', MONDAY, '09:00', '09:30'), // chain 1: touching
        entry('manager', MONDAY, '09:30', '10:00'),
        entry('manager', MONDAY, '11:00', '11:25'), // chain 2: a 5-minute gap
        entry('manager', MONDAY, '11:30', '12:00'),
        entry('manager', MONDAY, '13:00', '13:30'), // no chain: a 10-minute gap
        entry('manager', MONDAY, '13:40', '14:00'),
        entry('manager', MONDAY, '15:00', '15:30'), // chain 3: overlapping
        entry('manager', MONDAY, '15:15', '16:00'),
        entry('manager', MONDAY, '16:00', '16:30'), // ... and continued
      ],
      expected: {
        meetingCount: 9,
        backToBackChains: 3,
        managerMinutes: 255,
        capacityMinutes: 225,
        capacityBlockMinutes: 0,
        fragmentedCapacityMinutes: 225,
      },
    },
    {
      name: 'after hours: work outside working hours on a working day; neutral time is not work',
      entries: [
        entry('maker', MONDAY, '07:00', '10:00'),
        entry('manager', MONDAY, '17:00', '18:30'),
        entry('neutral', MONDAY, '18:30', '20:00'),
      ],
      expected: { afterHoursMinutes: 210, weekendMinutes: 0 },
    },
    {
      name: 'weekend: all work on a day without working hours',
      date: '2026-01-31',
      entries: [
        entry('maker', '2026-01-31', '10:00', '12:00'),
        entry('manager', '2026-01-31', '12:00', '12:30'),
      ],
      expected: {
        workingDay: false,
        workingMinutes: 0,
        weekendMinutes: 150,
        afterHoursMinutes: 0,
        capacityMinutes: 0,
      },
    },
    {
      name: "weekend follows the member's working hours, not the calendar: Monday off",
      context: { workingHours: { ...DEFAULT_WORKING_HOURS, '1': [] } },
      entries: [entry('maker', MONDAY, '10:00', '11:00')],
      expected: { workingDay: false, weekendMinutes: 60, afterHoursMinutes: 0 },
    },
    {
      name: 'context switches: maker/manager transitions; neutral and gaps do not count',
      entries: [
        entry('maker', MONDAY, '09:00', '10:00'),
        entry('manager', MONDAY, '10:00', '11:00'),
        entry('neutral', MONDAY, '11:00', '12:00'),
        entry('manager', MONDAY, '12:00', '13:00'),
        entry('maker', MONDAY, '13:00', '15:00'),
        entry('maker', MONDAY, '15:00', '16:00'),
        entry('neutral', MONDAY, '16:00', '16:30'),
        entry('maker', MONDAY, '16:30', '17:00'),
      ],
      expected: { contextSwitches: 2 },
    },
    {
      name: 'a meeting inside a focus block is two switches',
      entries: [entry('maker', MONDAY, '09:00', '17:00'), entry('manager', MONDAY, '11:00', '11:30')],
      expected: { contextSwitches: 2, makerMinutes: 450, managerMinutes: 30 },
    },
    {
      name: 'an entry crossing midnight counts the part on this day (first day)',
      entries: [entry('maker', MONDAY, '22:00', '02:00', { endDate: '2026-01-27' })],
      expected: { makerMinutes: 120, afterHoursMinutes: 120, deepBlocks: 1 },
    },
    {
      name: 'an entry crossing midnight counts the part on this day (second day)',
      date: '2026-01-27',
      entries: [entry('maker', MONDAY, '22:00', '02:00', { endDate: '2026-01-27' })],
      expected: { makerMinutes: 120, afterHoursMinutes: 120, deepBlocks: 1 },
    },
    {
      name: 'spring-forward Sunday: 01:00-04:00 lasts two hours, the day 23',
      date: '2026-03-29',
      entries: [entry('maker', '2026-03-29', '01:00', '04:00')],
      expected: { dayMinutes: 1380, makerMinutes: 120, weekendMinutes: 120, deepBlocks: 1 },
    },
    {
      name: 'fall-back Sunday: 01:00-04:00 lasts four hours, the day 25',
      date: '2026-10-25',
      entries: [entry('maker', '2026-10-25', '01:00', '04:00')],
      expected: { dayMinutes: 1500, makerMinutes: 240, weekendMinutes: 240, deepBlocks: 1 },
    },
    {
      name: "working hours are in the member's zone: 20:00Z is after hours in Berlin",
      entries: [
        {
          ...entry('maker', MONDAY, '09:00', '10:00'),
          start: new Date('2026-01-26T20:00:00Z'),
          end: new Date('2026-01-26T21:00:00Z'),
        },
      ],
      expected: { afterHoursMinutes: 60 },
    },
    {
      name: '... and inside working hours in New York',
      context: { timeZone: 'America/New_York' },
      entries: [
        {
          ...entry('maker', MONDAY, '09:00', '10:00'),
          start: new Date('2026-01-26T20:00:00Z'),
          end: new Date('2026-01-26T21:00:00Z'),
        },
      ],
      expected: { afterHoursMinutes: 0, makerMinutes: 60 },
    },
    {
      name: 'instants are snapped to whole minutes',
      entries: [
        {
          ...entry('maker', MONDAY, '09:00', '11:00'),
          start: new Date(at(MONDAY, '09:00').getTime() + 20_000),
          end: new Date(at(MONDAY, '11:00').getTime() - 10_000),
        },
      ],
      expected: { makerMinutes: 120, deepBlocks: 1 },
    },
    {
      name: 'a member without working hours has no capacity and every day is weekend',
      context: { workingHours: NO_WORKING_HOURS },
      entries: [entry('manager', MONDAY, '10:00', '11:00')],
      expected: { workingDay: false, capacityMinutes: 0, weekendMinutes: 60, meetingCount: 1 },
    },
    {
      name: 'entries of other days are ignored',
      entries: [
        entry('maker', '2026-01-27', '09:00', '17:00'),
        entry('manager', '2026-01-25', '10:00', '11:00'),
      ],
      expected: { makerMinutes: 0, managerMinutes: 0, meetingCount: 0, capacityMinutes: 480 },
    },
  ])('$name', ({ entries, date, context, expected }) => {
    const facts = computeDayFacts(entries, date ?? MONDAY, dayContext(context));
    expect(facts).toMatchObject(expected);
  });
});

describe('day facts are storable', () => {
  const entries = [
    entry('maker', MONDAY, '09:00', '12:00'),
    entry('manager', MONDAY, '12:00', '13:00', { subtype: 'hiring', seriesId: 'interviews' }),
    entry('neutral', MONDAY, '13:00', '14:00'),
  ];

  it('round-trips through JSON and parses with DayFactsSchema', () => {
    const facts = computeDayFacts(entries, MONDAY, dayContext());
    const stored = JSON.parse(JSON.stringify(facts));
    expect(stored).toEqual(facts);
    expect(DayFactsSchema.parse(stored)).toEqual(facts);
    expect(facts.meetings).toEqual([
      {
        entryId: entries[1]?.id,
        seriesId: 'interviews',
        subtype: 'hiring',
        start: '2026-01-26T11:00:00.000Z',
        end: '2026-01-26T12:00:00.000Z',
        minutes: 60,
        focusCostMinutes: 0,
      },
    ]);
  });

  it('the by-day detail carries the resolved timeline', () => {
    const detail = computeDayDetail(entries, MONDAY, dayContext());
    expect(detail.timeline.map((s) => [s.category, s.subtype, s.minutes, s.entryId])).toEqual([
      ['maker', null, 180, entries[0]?.id],
      ['manager', 'hiring', 60, entries[1]?.id],
      ['neutral', null, 60, entries[2]?.id],
    ]);
    expect(detail.facts).toEqual(computeDayFacts(entries, MONDAY, dayContext()));
  });
});
