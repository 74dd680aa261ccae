import { CATEGORIES, type Classification, type EngineEntry } from '../entries.ts';
import type {
  CategoryTotals,
  DraftRule,
  PreviewRulesResponse,
  PreviewSample,
  Rule,
  RuleSet,
} from '../rules.ts';
import { type ClassificationOverride, classifyEntries, entryDurationMinutes } from './classify.ts';

/**
 * Rule preview: what a draft rule set would do to existing entries, before anyone saves it. The "after"
 * side is computed by `classifyEntries` itself, so a preview can never promise something that applying
 * the rules would not do.
 */

export interface PreviewRulesInput {
  entries: readonly EngineEntry[];
  /**
   * How the entries are classified today: the stored classifications (in the order of `entries`), or
   * the rule sets in force, to classify them afresh.
   */
  current: { classifications: readonly Classification[] } | { ruleSets: readonly RuleSet[] };
  /** Every rule set the entries would be classified with: the draft set plus the ones not being edited. */
  draft: readonly RuleSet[];
  /** The members' overrides; they win on both sides, so they never show up as a change. */
  overrides?: readonly ClassificationOverride[];
  /** How many changed entries to return as examples (default 10). */
  sampleSize?: number;
}

export function emptyCategoryTotals(): CategoryTotals {
  return Object.fromEntries(
    CATEGORIES.map((category) => [category, { entries: 0, minutes: 0 }]),
  ) as CategoryTotals;
}

/** Entries and raw minutes per category; `classifications` is in the order of `entries`. */
export function tallyCategories(
  entries: readonly EngineEntry[],
  classifications: readonly Classification[],
): CategoryTotals {
  const totals = emptyCategoryTotals();
  entries.forEach((entry, index) => {
    const classification = classifications[index] as Classification;
    totals[classification.category].entries += 1;
    totals[classification.category].minutes += entryDurationMinutes(entry);
  });
  return totals;
}

/**
 * Turns the rules being edited into a rule set the engine can run: list order is evaluation order, and
 * rules not saved yet get a stable placeholder id (`draft-<index>`).
 */
export function ruleSetFromDraft(teamId: string | null, drafts: readonly DraftRule[]): RuleSet {
  const rules: Rule[] = drafts.map((draft, position) => ({
    ...draft,
    id: draft.id ?? `draft-${position}`,
    position,
  }));
  return { teamId, rules };
}

/** `ruleSets` with the set of the same scope replaced by `draftSet` (or added, when there was none). */
export function replaceRuleSet(ruleSets: readonly RuleSet[], draftSet: RuleSet): RuleSet[] {
  const others = ruleSets.filter((ruleSet) => ruleSet.teamId !== draftSet.teamId);
  return [...others, draftSet];
}

const isChange = (before: Classification, after: Classification) =>
  before.category !== after.category || before.subtype !== after.subtype;

const transitionKey = (before: Classification, after: Classification) =>
  `${before.category}/${before.subtype ?? ''}>${after.category}/${after.subtype ?? ''}`;

/**
 * Picks samples round-robin over the kinds of change (largest kind first), earliest entries first
 * within a kind, so a preview dominated by one shift still shows the smaller ones.
 */
function pickSamples(changes: PreviewSample[], sampleSize: number): PreviewSample[] {
  const byKind = new Map<string, PreviewSample[]>();
  for (const change of changes) {
    const key = transitionKey(change.before, change.after);
    byKind.set(key, [...(byKind.get(key) ?? []), change]);
  }
  const kinds = [...byKind.entries()]
    .sort(([keyA, a], [keyB, b]) => b.length - a.length || keyA.localeCompare(keyB))
    .map(([, samples]) =>
      samples.sort((a, b) => a.start.localeCompare(b.start) || a.entryId.localeCompare(b.entryId)),
    );
  const picked: PreviewSample[] = [];
  for (let round = 0; picked.length < sampleSize; round++) {
    const thisRound = kinds.flatMap((samples) => samples.slice(round, round + 1));
    if (thisRound.length === 0) break;
    picked.push(...thisRound.slice(0, sampleSize - picked.length));
  }
  return picked;
}

export function previewRules(input: PreviewRulesInput): PreviewRulesResponse {
  const { entries, draft, overrides = [], sampleSize = 10 } = input;
  const before =
    'classifications' in input.current
      ? input.current.classifications
      : classifyEntries(entries, input.current.ruleSets, overrides);
  if (before.length !== entries.length) {
    throw new RangeError(`got ${before.length} current classifications for ${entries.length} entries`);
  }
  const after = classifyEntries(entries, draft, overrides);

  const changes: PreviewSample[] = [];
  entries.forEach((entry, index) => {
    const was = before[index] as Classification;
    const becomes = after[index] as Classification;
    if (!isChange(was, becomes)) return;
    changes.push({
      entryId: entry.id,
      title: entry.title,
      start: entry.start.toISOString(),
      end: entry.end.toISOString(),
      before: was,
      after: becomes,
    });
  });

  return {
    total: entries.length,
    changed: changes.length,
    before: tallyCategories(entries, before),
    after: tallyCategories(entries, after),
    samples: pickSamples(changes, sampleSize),
  };
}
