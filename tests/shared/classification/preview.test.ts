import {
  type Classification,
  type ClassificationOverride,
  classifyEntries,
  DEFAULT_RULE_SET,
  type EngineEntry,
  PreviewRulesResponseSchema,
  previewRules,
  type RuleSet,
  replaceRuleSet,
  ruleSetFromDraft,
  tallyCategories,
} from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import { ENGINEER_FORTNIGHT } from './fixtures/engineer-fortnight.ts';
import { makeEntry } from './fixtures/entries.ts';
import { MANAGER_FORTNIGHT } from './fixtures/manager-fortnight.ts';

const entries: EngineEntry[] = [...ENGINEER_FORTNIGHT, ...MANAGER_FORTNIGHT].map((row) => row.entry);
const current = [DEFAULT_RULE_SET];
const changedEntries = (before: Classification[], after: Classification[]) =>
  before.filter(
    (was, index) => was.category !== after[index]?.category || was.subtype !== after[index]?.subtype,
  ).length;

/** The default set with one rule switched off. */
const withoutRule = (ruleId: string): RuleSet[] => [
  {
    ...DEFAULT_RULE_SET,
    rules: DEFAULT_RULE_SET.rules.map((rule) => (rule.id === ruleId ? { ...rule, enabled: false } : rule)),
  },
];

describe('preview counts equal applying the same rules', () => {
  // Every default rule switched off in turn: a spread of realistic drafts over 150 entries.
  it.each(DEFAULT_RULE_SET.rules.map((rule) => rule.id))('without %s', (ruleId) => {
    const draft = withoutRule(ruleId);
    const preview = previewRules({ entries, current: { ruleSets: current }, draft });
    const before = classifyEntries(entries, current);
    const after = classifyEntries(entries, draft);

    expect(preview.total).toBe(entries.length);
    expect(preview.before).toEqual(tallyCategories(entries, before));
    expect(preview.after).toEqual(tallyCategories(entries, after));
    expect(preview.changed).toBe(changedEntries(before, after));
    expect(PreviewRulesResponseSchema.parse(preview)).toEqual(preview);
  });

  it('the removal of a rule that decided entries shows as changes', () => {
    const preview = previewRules({
      entries,
      current: { ruleSets: current },
      draft: withoutRule('default-focus-blocks'),
    });
    expect(preview.changed).toBeGreaterThan(0);
    expect(preview.after.maker.entries).toBeLessThan(preview.before.maker.entries);
  });
});

describe('previewing a draft', () => {
  const standup = makeEntry({
    id: 'standup',
    title: 'Daily standup',
    attendees: 7,
    start: new Date('2025-03-03T09:30:00Z'),
    end: new Date('2025-03-03T09:45:00Z'),
  });
  const syncs = ['2025-03-03', '2025-03-04', '2025-03-05'].map((day, index) =>
    makeEntry({
      id: `sync-${index}`,
      title: 'Platform sync',
      attendees: 5,
      start: new Date(`${day}T13:00:00Z`),
      end: new Date(`${day}T13:30:00Z`),
    }),
  );
  const lunch = makeEntry({
    id: 'lunch',
    title: 'Lunch',
    start: new Date('2025-03-03T12:00:00Z'),
    end: new Date('2025-03-03T13:00:00Z'),
  });
  const few = [standup, ...syncs, lunch];

  /** Team rules: standups and syncs are coordination, lunch is maker (a silly rule, for a second kind of change). */
  const draft = ruleSetFromDraft('team-platform', [
    {
      name: 'Syncs are coordination',
      enabled: true,
      conditions: { titleKeywords: ['sync', 'standup'] },
      outcome: { category: 'manager', subtype: 'coordination' },
    },
    {
      name: 'Lunch is maker',
      enabled: true,
      conditions: { titleKeywords: ['lunch'] },
      outcome: { category: 'maker', subtype: null },
    },
  ]);

  it('counts entries and minutes per category before and after', () => {
    const preview = previewRules({
      entries: few,
      current: { ruleSets: current },
      draft: [draft, DEFAULT_RULE_SET],
    });
    expect(preview.before.manager).toEqual({ entries: 4, minutes: 15 + 3 * 30 });
    expect(preview.before.neutral).toEqual({ entries: 1, minutes: 60 });
    expect(preview.after.manager).toEqual({ entries: 4, minutes: 105 });
    expect(preview.after.maker).toEqual({ entries: 1, minutes: 60 });
    expect(preview.after.neutral).toEqual({ entries: 0, minutes: 0 });
    // A subtype change is a change, even in the same category.
    expect(preview.changed).toBe(5);
  });

  it('samples round-robin over the kinds of change, largest kind first, earliest first within a kind', () => {
    const preview = previewRules({
      entries: few,
      current: { ruleSets: current },
      draft: [draft, DEFAULT_RULE_SET],
      sampleSize: 3,
    });
    expect(preview.samples.map((sample) => sample.entryId)).toEqual(['standup', 'lunch', 'sync-0']);
    expect(preview.samples[1]).toEqual({
      entryId: 'lunch',
      title: 'Lunch',
      start: '2025-03-03T12:00:00.000Z',
      end: '2025-03-03T13:00:00.000Z',
      before: {
        category: 'neutral',
        subtype: null,
        reason: 'neutral: title has "lunch" (rule "Meals, breaks and socials")',
        ruleId: 'default-meals-breaks-socials',
      },
      after: {
        category: 'maker',
        subtype: null,
        reason: 'maker: title has "lunch" (rule "Lunch is maker")',
        ruleId: 'draft-1',
      },
    });
  });

  it.each([0, 1, 5, 50])('returns at most %i samples', (sampleSize) => {
    const preview = previewRules({
      entries: few,
      current: { ruleSets: current },
      draft: [draft, DEFAULT_RULE_SET],
      sampleSize,
    });
    expect(preview.samples).toHaveLength(Math.min(sampleSize, 5));
  });

  it('takes stored classifications as the current state', () => {
    const stored = classifyEntries(few, current);
    const fromStored = previewRules({
      entries: few,
      current: { classifications: stored },
      draft: [draft, DEFAULT_RULE_SET],
    });
    const fromRules = previewRules({
      entries: few,
      current: { ruleSets: current },
      draft: [draft, DEFAULT_RULE_SET],
    });
    expect(fromStored).toEqual(fromRules);
  });

  it('never shows overridden entries as changes', () => {
    const overrides: ClassificationOverride[] = [
      { scope: 'entry', entryId: 'lunch', category: 'neutral', subtype: null },
      { scope: 'entry', entryId: 'sync-0', category: 'maker', subtype: null },
    ];
    const preview = previewRules({
      entries: few,
      current: { ruleSets: current },
      draft: [draft, DEFAULT_RULE_SET],
      overrides,
    });
    expect(preview.changed).toBe(3);
    expect(preview.samples.map((sample) => sample.entryId).sort()).toEqual(['standup', 'sync-1', 'sync-2']);
  });

  it('does not count a reworded reason as a change', () => {
    const renamed = {
      ...DEFAULT_RULE_SET,
      rules: DEFAULT_RULE_SET.rules.map((rule) => ({ ...rule, name: `${rule.name} (renamed)` })),
    };
    const preview = previewRules({ entries: few, current: { ruleSets: current }, draft: [renamed] });
    expect(preview.changed).toBe(0);
    expect(preview.samples).toEqual([]);
  });

  it('rejects stored classifications that do not line up with the entries', () => {
    expect(() => previewRules({ entries: few, current: { classifications: [] }, draft: current })).toThrow(
      'got 0 current classifications for 5 entries',
    );
  });
});

describe('assembling the draft rule sets', () => {
  it('gives unsaved rules placeholder ids and positions from list order', () => {
    const set = ruleSetFromDraft(null, [
      {
        id: 'saved',
        position: 7,
        name: 'Saved',
        enabled: true,
        conditions: { attendees: { min: 3 } },
        outcome: { category: 'manager', subtype: 'coordination' },
      },
      {
        name: 'New',
        enabled: false,
        conditions: { attendees: { max: 1 } },
        outcome: { category: 'maker', subtype: null },
      },
    ]);
    expect(set.rules.map(({ id, position, enabled }) => ({ id, position, enabled }))).toEqual([
      { id: 'saved', position: 0, enabled: true },
      { id: 'draft-1', position: 1, enabled: false },
    ]);
  });

  it('replaces the set of the same scope and keeps the others', () => {
    const team: RuleSet = { teamId: 'team-a', rules: [] };
    const draftOrg: RuleSet = { teamId: null, rules: [] };
    expect(replaceRuleSet([DEFAULT_RULE_SET, team], draftOrg)).toEqual([team, draftOrg]);
    const draftTeam: RuleSet = { teamId: 'team-b', rules: [] };
    expect(replaceRuleSet([DEFAULT_RULE_SET, team], draftTeam)).toEqual([DEFAULT_RULE_SET, team, draftTeam]);
  });
});
