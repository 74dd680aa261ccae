import { describe, expect, it } from 'vitest';
import {
  canViewEntries,
  canViewIndividualMetrics,
  effectiveMinGroupSize,
  individualMetricsAccess,
  isAggregateAllowed,
  isDifferenceSafe,
  type TeamForVisibility,
  type Viewer,
  visibleMemberIds,
} from '../../../server/src/lib/visibility.ts';

/**
 * One organization:
 * - team "private" (private): lead LP; members Sp (shares with leads), Up (does not), M, and admin A2
 * - team "open" (open): lead LO; members So (shares), Uo (does not), M
 * - team "archived" (open, archived): lead LX, member Sx (shares)
 * - admin A, in no team
 */
const viewers = {
  M: { memberId: 'M', role: 'member' },
  LP: { memberId: 'LP', role: 'member' },
  LO: { memberId: 'LO', role: 'manager' },
  LX: { memberId: 'LX', role: 'member' },
  A: { memberId: 'A', role: 'admin' },
  A2: { memberId: 'A2', role: 'admin' },
} satisfies Record<string, Viewer>;

const targets = {
  Sp: { memberId: 'Sp', sharesWithTeamLeads: true },
  Up: { memberId: 'Up', sharesWithTeamLeads: false },
  So: { memberId: 'So', sharesWithTeamLeads: true },
  Uo: { memberId: 'Uo', sharesWithTeamLeads: false },
  Sx: { memberId: 'Sx', sharesWithTeamLeads: true },
};

const member = (memberId: string, isLead = false) => ({ memberId, isLead });
const teams: TeamForVisibility[] = [
  {
    id: 'private',
    visibility: 'private',
    archived: false,
    members: [member('LP', true), member('Sp'), member('Up'), member('M'), member('A2')],
  },
  {
    id: 'open',
    visibility: 'open',
    archived: false,
    members: [member('LO', true), member('So'), member('Uo'), member('M')],
  },
  { id: 'archived', visibility: 'open', archived: true, members: [member('LX', true), member('Sx')] },
];

type ViewerName = keyof typeof viewers;
type TargetName = keyof typeof targets;

// true: the viewer may see the target's individual metrics.
const matrix: Record<ViewerName, Record<TargetName, boolean>> = {
  // A plain member sees others only inside an open team they share, whatever the opt-in.
  M: { Sp: false, Up: false, So: true, Uo: true, Sx: false },
  // A lead of a private team sees the members who opted in, not the others.
  LP: { Sp: true, Up: false, So: false, Uo: false, Sx: false },
  // A lead of an open team sees every member of that team; nobody outside it.
  LO: { Sp: false, Up: false, So: true, Uo: true, Sx: false },
  // An archived team grants nothing, even to its lead, even for a member who shares.
  LX: { Sp: false, Up: false, So: false, Uo: false, Sx: false },
  // Privacy over hierarchy: an admin sees nobody's individual metrics for being admin...
  A: { Sp: false, Up: false, So: false, Uo: false, Sx: false },
  // ...nor for being a (non-lead) member of a private team.
  A2: { Sp: false, Up: false, So: false, Uo: false, Sx: false },
};

describe('canViewIndividualMetrics: the visibility matrix', () => {
  const cases = Object.entries(matrix).flatMap(([viewer, row]) =>
    Object.entries(row).map(([target, expected]) => ({ viewer, target, expected })),
  );

  it.each(cases)('$viewer viewing $target: $expected', ({ viewer, target, expected }) => {
    expect(
      canViewIndividualMetrics(viewers[viewer as ViewerName], targets[target as TargetName], teams),
    ).toBe(expected);
  });

  it('everyone sees their own metrics, in no team at all', () => {
    for (const viewer of Object.values(viewers)) {
      expect(
        individualMetricsAccess(viewer, { memberId: viewer.memberId, sharesWithTeamLeads: false }, []),
      ).toEqual({
        reason: 'own',
      });
    }
  });

  it('says why, for the audit log; the opt-in wins over the open team when both hold', () => {
    expect(individualMetricsAccess(viewers.LP, targets.Sp, teams)).toEqual({
      reason: 'shared_with_lead',
      teamId: 'private',
    });
    expect(individualMetricsAccess(viewers.LO, targets.Uo, teams)).toEqual({
      reason: 'open_team',
      teamId: 'open',
    });
    expect(individualMetricsAccess(viewers.LO, targets.So, teams)).toEqual({
      reason: 'shared_with_lead',
      teamId: 'open',
    });
    expect(individualMetricsAccess(viewers.A, targets.Sp, teams)).toBeNull();
  });

  it('revoking the opt-in takes the lead’s view away at once', () => {
    expect(canViewIndividualMetrics(viewers.LP, { ...targets.Sp, sharesWithTeamLeads: false }, teams)).toBe(
      false,
    );
  });

  it('visibleMemberIds filters a list with the same rules', () => {
    expect(visibleMemberIds(viewers.LP, Object.values(targets), teams)).toEqual(['Sp']);
    expect(visibleMemberIds(viewers.M, Object.values(targets), teams)).toEqual(['So', 'Uo']);
    expect(visibleMemberIds(viewers.A, Object.values(targets), teams)).toEqual([]);
  });
});

describe('canViewEntries: entries are their owner’s only', () => {
  it.each(Object.keys(viewers))('%s sees only their own entries', (name) => {
    const viewer = viewers[name as ViewerName];
    expect(canViewEntries(viewer, viewer.memberId)).toBe(true);
    for (const target of Object.values(targets)) expect(canViewEntries(viewer, target.memberId)).toBe(false);
  });
});

describe('aggregates: minimum group size', () => {
  it.each([
    { size: 4, min: 5, allowed: false },
    { size: 5, min: 5, allowed: true },
    { size: 0, min: 5, allowed: false },
    // The floor of 5 holds even if an organization row says less.
    { size: 4, min: 3, allowed: false },
    { size: 5, min: 3, allowed: true },
    // Configurable upward.
    { size: 7, min: 8, allowed: false },
    { size: 8, min: 8, allowed: true },
  ])('a group of $size with minimum $min: $allowed', ({ size, min, allowed }) => {
    expect(isAggregateAllowed(size, min)).toBe(allowed);
  });

  it('never goes below 5', () => {
    expect(effectiveMinGroupSize(1)).toBe(5);
    expect(effectiveMinGroupSize(Number.NaN)).toBe(5);
    expect(effectiveMinGroupSize(12)).toBe(12);
  });

  it('refuses two aggregates that differ by fewer members than the minimum (isolating people by difference)', () => {
    const ten = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    expect(isDifferenceSafe(ten, ten, 5)).toBe(true);
    expect(isDifferenceSafe(ten, ten.slice(0, 9), 5)).toBe(false); // one person by subtraction
    expect(isDifferenceSafe(ten, ten.slice(0, 6), 5)).toBe(false); // four people
    expect(isDifferenceSafe(ten, ten.slice(0, 5), 5)).toBe(true); // five people: a group of its own
    expect(isDifferenceSafe(ten.slice(0, 4), ten.slice(0, 4), 5)).toBe(false); // too small anyway
  });
});
