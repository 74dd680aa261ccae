import {
  CreateRuleBodySchema,
  PreviewRulesBodySchema,
  RuleSchema,
  RuleSetSchema,
  UpdateRuleBodySchema,
} from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';

const validRule = {
  id: 'r1',
  name: 'Standups',
  enabled: true,
  position: 0,
  conditions: { titleKeywords: ['standup'] },
  outcome: { category: 'manager', subtype: 'team_sync' },
};

/** Issues as `path: message`, the way a form shows them beside fields. */
const issuesOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};
const withConditions = (conditions: unknown) => ({ ...validRule, conditions });

describe('RuleSchema', () => {
  it('accepts a valid rule and defaults a missing subtype to null', () => {
    expect(RuleSchema.parse({ ...validRule, outcome: { category: 'maker' } }).outcome).toEqual({
      category: 'maker',
      subtype: null,
    });
  });

  it.each<[string, unknown, string]>([
    [
      'a pattern that does not compile',
      withConditions({ titlePattern: '(standup' }),
      'conditions.titlePattern: not a valid regular expression: Invalid regular expression: /(standup/i: Unterminated group',
    ],
    [
      'an inverted attendee range',
      withConditions({ attendees: { min: 3, max: 2 } }),
      'conditions.attendees.max: max must not be less than min',
    ],
    [
      'an empty range',
      withConditions({ durationMinutes: {} }),
      'conditions.durationMinutes: give min, max or both',
    ],
    [
      'a negative bound',
      withConditions({ durationMinutes: { min: -5 } }),
      'conditions.durationMinutes.min: min must be 0 minutes or more',
    ],
    [
      'a fractional count',
      withConditions({ attendees: { min: 1.5 } }),
      'conditions.attendees.min: Invalid input: expected int, received number',
    ],
    [
      'a clock time without a leading zero',
      withConditions({ timeOfDay: [{ start: '9:00', end: '12:00' }] }),
      'conditions.timeOfDay.0.start: a time like 09:00',
    ],
    [
      'a time window that ends before it starts',
      withConditions({ timeOfDay: [{ start: '12:00', end: '09:00' }] }),
      'conditions.timeOfDay.0.end: end must be after start',
    ],
    [
      'a weekday out of range',
      withConditions({ weekdays: ['8'] }),
      'conditions.weekdays.0: Invalid option: expected one of "1"|"2"|"3"|"4"|"5"|"6"|"7"',
    ],
    ['no conditions', withConditions({}), 'conditions: a rule needs at least one condition'],
    [
      'an empty keyword list',
      withConditions({ titleKeywords: [] }),
      'conditions.titleKeywords: give at least one keyword',
    ],
    [
      'a blank keyword',
      withConditions({ titleKeywords: ['  '] }),
      'conditions.titleKeywords.0: a keyword cannot be empty',
    ],
    [
      'a keyword without a word',
      withConditions({ titleKeywords: ['&&'] }),
      'conditions.titleKeywords.0: a keyword needs at least one letter or digit',
    ],
    [
      'a misspelt condition',
      withConditions({ titleKeyword: ['standup'] }),
      'conditions: Unrecognized key: "titleKeyword"',
    ],
    [
      'a manager outcome without subtype',
      { ...validRule, outcome: { category: 'manager' } },
      'outcome.subtype: a manager outcome needs a subtype',
    ],
    [
      'a subtype on maker',
      { ...validRule, outcome: { category: 'maker', subtype: 'review' } },
      'outcome.subtype: only a manager outcome has a subtype',
    ],
    ['an empty name', { ...validRule, name: ' ' }, 'name: a rule needs a name'],
  ])('rejects %s', (_name, input, issue) => {
    expect(issuesOf(RuleSchema, input)).toContain(issue);
  });

  it('rejects unclassified as an outcome', () => {
    expect(issuesOf(RuleSchema, { ...validRule, outcome: { category: 'unclassified' } })).toEqual([
      'outcome.category: Invalid option: expected one of "maker"|"manager"|"neutral"|"excluded"',
    ]);
  });

  it('trims keywords', () => {
    expect(RuleSchema.parse(withConditions({ titleKeywords: [' sync '] })).conditions.titleKeywords).toEqual([
      'sync',
    ]);
  });
});

describe('RuleSetSchema', () => {
  it('rejects two rules with one id, pointing at the second', () => {
    expect(
      issuesOf(RuleSetSchema, { teamId: null, rules: [validRule, { ...validRule, position: 1 }] }),
    ).toEqual(['rules.1.id: duplicate rule id r1']);
  });
});

describe('API bodies', () => {
  const body = {
    name: 'Standups',
    conditions: { titleKeywords: ['standup'] },
    outcome: { category: 'manager', subtype: 'team_sync' },
  };

  it('creates an enabled organization rule by default', () => {
    expect(CreateRuleBodySchema.parse(body)).toEqual({ ...body, teamId: null, enabled: true });
  });

  it('refuses an id on create', () => {
    expect(issuesOf(CreateRuleBodySchema, { ...body, id: 'x' })).toEqual([': Unrecognized key: "id"']);
  });

  it('needs something to update, and validates what it gets', () => {
    expect(issuesOf(UpdateRuleBodySchema, {})).toEqual([': nothing to update']);
    expect(UpdateRuleBodySchema.parse({ enabled: false })).toEqual({ enabled: false });
    expect(issuesOf(UpdateRuleBodySchema, { conditions: { attendees: { min: 4, max: 1 } } })).toEqual([
      'conditions.attendees.max: max must not be less than min',
    ]);
  });

  it('previews drafts without ids, with a default sample size', () => {
    expect(PreviewRulesBodySchema.parse({ rules: [body] })).toEqual({
      teamId: null,
      rules: [{ ...body, enabled: true }],
      sampleSize: 10,
    });
  });

  it('wants a preview window that runs forward', () => {
    expect(
      issuesOf(PreviewRulesBodySchema, {
        rules: [],
        from: '2025-03-10T00:00:00Z',
        to: '2025-03-03T00:00:00Z',
      }),
    ).toEqual(['to: to must be after from']);
  });
});
