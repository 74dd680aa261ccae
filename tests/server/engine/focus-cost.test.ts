import type { DayFacts, MeetingFact } from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import {
  computeDayFacts,
  dayBounds,
  focusCostOf,
  type MetricEntry,
  rankSeriesByFocusCost,
  workingIntervals,
} from '../../../server/src/engine/index.ts';
import { dayContext, entry, MONDAY } from './fixtures.ts';

/** Focus cost of each meeting of the Monday, by entry id. */
function costs(entries: MetricEntry[], deepBlockMinutes = 120): Record<string, number> {
  const facts = computeDayFacts(entries, MONDAY, dayContext({ deepBlockMinutes }));
  return Object.fromEntries(facts.meetings.map((m) => [m.entryId, m.focusCostMinutes]));
}

const meeting = (id: string, from: string, to: string, options: { seriesId?: string } = {}) =>
  entry('manager', MONDAY, from, to, { id, ...options });

describe('focus cost of a manager entry', () => {
  it.each<[string, MetricEntry[], number, Record<string, number>]>([
    ['30 min at 10:00 in an open day strands 09:00-10:00', [meeting('a', '10:00', '10:30')], 120, { a: 60 }],
    ['30 min at 14:00 leaves two deep blocks', [meeting('a', '14:00', '14:30')], 120, { a: 0 }],
    ['30 min at 09:00 only takes its own time', [meeting('a', '09:00', '09:30')], 120, { a: 0 }],
    [
      '30 min at 12:00 with N = 240 strands the whole morning',
      [meeting('a', '12:00', '12:30')],
      240,
      { a: 180 },
    ],
    [
      'outside working hours in an open day it costs nothing',
      [meeting('a', '18:00', '18:30')],
      120,
      { a: 0 },
    ],
    [
      'two meetings: each is charged for what it breaks given the other',
      [meeting('a', '08:30', '09:30'), meeting('b', '11:00', '11:30')],
      120,
      // Without a: 09:00-11:00 is a block, with it 09:30-11:00 is not (120 lost, 30 of them its own).
      // Without b: 09:30-17:00 is one block, with it 09:30-11:00 is stranded (120 lost, 30 its own).
      { a: 90, b: 90 },
    ],
    [
      'an exact duplicate costs nothing: the other copy already holds the time',
      [meeting('a', '10:00', '10:30'), meeting('b', '10:00', '10:30')],
      120,
      { a: 0, b: 0 },
    ],
    [
      'the cost is marginal: each meeting is measured against the day with the other still in it',
      [meeting('a', '10:00', '11:00'), meeting('b', '10:15', '10:45')],
      120,
      // b alone already strands 09:00-10:15, so a only adds its own minutes; b sits inside a.
      { a: 0, b: 0 },
    ],
    [
      'declared maker time outside working hours counts too',
      [entry('maker', MONDAY, '19:00', '22:00'), meeting('a', '20:00', '20:30')],
      120,
      { a: 150 },
    ],
    [
      'neutral time does not protect capacity from being stranded',
      [entry('neutral', MONDAY, '12:00', '13:00'), meeting('a', '10:00', '10:30')],
      120,
      { a: 60 },
    ],
  ])('%s', (_name, entries, n, expected) => {
    expect(costs(entries, n)).toEqual(expected);
  });
});

describe('focusCostOf, one meeting on its own', () => {
  it('matches the brief example without going through day facts', () => {
    const context = dayContext();
    const standup = meeting('a', '10:00', '10:30');
    const input = {
      entries: [entry('maker', MONDAY, '09:00', '17:00'), standup],
      meeting: standup,
      day: dayBounds(MONDAY, context.timeZone),
      working: workingIntervals(MONDAY, context.workingHours, context.timeZone),
      deepBlockMinutes: 120,
    };
    expect(focusCostOf(input)).toBe(60);
    // With N = 240 the 09:00-10:00 hour is stranded just the same; 10:30-17:00 (390) is still deep.
    expect(focusCostOf({ ...input, deepBlockMinutes: 240 })).toBe(60);
  });
});

describe('rankSeriesByFocusCost', () => {
  const fact = (
    entryId: string,
    seriesId: string | null,
    minutes: number,
    focusCostMinutes: number,
  ): MeetingFact => ({
    entryId,
    seriesId,
    subtype: 'team_sync',
    start: '2026-01-26T09:00:00.000Z',
    end: '2026-01-26T10:00:00.000Z',
    minutes,
    focusCostMinutes,
  });
  const day = (meetings: MeetingFact[]) => ({ meetings }) as DayFacts;

  it('sums per series, leaves one-off meetings out, counts an occurrence crossing midnight once', () => {
    const ranking = rankSeriesByFocusCost([
      day([fact('s1', 'standup', 15, 60), fact('r1', 'retro', 60, 90), fact('x', null, 30, 200)]),
      day([fact('s2', 'standup', 15, 60), fact('late', 'ops', 60, 10)]),
      day([fact('late', 'ops', 30, 5), fact('p1', 'planning', 60, 0), fact('q1', 'quiet', 30, 0)]),
    ]);
    expect(ranking).toEqual([
      { seriesId: 'standup', occurrences: 2, managerMinutes: 30, focusCostMinutes: 120 },
      { seriesId: 'retro', occurrences: 1, managerMinutes: 60, focusCostMinutes: 90 },
      { seriesId: 'ops', occurrences: 1, managerMinutes: 90, focusCostMinutes: 15 },
      { seriesId: 'planning', occurrences: 1, managerMinutes: 60, focusCostMinutes: 0 },
      { seriesId: 'quiet', occurrences: 1, managerMinutes: 30, focusCostMinutes: 0 },
    ]);
  });

  it('ranks from real day facts', () => {
    const facts = computeDayFacts(
      [
        meeting('standup', '10:00', '10:15', { seriesId: 'daily' }),
        meeting('demo', '16:00', '16:30', { seriesId: 'demo' }),
      ],
      MONDAY,
      dayContext(),
    );
    // The standup strands 09:00-10:00 (60); the demo at 16:00 strands 16:30-17:00 (30).
    expect(rankSeriesByFocusCost([facts]).map((s) => [s.seriesId, s.focusCostMinutes])).toEqual([
      ['daily', 60],
      ['demo', 30],
    ]);
  });
});
