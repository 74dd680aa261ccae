import { describe, expect, it } from 'vitest';
import {
  type MetricEntry,
  mergeIntervals,
  resolveTimeline,
  subtractIntervals,
} from '../../../server/src/engine/index.ts';
import { at, dayContext, entry, MONDAY } from './fixtures.ts';

const day = { start: at(MONDAY, '00:00').getTime(), end: at(MONDAY, '24:00').getTime() };

/** The resolved timeline as readable `HH:MM-HH:MM category[/subtype]` strings in Berlin time. */
function describeTimeline(entries: MetricEntry[]): string[] {
  const clock = (ms: number) =>
    new Date(ms).toLocaleTimeString('en-GB', {
      timeZone: dayContext().timeZone,
      hour: '2-digit',
      minute: '2-digit',
    });
  return resolveTimeline(entries, day).map(
    (s) => `${clock(s.start)}-${clock(s.end)} ${s.category}${s.subtype ? `/${s.subtype}` : ''}`,
  );
}

describe('resolveTimeline: overlap precedence', () => {
  it.each<[string, MetricEntry[], string[]]>([
    [
      'manager cuts through maker',
      [
        entry('maker', MONDAY, '09:00', '12:00'),
        entry('manager', MONDAY, '10:00', '11:00', { subtype: 'one_on_one' }),
      ],
      ['09:00-10:00 maker', '10:00-11:00 manager/one_on_one', '11:00-12:00 maker'],
    ],
    [
      'maker wins over neutral',
      [entry('neutral', MONDAY, '12:00', '13:00'), entry('maker', MONDAY, '12:30', '14:00')],
      ['12:00-12:30 neutral', '12:30-14:00 maker'],
    ],
    [
      'manager wins over neutral and maker at once',
      [
        entry('neutral', MONDAY, '09:00', '10:00'),
        entry('maker', MONDAY, '09:00', '10:00'),
        entry('manager', MONDAY, '09:15', '09:45', { subtype: null }),
      ],
      ['09:00-09:15 maker', '09:15-09:45 manager', '09:45-10:00 maker'],
    ],
    [
      'excluded and unclassified count nowhere, not even against maker time',
      [
        entry('maker', MONDAY, '09:00', '11:00'),
        entry('excluded', MONDAY, '09:30', '10:00'),
        entry('unclassified', MONDAY, '13:00', '14:00'),
      ],
      ['09:00-11:00 maker'],
    ],
    [
      'of two overlapping meetings the one that started first keeps the overlap',
      [
        entry('manager', MONDAY, '10:30', '11:30', { subtype: 'team_sync' }),
        entry('manager', MONDAY, '10:00', '11:00', { subtype: 'one_on_one' }),
      ],
      ['10:00-11:00 manager/one_on_one', '11:00-11:30 manager/team_sync'],
    ],
    [
      'an identical duplicate counts once',
      [
        entry('manager', MONDAY, '10:00', '11:00', { id: 'b' }),
        entry('manager', MONDAY, '10:00', '11:00', { id: 'a' }),
      ],
      ['10:00-11:00 manager/team_sync'],
    ],
    [
      'entries are clipped to the window',
      [entry('maker', '2026-01-25', '22:00', '02:00', { endDate: MONDAY })],
      ['00:00-02:00 maker'],
    ],
    ['no entries, no time', [], []],
  ])('%s', (_name, entries, expected) => {
    expect(describeTimeline(entries)).toEqual(expected);
  });

  it('attributes the overlap to the earliest entry by id', () => {
    const segments = resolveTimeline(
      [
        entry('manager', MONDAY, '10:00', '11:00', { id: 'b' }),
        entry('manager', MONDAY, '10:00', '11:00', { id: 'a' }),
      ],
      day,
    );
    expect(segments.map((s) => s.entryId)).toEqual(['a']);
  });
});

describe('interval sets', () => {
  const i = (start: number, end: number) => ({ start, end });
  it.each([
    ['touching and overlapping intervals merge', [i(5, 7), i(1, 3), i(3, 4), i(6, 9)], [i(1, 4), i(5, 9)]],
    ['empty intervals vanish', [i(2, 2), i(4, 5)], [i(4, 5)]],
  ])('merge: %s', (_name, input, expected) => {
    expect(mergeIntervals(input)).toEqual(expected);
  });

  it.each([
    ['a hole in the middle', [i(0, 10)], [i(3, 4)], [i(0, 3), i(4, 10)]],
    ['cuts beyond both ends', [i(2, 8)], [i(0, 3), i(7, 12)], [i(3, 7)]],
    ['a full cover leaves nothing', [i(2, 8)], [i(0, 10)], []],
    ['nothing to cut', [i(2, 8)], [], [i(2, 8)]],
  ])('subtract: %s', (_name, base, cut, expected) => {
    expect(subtractIntervals(base, cut)).toEqual(expected);
  });
});
