import { z } from 'zod';
import {
  CategorySchema,
  EntrySourceSchema,
  ManagerSubtypeSchema,
  RsvpSchema,
  ShowAsSchema,
} from './entries.ts';
import { ISO_WEEKDAYS, TimeRangeSchema } from './metrics.ts';

/**
 * Classification rules: an ordered list of condition sets, each with an outcome. The engine that applies
 * them lives in `classification/`; this file is the contract (what an admin may store, what the API
 * accepts) and rejects anything the engine could not evaluate, so the engine never has to.
 */

/**
 * Flags every title pattern is compiled with, here and in the engine, so validation and matching can
 * never disagree. Case-insensitive because calendar titles are typed by hand; no `u` flag because it
 * turns common, harmless escapes such as `\-` into syntax errors.
 */
export const TITLE_PATTERN_FLAGS = 'i';

const KeywordSchema = z
  .string()
  .trim()
  .min(1, 'a keyword cannot be empty')
  .max(60, 'a keyword has at most 60 characters')
  // Matching is word-aware (a keyword must start and end on a word boundary), which needs a word.
  .regex(/[\p{L}\p{N}]/u, 'a keyword needs at least one letter or digit');

const KeywordListSchema = z.array(KeywordSchema).min(1, 'give at least one keyword').max(100);

const TitlePatternSchema = z
  .string()
  .min(1, 'a pattern cannot be empty')
  // Titles are short, but a long pattern is the easy way to write catastrophic backtracking.
  .max(200, 'a pattern has at most 200 characters')
  .superRefine((pattern, ctx) => {
    try {
      new RegExp(pattern, TITLE_PATTERN_FLAGS);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${detail}` });
    }
  });

/** Inclusive bounds; either may be left open, not both. */
const rangeSchema = (unit: string) =>
  z
    .strictObject({
      min: z.int().min(0, `min must be 0 ${unit} or more`).optional(),
      max: z.int().min(0, `max must be 0 ${unit} or more`).optional(),
    })
    .refine((range) => range.min !== undefined || range.max !== undefined, {
      message: 'give min, max or both',
    })
    .refine((range) => range.min === undefined || range.max === undefined || range.min <= range.max, {
      message: 'max must not be less than min',
      path: ['max'],
    });

export const CountRangeSchema = rangeSchema('attendees');
export type CountRange = z.infer<typeof CountRangeSchema>;
export const MinutesRangeSchema = rangeSchema('minutes');
export type MinutesRange = z.infer<typeof MinutesRangeSchema>;

export const RuleWeekdaySchema = z.enum(ISO_WEEKDAYS);

/**
 * Conditions over entry fields. Every condition given must hold (AND); a list inside one condition is
 * "any of" (OR). Weekdays and times are read in the entry's own time zone.
 */
export const RuleConditionsSchema = z
  .strictObject({
    /** The title contains any of these, case-insensitive, as whole words ("sync" does not match "async"). */
    titleKeywords: KeywordListSchema.optional(),
    /** The title contains none of these (same matching): carves exceptions out of a broad keyword. */
    excludeTitleKeywords: KeywordListSchema.optional(),
    /** A regular expression the title must match, case-insensitive. */
    titlePattern: TitlePatternSchema.optional(),
    /** Invited people including the owner: a solo block is 0 or 1, a 1:1 is 2. */
    attendees: CountRangeSchema.optional(),
    /** The member organized the entry (true) or was invited (false). */
    organizer: z.boolean().optional(),
    /** Part of a recurring series (true) or a one-off (false). */
    recurring: z.boolean().optional(),
    durationMinutes: MinutesRangeSchema.optional(),
    rsvp: z.array(RsvpSchema).min(1).optional(),
    showAs: z.array(ShowAsSchema).min(1).optional(),
    sources: z.array(EntrySourceSchema).min(1).optional(),
    /** Calendar names or subscription ids, compared case-insensitively. */
    calendars: z.array(z.string().trim().min(1).max(200)).min(1).optional(),
    /** ISO weekdays (Monday = '1'), of the entry's start in its own time zone. */
    weekdays: z.array(RuleWeekdaySchema).min(1).optional(),
    /**
     * The entry starts inside any of these ranges, in its own time zone (start inclusive, end exclusive).
     * A night window is two ranges (22:00-24:00 and 00:00-06:00), as in working hours.
     */
    timeOfDay: z.array(TimeRangeSchema).min(1).max(8).optional(),
  })
  // A rule without conditions would silently swallow every entry that reaches it.
  .refine((conditions) => Object.values(conditions).some((value) => value !== undefined), {
    message: 'a rule needs at least one condition',
  });
export type RuleConditions = z.infer<typeof RuleConditionsSchema>;

/** What a rule decides. `unclassified` is not an outcome: it is what happens when no rule decides. */
export const RuleCategorySchema = CategorySchema.exclude(['unclassified']);
export type RuleCategory = z.infer<typeof RuleCategorySchema>;

export const RuleOutcomeSchema = z
  .strictObject({
    category: RuleCategorySchema,
    subtype: ManagerSubtypeSchema.nullable().default(null),
  })
  .refine((outcome) => outcome.category !== 'manager' || outcome.subtype !== null, {
    message: 'a manager outcome needs a subtype',
    path: ['subtype'],
  })
  .refine((outcome) => outcome.category === 'manager' || outcome.subtype === null, {
    message: 'only a manager outcome has a subtype',
    path: ['subtype'],
  });
export type RuleOutcome = z.infer<typeof RuleOutcomeSchema>;

const RuleNameSchema = z.string().trim().min(1, 'a rule needs a name').max(80);

export const RuleSchema = z.object({
  id: z.string().min(1),
  name: RuleNameSchema,
  enabled: z.boolean(),
  /** Order inside its rule set, lowest first; ties keep the order of the list. */
  position: z.int().min(0),
  conditions: RuleConditionsSchema,
  outcome: RuleOutcomeSchema,
});
export type Rule = z.infer<typeof RuleSchema>;

/**
 * The rules of one scope: the organization's (`teamId` null) or one team's. Team sets are evaluated
 * before the organization's, so a team can refine the org defaults without editing them.
 */
export const RuleSetSchema = z
  .object({
    teamId: z.string().min(1).nullable(),
    rules: z.array(RuleSchema).max(500),
  })
  .superRefine((ruleSet, ctx) => {
    // The classification names the rule that decided by id; two rules with one id would be ambiguous.
    const seen = new Set<string>();
    ruleSet.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate rule id ${rule.id}`,
          path: ['rules', index, 'id'],
        });
      }
      seen.add(rule.id);
    });
  });
export type RuleSet = z.infer<typeof RuleSetSchema>;

// ---------------------------------------------------------------------------------------------
// API bodies
// ---------------------------------------------------------------------------------------------

export const CreateRuleBodySchema = z.strictObject({
  /** null (or absent) creates an organization rule; a team id creates a rule of that team. */
  teamId: z.string().min(1).nullable().default(null),
  name: RuleNameSchema,
  enabled: z.boolean().default(true),
  /** Absent appends the rule at the end of its set. */
  position: z.int().min(0).optional(),
  conditions: RuleConditionsSchema,
  outcome: RuleOutcomeSchema,
});
export type CreateRuleBody = z.infer<typeof CreateRuleBodySchema>;

/** Conditions and outcome are replaced as a whole, never merged, so a removed condition stays removed. */
export const UpdateRuleBodySchema = z
  .strictObject({
    name: RuleNameSchema.optional(),
    enabled: z.boolean().optional(),
    position: z.int().min(0).optional(),
    conditions: RuleConditionsSchema.optional(),
    outcome: RuleOutcomeSchema.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'nothing to update',
  });
export type UpdateRuleBody = z.infer<typeof UpdateRuleBodySchema>;

/**
 * A rule being edited in the rules screen: new rules have no id yet, and the list order is the order
 * the admin sees, so positions are optional too (see `ruleSetFromDraft`).
 */
export const DraftRuleSchema = RuleSchema.extend({
  id: z.string().min(1).optional(),
  enabled: z.boolean().default(true),
  position: z.int().min(0).optional(),
});
export type DraftRule = z.infer<typeof DraftRuleSchema>;

/** `POST` preview: how would this draft rule set classify existing entries? Nothing is saved. */
export const PreviewRulesBodySchema = z
  .strictObject({
    /** The set the draft replaces: null for the organization's rules, or a team id. */
    teamId: z.string().min(1).nullable().default(null),
    /** The whole draft set, in evaluation order. */
    rules: z.array(DraftRuleSchema).max(500),
    /** Which entries to preview on; the server picks a recent window when absent. */
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    sampleSize: z.int().min(0).max(50).default(10),
  })
  .refine((body) => !body.from || !body.to || Date.parse(body.from) < Date.parse(body.to), {
    message: 'to must be after from',
    path: ['to'],
  });
export type PreviewRulesBody = z.infer<typeof PreviewRulesBodySchema>;

export const PreviewClassificationSchema = z.object({
  category: CategorySchema,
  subtype: ManagerSubtypeSchema.nullable(),
  reason: z.string(),
  ruleId: z.string().nullable(),
});

/** Per category: how many entries and how many minutes of raw duration (overlaps not merged). */
export const CategoryTotalsSchema = z.record(
  CategorySchema,
  z.object({ entries: z.int().min(0), minutes: z.number().min(0) }),
);
export type CategoryTotals = z.infer<typeof CategoryTotalsSchema>;

export const PreviewSampleSchema = z.object({
  entryId: z.string(),
  /** null when the organization hides titles, or the entry has none. */
  title: z.string().nullable(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  before: PreviewClassificationSchema,
  after: PreviewClassificationSchema,
});
export type PreviewSample = z.infer<typeof PreviewSampleSchema>;

export const PreviewRulesResponseSchema = z.object({
  /** Entries previewed. */
  total: z.int().min(0),
  /** Entries whose category or subtype would change (a reworded reason alone is not a change). */
  changed: z.int().min(0),
  before: CategoryTotalsSchema,
  after: CategoryTotalsSchema,
  /** Some of the changed entries, spread over the kinds of change so one big shift does not hide the rest. */
  samples: z.array(PreviewSampleSchema),
});
export type PreviewRulesResponse = z.infer<typeof PreviewRulesResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Rules API
// ---------------------------------------------------------------------------------------------

/** A stored rule and the set it belongs to (null: the organization's). */
export const StoredRuleSchema = RuleSchema.extend({ teamId: z.string().nullable() });
export type StoredRule = z.infer<typeof StoredRuleSchema>;

/** Progress of the background reclassification that follows a rule change. */
export const RecomputeStatusSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  done: z.int().min(0),
  total: z.int().min(0),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  error: z.string().nullable(),
});
export type RecomputeStatus = z.infer<typeof RecomputeStatusSchema>;

export const ListRulesQuerySchema = z.object({
  /** A team's rules; absent for the organization's. */
  teamId: z.string().min(1).optional(),
});

export const ListRulesResponseSchema = z.object({
  items: z.array(StoredRuleSchema),
  /** The latest reclassification of this organization, if any. */
  recompute: RecomputeStatusSchema.nullable(),
});
export type ListRulesResponse = z.infer<typeof ListRulesResponseSchema>;

export const ReorderRulesBodySchema = z.strictObject({
  teamId: z.string().min(1).nullable().default(null),
  /** Every rule id of the set, in the new evaluation order. */
  ids: z.array(z.string().min(1)).min(1).max(500),
});
export type ReorderRulesBody = z.infer<typeof ReorderRulesBodySchema>;

export const RuleMutationResponseSchema = z.object({
  rule: StoredRuleSchema.nullable(),
  recompute: RecomputeStatusSchema,
});
export type RuleMutationResponse = z.infer<typeof RuleMutationResponseSchema>;

const RuleIdParamsSchema = z.object({ id: z.string().min(1) });

export const ruleEndpoints = {
  list: {
    method: 'GET',
    url: '/api/v1/rules',
    schema: { querystring: ListRulesQuerySchema, response: { 200: ListRulesResponseSchema } },
  },
  create: {
    method: 'POST',
    url: '/api/v1/rules',
    schema: { body: CreateRuleBodySchema, response: { 201: RuleMutationResponseSchema } },
  },
  update: {
    method: 'PATCH',
    url: '/api/v1/rules/:id',
    schema: {
      params: RuleIdParamsSchema,
      body: UpdateRuleBodySchema,
      response: { 200: RuleMutationResponseSchema },
    },
  },
  remove: {
    method: 'DELETE',
    url: '/api/v1/rules/:id',
    schema: { params: RuleIdParamsSchema, response: { 200: RuleMutationResponseSchema } },
  },
  reorder: {
    method: 'PUT',
    url: '/api/v1/rules/order',
    schema: { body: ReorderRulesBodySchema, response: { 200: RuleMutationResponseSchema } },
  },
  preview: {
    method: 'POST',
    url: '/api/v1/rules/preview',
    schema: { body: PreviewRulesBodySchema, response: { 200: PreviewRulesResponseSchema } },
  },
  recompute: {
    method: 'GET',
    url: '/api/v1/rules/recompute',
    schema: { response: { 200: z.object({ recompute: RecomputeStatusSchema.nullable() }) } },
  },
} as const;
