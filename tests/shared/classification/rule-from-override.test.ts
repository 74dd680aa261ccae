import {
  classifyEntry,
  DEFAULT_RULE_SET,
  DraftRuleSchema,
  keywordFromTitle,
  previewRules,
  type RuleOutcome,
  ruleFromOverride,
  ruleSetFromDraft,
} from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import { makeEntry } from './fixtures/entries.ts';

describe('the keyword a title suggests', () => {
  it.each<[string | null, string | null]>([
    ['Customer call - Acme', 'customer call'],
    ['Roadmap brainstorm with Sam', 'roadmap brainstorm'],
    ['Interview: Jordan Lee', 'interview'],
    ['Canceled: Platform sync', 'platform sync'],
    ['Updated invitation: Coffee walk @ Tue 3pm', 'coffee walk'],
    ['[Eng] Guild hour (optional)', 'guild hour'],
    ['1:1 Sam / Alex', '1:1 sam'],
    ['Acme <> Tiltmeter', 'acme'],
    ['Sprint 42 planning', 'sprint'],
    ['2025-03-04 retro', 'retro'],
    ['#482 bug bash', 'bug bash'],
    ['"Launch" party!', 'launch party'],
    ['A very long title with many words', 'a very long title'],
    ['Lunch&Learn: AI tooling', 'lunch&learn'],
    [null, null],
    ['', null],
    ['---', null],
    ['12345', null],
  ])('%j -> %j', (title, keyword) => {
    expect(keywordFromTitle(title)).toBe(keyword);
  });
});

describe('make a rule from an override', () => {
  const coffeeWalk = makeEntry({ title: 'Coffee walk with Sam', attendees: 2, seriesId: 'walks' });
  const neutral: RuleOutcome = { category: 'neutral', subtype: null };

  it('drafts a title-keyword rule with the override as outcome', () => {
    expect(ruleFromOverride(coffeeWalk, neutral)).toEqual({
      name: 'coffee walk → neutral',
      enabled: true,
      conditions: { titleKeywords: ['coffee walk'] },
      outcome: neutral,
    });
  });

  it('drafts within the limits of the rule schema, however long the title', () => {
    const title = `Cross-organizational stakeholder alignment ${'x'.repeat(70)} with finance`;
    const draft = ruleFromOverride(makeEntry({ title }), { category: 'manager', subtype: 'coordination' });
    expect(draft.conditions.titleKeywords).toEqual(['cross-organizational stakeholder alignment']);
    expect(draft.name).toBe('cross-organizational stakeholder alignment → manager / coordination');
    expect(DraftRuleSchema.parse(draft)).toEqual(draft);

    const longWords = ruleFromOverride(
      makeEntry({ title: 'Supercalifragilistic expialidocious interdepartmental syncs' }),
      {
        category: 'manager',
        subtype: 'coordination',
      },
    );
    expect(longWords.name).toHaveLength(80);
    expect(longWords.name.endsWith('…')).toBe(true);
    expect(DraftRuleSchema.parse(longWords)).toEqual(longWords);
  });

  it('falls back to attendees and recurrence when the title is hidden', () => {
    expect(
      ruleFromOverride(makeEntry({ title: null, attendees: 4, seriesId: 'ops' }), {
        category: 'manager',
        subtype: 'review',
      }),
    ).toEqual({
      name: '4 attendees, recurring → manager / review',
      enabled: true,
      conditions: { attendees: { min: 4, max: 4 }, recurring: true },
      outcome: { category: 'manager', subtype: 'review' },
    });
    expect(ruleFromOverride(makeEntry({ title: null, attendees: 1 }), neutral).conditions).toEqual({
      attendees: { max: 1 },
      recurring: false,
    });
  });

  it('classifies the entry it came from the way the member did, by rule', () => {
    const draft = ruleFromOverride(coffeeWalk, neutral);
    const ruleSet = ruleSetFromDraft(null, [draft, ...DEFAULT_RULE_SET.rules]);
    expect(classifyEntry(coffeeWalk, [DEFAULT_RULE_SET])).toMatchObject({
      category: 'manager',
      subtype: 'one_on_one',
    });
    expect(classifyEntry(coffeeWalk, [ruleSet])).toEqual({
      category: 'neutral',
      subtype: null,
      reason: 'neutral: title has "coffee walk" (rule "coffee walk → neutral")',
      ruleId: 'draft-0',
    });
  });

  it('previews what the drafted rule would take over', () => {
    const entries = [
      coffeeWalk,
      makeEntry({ id: 'walk-2', title: 'Coffee Walk: Priya', attendees: 2 }),
      makeEntry({ id: 'chat', title: 'Coffee chat', attendees: 2 }),
      makeEntry({ id: 'focus', title: 'Focus time' }),
    ];
    const draftSet = ruleSetFromDraft(null, [
      ruleFromOverride(coffeeWalk, neutral),
      ...DEFAULT_RULE_SET.rules,
    ]);
    const preview = previewRules({ entries, current: { ruleSets: [DEFAULT_RULE_SET] }, draft: [draftSet] });
    expect(preview.changed).toBe(2);
    expect(preview.samples.map((sample) => sample.entryId).sort()).toEqual([coffeeWalk.id, 'walk-2'].sort());
    expect(preview.after.neutral.entries).toBe(2);
  });
});
