import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../server/src/demo/prng.ts';
import { effectiveMinGroupSize, isDifferenceSafe } from '../../../server/src/lib/visibility.ts';
import {
  type CellGroup,
  decideCells,
  teamTooSmallReason,
} from '../../../server/src/modules/metrics/aggregate-privacy.ts';

/**
 * decideCells compares a group only with the shown groups it shares someone with (an index by
 * contributor, for the org view's many teams). This is the plain version that compares every shown
 * group: on random organizations with overlapping teams both must decide the same, with the same
 * reasons.
 */
function reference(groups: readonly CellGroup[], minGroupSize: number): Map<string, string | null> {
  const min = effectiveMinGroupSize(minGroupSize);
  const decisions = new Map<string, string | null>();
  const shown: CellGroup[] = [];
  const ordered = [...groups].sort(
    (a, b) => a.contributors.size - b.contributors.size || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  for (const group of ordered) {
    if (group.teamSize < min) {
      decisions.set(group.id, teamTooSmallReason(group.teamSize, min));
      continue;
    }
    if (group.contributors.size < min) {
      decisions.set(group.id, `small:${group.contributors.size}`);
      continue;
    }
    const clash = shown.find(
      (other) => !isDifferenceSafe([...group.contributors], [...other.contributors], min),
    );
    if (clash) {
      decisions.set(group.id, `clash:${clash.name}`);
      continue;
    }
    shown.push(group);
    decisions.set(group.id, null);
  }
  return decisions;
}

/** The decision's kind and, for clashes, the team named: what the reference records. */
function normalise(decisions: Map<string, string | null>): Map<string, string | null> {
  return new Map(
    [...decisions].map(([id, reason]) => {
      if (reason === null) return [id, null];
      const clash = /from those of team "([^"]+)"/.exec(reason);
      if (clash) return [id, `clash:${clash[1]}`];
      const small = /^(\d+) members? of the team had classified time/.exec(reason);
      if (small) return [id, `small:${small[1]}`];
      return [id, reason];
    }),
  );
}

describe('decideCells with its contributor index', () => {
  it('decides random overlapping organizations exactly as comparing every shown group does', () => {
    const kinds = { shown: 0, clash: 0, small: 0 };
    for (let seed = 1; seed <= 300; seed++) {
      const random = mulberry32(seed);
      const people = 10 + Math.floor(random() * 60);
      const teams = 2 + Math.floor(random() * 12);
      const groups: CellGroup[] = [];
      for (let t = 0; t < teams; t++) {
        const size = 3 + Math.floor(random() * 12);
        const members = new Set<string>();
        while (members.size < Math.min(size, people)) members.add(`m${Math.floor(random() * people)}`);
        const contributors = new Set([...members].filter(() => random() < 0.85));
        groups.push({ id: `t${t}`, name: `Team ${t}`, teamSize: members.size, contributors });
      }
      const minGroupSize = random() < 0.7 ? 5 : 6;
      const expected = reference(groups, minGroupSize);
      expect(normalise(decideCells(groups, minGroupSize)), `seed ${seed}`).toEqual(expected);
      for (const reason of expected.values()) {
        if (reason === null) kinds.shown++;
        else if (reason.startsWith('clash:')) kinds.clash++;
        else kinds.small++;
      }
    }
    // Every branch was taken many times.
    expect(kinds.shown).toBeGreaterThan(100);
    expect(kinds.clash).toBeGreaterThan(100);
    expect(kinds.small).toBeGreaterThan(100);
  });
});
