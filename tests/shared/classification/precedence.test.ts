import {
  type ClassificationOverride,
  classifyEntries,
  classifyEntry,
  createClassifier,
  DEFAULT_RULE_SET,
  type EngineEntry,
  orderRules,
  type Rule,
  type RuleOutcome,
  type RuleSet,
} from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import { makeEntry } from './fixtures/entries.ts';

const rule = (id: string, position: number, keyword: string, outcome: RuleOutcome, enabled = true): Rule => ({
  id,
  name: id,
  enabled,
  position,
  conditions: { titleKeywords: [keyword] },
  outcome,
});
const MAKER: RuleOutcome = { category: 'maker', subtype: null };
const SYNC: RuleOutcome = { category: 'manager', subtype: 'team_sync' };
const REVIEW: RuleOutcome = { category: 'manager', subtype: 'review' };

describe('overrides always win, as "set by you"', () => {
  it.each<[string, Partial<EngineEntry>, RuleOutcome, string]>([
    ['over a rule', { title: 'Focus time' }, REVIEW, 'manager / review: set by you'],
    ['over an exclusion', { title: 'Architecture guild', rsvp: 'declined' }, MAKER, 'maker: set by you'],
    [
      'over the inbox',
      { title: 'Hold', showAs: 'tentative' },
      { category: 'neutral', subtype: null },
      'neutral: set by you',
    ],
    ['to excluded', { title: 'Standup' }, { category: 'excluded', subtype: null }, 'excluded: set by you'],
  ])('%s', (_name, fields, override, reason) => {
    expect(classifyEntry(makeEntry(fields), [DEFAULT_RULE_SET], override)).toEqual({
      ...override,
      reason,
      ruleId: null,
    });
  });

  const week = ['2025-03-03', '2025-03-04', '2025-03-05'].map((day, index) =>
    makeEntry({
      id: `platform-sync-${index}`,
      title: 'Platform sync',
      attendees: 5,
      seriesId: 'platform-sync',
      start: new Date(`${day}T13:30:00Z`),
      end: new Date(`${day}T14:00:00Z`),
    }),
  );
  const oneOff = makeEntry({ id: 'one-off', title: 'Platform sync', attendees: 5 });
  const otherSeries = makeEntry({
    id: 'other',
    title: 'Platform sync',
    attendees: 5,
    seriesId: 'another-series',
  });
  const entries = [...week, oneOff, otherSeries];
  const reasons = (overrides: ClassificationOverride[]) =>
    classifyEntries(entries, [DEFAULT_RULE_SET], overrides).map((result) => result.reason);
  const BY_RULE = 'manager / team sync: title has "sync" (rule "Standups, syncs and planning")';

  it('a series override covers every occurrence of that series, and only them', () => {
    expect(reasons([{ scope: 'series', seriesId: 'platform-sync', ...REVIEW }])).toEqual([
      'manager / review: set by you',
      'manager / review: set by you',
      'manager / review: set by you',
      BY_RULE,
      BY_RULE,
    ]);
  });

  it("an entry's own override beats its series' override, in either order", () => {
    const series: ClassificationOverride = { scope: 'series', seriesId: 'platform-sync', ...REVIEW };
    const entry: ClassificationOverride = { scope: 'entry', entryId: 'platform-sync-1', ...MAKER };
    const expected = [
      'manager / review: set by you',
      'maker: set by you',
      'manager / review: set by you',
      BY_RULE,
      BY_RULE,
    ];
    expect(reasons([series, entry])).toEqual(expected);
    expect(reasons([entry, series])).toEqual(expected);
  });

  it('of two overrides for the same target, the later one counts', () => {
    expect(
      reasons([
        { scope: 'entry', entryId: 'one-off', ...MAKER },
        { scope: 'entry', entryId: 'one-off', ...REVIEW },
      ])[3],
    ).toBe('manager / review: set by you');
  });
});

describe('rule order', () => {
  const org: RuleSet = {
    teamId: null,
    rules: [rule('org-sync', 0, 'sync', SYNC), rule('org-design', 1, 'design', MAKER)],
  };
  const platformTeam: RuleSet = {
    teamId: 'team-platform',
    rules: [rule('team-design-sync', 0, 'design sync', REVIEW)],
  };
  const mobileTeam: RuleSet = { teamId: 'team-mobile', rules: [rule('mobile-sync', 0, 'sync', MAKER)] };
  const decide = (title: string, ruleSets: RuleSet[]) => classifyEntry(makeEntry({ title }), ruleSets);

  it('evaluates team rules before organization rules, wherever the sets are listed', () => {
    expect(decide('Design sync', [org, platformTeam])).toMatchObject({
      ...REVIEW,
      ruleId: 'team-design-sync',
      reason: 'manager / review: title has "design sync" (rule "team-design-sync")',
    });
    expect(decide('Design sync', [platformTeam, org]).ruleId).toBe('team-design-sync');
  });

  it('falls through to organization rules when no team rule matches', () => {
    expect(decide('Infra sync', [org, platformTeam]).ruleId).toBe('org-sync');
  });

  it('evaluates several team sets in the order given', () => {
    expect(decide('Design sync', [mobileTeam, platformTeam, org]).ruleId).toBe('mobile-sync');
    expect(decide('Design sync', [platformTeam, mobileTeam, org]).ruleId).toBe('team-design-sync');
  });

  it('orders a set by position, not by list order; equal positions keep list order', () => {
    const shuffled: RuleSet = {
      teamId: null,
      rules: [
        rule('late', 5, 'sync', MAKER),
        rule('early', 1, 'sync', SYNC),
        rule('tie-a', 3, 'x', MAKER),
        rule('tie-b', 3, 'x', MAKER),
      ],
    };
    expect(orderRules([shuffled]).map((r) => r.id)).toEqual(['early', 'tie-a', 'tie-b', 'late']);
    expect(decide('Weekly sync', [shuffled]).ruleId).toBe('early');
  });

  it('skips disabled rules', () => {
    const withDisabled: RuleSet = {
      teamId: null,
      rules: [rule('off', 0, 'sync', MAKER, false), rule('on', 1, 'sync', SYNC)],
    };
    expect(decide('Weekly sync', [withDisabled]).ruleId).toBe('on');
  });

  it('sends an entry no rule matches to the inbox', () => {
    expect(decide('Something else', [org, platformTeam])).toEqual({
      category: 'unclassified',
      subtype: null,
      reason: 'unclassified: no rule matched',
      ruleId: null,
    });
  });

  it('a prepared classifier decides exactly like classifyEntry', () => {
    const classify = createClassifier([org, platformTeam]);
    for (const title of ['Design sync', 'Infra sync', 'Design', 'Nothing']) {
      expect(classify(makeEntry({ title }))).toEqual(decide(title, [org, platformTeam]));
    }
  });
});
