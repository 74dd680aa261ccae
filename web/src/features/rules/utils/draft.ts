import { SUBTYPE_LABELS } from '@tiltmeter/shared/classification/reasons';
import type { EntrySource, Rsvp, ShowAs } from '@tiltmeter/shared/entries';
import type { IsoWeekday } from '@tiltmeter/shared/metrics';
import {
  type DraftRule,
  DraftRuleSchema,
  type RuleConditions,
  type RuleOutcome,
  type StoredRule,
} from '@tiltmeter/shared/rules';
import { issueMessage } from '../../../lib/form.ts';

/** A rule in the editor: the draft itself plus a key that survives renames, reorders and saves. */
export interface EditorRule {
  key: string;
  rule: DraftRule;
}

let nextKey = 0;
export const newEditorKey = () => `rule-${++nextKey}`;

export function toDraft(rule: StoredRule): DraftRule {
  const { id, name, enabled, conditions, outcome } = rule;
  return { id, name, enabled, conditions, outcome };
}

/** JSON with sorted keys and no undefined values: two rules that mean the same compare equal. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(
        Object.entries(inner as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => a.localeCompare(b)),
      );
    }
    return inner;
  });
}

const content = (rule: Pick<DraftRule, 'name' | 'enabled' | 'conditions' | 'outcome'>) =>
  stableJson({
    name: rule.name.trim(),
    enabled: rule.enabled,
    conditions: rule.conditions,
    outcome: { category: rule.outcome.category, subtype: rule.outcome.subtype ?? null },
  });

export function sameRuleContent(
  a: Pick<DraftRule, 'name' | 'enabled' | 'conditions' | 'outcome'>,
  b: typeof a,
) {
  return content(a) === content(b);
}

/** Whether the edited set differs from the saved one: content, membership or order. */
export function isRuleSetDirty(saved: readonly StoredRule[], drafts: readonly DraftRule[]): boolean {
  if (saved.length !== drafts.length) return true;
  return drafts.some((draft, index) => {
    const before = saved[index];
    return !before || draft.id !== before.id || !sameRuleContent(before, draft);
  });
}

/** Field errors of one draft, keyed by dotted path (`name`, `conditions.attendees.max`, `conditions`). */
export type RuleErrors = Record<string, string[]>;

export function validateDraft(
  rule: DraftRule,
): { ok: true; rule: DraftRule } | { ok: false; errors: RuleErrors } {
  const parsed = DraftRuleSchema.safeParse(rule);
  if (parsed.success) return { ok: true, rule: parsed.data };
  const errors: RuleErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.');
    errors[key] = [...(errors[key] ?? []), ruleIssueMessage(issue)];
  }
  return { ok: false, errors };
}

/**
 * The rule schema's own messages ("give at least one keyword") say what to do; zod's defaults
 * ("Too small: expected array to have >=1 items") go through the app's wording instead.
 */
function ruleIssueMessage(issue: Parameters<typeof issueMessage>[0]): string {
  if (/^(Too (small|big)|Invalid|Expected)/.test(issue.message)) return issueMessage(issue);
  const text = issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Messages at `path` or below it, for a field that edits a whole subtree (a keyword list, a range). */
export function errorsUnder(errors: RuleErrors | undefined, path: string): string[] {
  if (!errors) return [];
  return Object.entries(errors)
    .filter(([key]) => key === path || key.startsWith(`${path}.`))
    .flatMap(([, messages]) => messages);
}

// ---------------------------------------------------------------------------------------------
// Vocabulary shown in the editor
// ---------------------------------------------------------------------------------------------

export type ConditionKey = keyof RuleConditions;

export const CONDITION_LABELS: Record<ConditionKey, string> = {
  titleKeywords: 'Title has any of',
  excludeTitleKeywords: 'Title has none of',
  titlePattern: 'Title matches pattern',
  attendees: 'Attendees',
  organizer: 'Organizer',
  recurring: 'Recurrence',
  durationMinutes: 'Duration',
  rsvp: 'Your answer',
  showAs: 'Shown as',
  sources: 'Source',
  calendars: 'Calendar',
  weekdays: 'Weekday',
  timeOfDay: 'Start time',
};

/** The order conditions are offered and shown in. */
export const CONDITION_ORDER: readonly ConditionKey[] = [
  'titleKeywords',
  'excludeTitleKeywords',
  'titlePattern',
  'attendees',
  'durationMinutes',
  'recurring',
  'organizer',
  'weekdays',
  'timeOfDay',
  'rsvp',
  'showAs',
  'sources',
  'calendars',
];

/** What a freshly added condition starts as: something valid where possible, so the preview keeps up. */
export const CONDITION_DEFAULTS: { [K in ConditionKey]-?: NonNullable<RuleConditions[K]> } = {
  titleKeywords: [],
  excludeTitleKeywords: [],
  titlePattern: '',
  attendees: { min: 3 },
  organizer: true,
  recurring: true,
  durationMinutes: { min: 60 },
  rsvp: ['accepted'],
  showAs: ['busy'],
  sources: ['ics_file'],
  calendars: [],
  weekdays: ['1', '2', '3', '4', '5'],
  timeOfDay: [{ start: '09:00', end: '12:00' }],
};

export const RSVP_LABELS: Record<Rsvp, string> = {
  accepted: 'Accepted',
  tentative: 'Maybe',
  declined: 'Declined',
  needs_action: 'Not answered',
};

export const SHOW_AS_LABELS: Record<ShowAs, string> = {
  busy: 'Busy',
  free: 'Free',
  tentative: 'Tentative',
  out_of_office: 'Out of office',
};

export const SOURCE_LABELS: Record<EntrySource, string> = {
  manual: 'Entered by hand',
  ics_file: 'ICS file',
  ics_url: 'Calendar subscription',
  csv: 'CSV import',
  api: 'API',
};

export const WEEKDAY_SHORT: Record<IsoWeekday, string> = {
  '1': 'Mon',
  '2': 'Tue',
  '3': 'Wed',
  '4': 'Thu',
  '5': 'Fri',
  '6': 'Sat',
  '7': 'Sun',
};

const list = (values: readonly string[], max = 4) => {
  const shown = values.slice(0, max).map((value) => `“${value}”`);
  const rest = values.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} +${rest} more` : shown.join(', ');
};

function range(bounds: { min?: number; max?: number }, one: string, many: string): string {
  const { min, max } = bounds;
  const unit = (n: number) => (n === 1 ? one : many);
  if (min !== undefined && max !== undefined) {
    return min === max ? `${min} ${unit(min)}` : `${min}–${max} ${many}`;
  }
  if (min !== undefined) return `${min}+ ${many}`;
  if (max !== undefined) return `at most ${max} ${unit(max)}`;
  return `any ${many}`;
}

/** One short phrase per condition, for the collapsed rule row. */
export function describeConditions(conditions: RuleConditions): string[] {
  const phrases: string[] = [];
  const c = conditions;
  if (c.titleKeywords) phrases.push(`title has ${list(c.titleKeywords) || '…'}`);
  if (c.excludeTitleKeywords) phrases.push(`but not ${list(c.excludeTitleKeywords) || '…'}`);
  if (c.titlePattern !== undefined) phrases.push(`title matches /${c.titlePattern}/`);
  if (c.attendees) phrases.push(range(c.attendees, 'attendee', 'attendees'));
  if (c.durationMinutes) phrases.push(range(c.durationMinutes, 'min', 'min'));
  if (c.recurring !== undefined) phrases.push(c.recurring ? 'recurring' : 'one-off');
  if (c.organizer !== undefined) phrases.push(c.organizer ? 'you organized it' : 'organized by someone else');
  if (c.weekdays) phrases.push(c.weekdays.map((day) => WEEKDAY_SHORT[day]).join(', '));
  if (c.timeOfDay) phrases.push(`starts ${c.timeOfDay.map((r) => `${r.start}–${r.end}`).join(' or ')}`);
  if (c.rsvp) phrases.push(`answer: ${c.rsvp.map((value) => RSVP_LABELS[value].toLowerCase()).join(' or ')}`);
  if (c.showAs)
    phrases.push(`shown as ${c.showAs.map((value) => SHOW_AS_LABELS[value].toLowerCase()).join(' or ')}`);
  if (c.sources) phrases.push(`from ${c.sources.map((value) => SOURCE_LABELS[value]).join(' or ')}`);
  if (c.calendars) phrases.push(`calendar ${list(c.calendars) || '…'}`);
  return phrases;
}

export function outcomeText(
  outcome: Pick<RuleOutcome, 'category'> & { subtype?: RuleOutcome['subtype'] },
): string {
  const category = outcome.category.charAt(0).toUpperCase() + outcome.category.slice(1);
  return outcome.subtype ? `${category} · ${SUBTYPE_LABELS[outcome.subtype]}` : category;
}
