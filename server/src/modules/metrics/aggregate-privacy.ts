import { effectiveMinGroupSize, isDifferenceSafe } from '../../lib/visibility.ts';

/**
 * Which aggregate cells may be shown: the group-size floor and the difference rule of
 * lib/visibility.ts applied to the groups of one week (one cell per team). Pure; the team view and the
 * org view call it over the same groups (every active team), so a cell is shown or suppressed the same
 * way in both, and no pair of shown cells of a week can be subtracted to isolate fewer members than the
 * minimum group size.
 */

export interface CellGroup {
  id: string;
  name: string;
  /** Members of the team, whether or not they have data in the cell. */
  teamSize: number;
  /** Members with maker or manager time in the cell: the people the aggregate is over. */
  contributors: ReadonlySet<string>;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function teamTooSmallReason(teamSize: number, minGroupSize: number): string {
  return `The team has ${plural(teamSize, 'member')}; team aggregates need at least ${effectiveMinGroupSize(minGroupSize)}`;
}

/**
 * A decision (null: shown; otherwise the reason it is suppressed) for every group. Groups are taken
 * smallest first (then by id): a group is shown when it is large enough and differs from every group
 * already shown by none or at least the minimum number of members. So of two teams that differ by one
 * person, the smaller is shown and the larger suppressed; the outcome depends only on the groups.
 */
export function decideCells(groups: readonly CellGroup[], minGroupSize: number): Map<string, string | null> {
  const min = effectiveMinGroupSize(minGroupSize);
  const decisions = new Map<string, string | null>();
  const shown: CellGroup[] = [];
  // Shown groups by contributor: a group can only clash with shown groups it shares someone with (two
  // disjoint groups of at least `min` people each differ by at least `min`), so only those are
  // compared; the org view decides over every team of the organization, every week.
  const shownIndex = new Map<CellGroup, number>();
  const shownWith = new Map<string, CellGroup[]>();
  const ordered = [...groups].sort(
    (a, b) => a.contributors.size - b.contributors.size || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  for (const group of ordered) {
    if (group.teamSize < min) {
      decisions.set(group.id, teamTooSmallReason(group.teamSize, min));
      continue;
    }
    if (group.contributors.size < min) {
      decisions.set(
        group.id,
        `${plural(group.contributors.size, 'member')} of the team had classified time this week; aggregates need at least ${min}`,
      );
      continue;
    }
    const members = [...group.contributors];
    const overlapping = new Set<CellGroup>();
    for (const member of members) for (const other of shownWith.get(member) ?? []) overlapping.add(other);
    // The first clashing group in the order they were shown, as a scan of every shown group finds it.
    const clash = [...overlapping]
      .sort((a, b) => (shownIndex.get(a) ?? 0) - (shownIndex.get(b) ?? 0))
      .find((other) => !isDifferenceSafe(members, [...other.contributors], min));
    if (clash) {
      decisions.set(
        group.id,
        `This week's members with data differ from those of team "${clash.name}" by fewer than ${min}; showing both would let a subtraction isolate them`,
      );
      continue;
    }
    shownIndex.set(group, shown.length);
    shown.push(group);
    for (const member of members) {
      const list = shownWith.get(member);
      if (list) list.push(group);
      else shownWith.set(member, [group]);
    }
    decisions.set(group.id, null);
  }
  return decisions;
}

/** The median of numbers, or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
