import { describe, expect, it } from 'vitest';
import {
  type CellGroup,
  decideCells,
  median,
} from '../../../server/src/modules/metrics/aggregate-privacy.ts';

const group = (id: string, members: string[], teamSize = members.length): CellGroup => ({
  id,
  name: id,
  teamSize,
  contributors: new Set(members),
});
const people = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('decideCells', () => {
  it('shows a group of five with data and suppresses four, and a team below five whatever its data', () => {
    const decisions = decideCells(
      [group('five', people('a', 5)), group('four', people('b', 4), 8), group('small', people('c', 3))],
      5,
    );
    expect(decisions.get('five')).toBeNull();
    expect(decisions.get('four')).toBe(
      '4 members of the team had classified time this week; aggregates need at least 5',
    );
    expect(decisions.get('small')).toBe('The team has 3 members; team aggregates need at least 5');
  });

  it('never goes below the floor of five, and honours a higher organization setting', () => {
    expect(decideCells([group('five', people('a', 5))], 2).get('five')).toBeNull();
    expect(decideCells([group('five', people('a', 5), 7)], 6).get('five')).toContain(
      'aggregates need at least 6',
    );
  });

  it('keeps the smaller of two groups that differ by one to four members, and shows disjoint or identical ones', () => {
    const base = people('a', 6);
    const decisions = decideCells(
      [
        group('plus-one', [...base, 'x']),
        group('base', base),
        group('same', [...base]),
        group('disjoint', people('z', 5)),
        group('plus-five', [...base, ...people('y', 5)]),
      ],
      5,
    );
    expect(decisions.get('base')).toBeNull();
    expect(decisions.get('same')).toBeNull();
    expect(decisions.get('disjoint')).toBeNull();
    expect(decisions.get('plus-five')).toBeNull();
    expect(decisions.get('plus-one')).toContain('differ from those of team "base" by fewer than 5');
  });

  it('decides the same whatever order the groups come in', () => {
    const groups = [
      group('a', people('p', 7)),
      group('b', [...people('p', 6), 'q']),
      group('c', people('p', 5)),
    ];
    const forward = decideCells(groups, 5);
    const backward = decideCells([...groups].reverse(), 5);
    expect([...backward.entries()].sort()).toEqual([...forward.entries()].sort());
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
