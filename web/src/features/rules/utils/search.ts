import { type DraftRule, DraftRuleSchema } from '@tiltmeter/shared/rules';

/** Search params of the rules editor. */
export interface RulesSearch {
  /** A rule to open in the editor, unsaved ("make a rule from this" in the inbox). */
  draft?: DraftRule;
}

/** A draft that does not parse (an old or hand-edited link) is dropped rather than failing the page. */
export function validateRulesSearch(search: Record<string, unknown>): RulesSearch {
  if (search.draft === undefined) return {};
  const parsed = DraftRuleSchema.safeParse(search.draft);
  return parsed.success ? { draft: parsed.data } : {};
}
