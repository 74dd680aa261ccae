import { TZDate } from '@date-fns/tz';
import type { Classification, EngineEntry } from '../entries.ts';
import type { IsoWeekday } from '../metrics.ts';
import {
  type Rule,
  type RuleConditions,
  type RuleOutcome,
  type RuleSet,
  TITLE_PATTERN_FLAGS,
} from '../rules.ts';
import {
  attendeesFact,
  calendarFact,
  durationFact,
  type Exclusion,
  exclusionReason,
  organizerFact,
  overrideReason,
  recurringFact,
  rsvpFact,
  ruleReason,
  showAsFact,
  sourceFact,
  timeOfDayFact,
  titleKeywordFact,
  titlePatternFact,
  UNCLASSIFIED_REASON,
  weekdayFact,
} from './reasons.ts';

/**
 * The classification engine. Order of decision, first answer wins:
 *   1. the member's override (of this entry, else of its recurring series): "set by you";
 *   2. built-in exclusions (cancelled, declined, out of office, free, all-day, longer than 12 h);
 *   3. the rules: team sets, then the organization's set, each by position; the first match decides;
 *   4. otherwise `unclassified`, which puts the entry in the member's inbox.
 * Pure: no clock, no I/O. Rules are assumed valid (parsed by `RuleSetSchema`).
 */

/** A member's manual classification of one entry, or of every occurrence of a recurring series. */
export type ClassificationOverride = RuleOutcome &
  ({ scope: 'entry'; entryId: string } | { scope: 'series'; seriesId: string });

/** Longer than this is a placeholder (a conference, a trip), not time anyone spent in one activity. */
export const MAX_CLASSIFIED_MINUTES = 12 * 60;

export const entryDurationMinutes = (entry: EngineEntry) =>
  (entry.end.getTime() - entry.start.getTime()) / 60_000;

export function builtInExclusion(entry: EngineEntry): Exclusion | null {
  if (entry.status === 'cancelled') return 'cancelled';
  if (entry.rsvp === 'declined') return 'declined';
  if (entry.showAs === 'out_of_office') return 'out_of_office';
  if (entry.showAs === 'free') return 'free';
  if (entry.allDay) return 'all_day';
  if (entryDurationMinutes(entry) > MAX_CLASSIFIED_MINUTES) return 'too_long';
  return null;
}

/** Team sets before the organization's (teams refine the org defaults), each by position; disabled rules drop out. */
export function orderRules(ruleSets: readonly RuleSet[]): Rule[] {
  const bySetPosition = (ruleSet: RuleSet) =>
    // Array.prototype.sort is stable, so equal positions keep the order of the list.
    ruleSet.rules.filter((rule) => rule.enabled).sort((a, b) => a.position - b.position);
  const teamSets = ruleSets.filter((ruleSet) => ruleSet.teamId !== null);
  const orgSets = ruleSets.filter((ruleSet) => ruleSet.teamId === null);
  return [...teamSets, ...orgSets].flatMap(bySetPosition);
}

// ---------------------------------------------------------------------------------------------
// Title keywords
// ---------------------------------------------------------------------------------------------

const WORD_CHAR = '[\\p{L}\\p{N}]';
const SEPARATOR = '[\\s_\\-]';
const KEYWORD_TOKENS = /[\p{L}\p{N}]+|[^\s_\-\p{L}\p{N}]/gu;
const isWordToken = (token: string) => /^[\p{L}\p{N}]/u.test(token);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Compiles a keyword into a case-insensitive, word-aware matcher:
 * - it must start and end on a word boundary, so "sync" does not match "async" or "synchronize";
 * - a trailing plural "s" is allowed ("1:1s", "syncs", "interviews");
 * - a space or hyphen in the keyword matches any run of spaces, hyphens or underscores in the title
 *   ("one-on-one" matches "One on one", "all hands" matches "All-Hands");
 * - punctuation in the keyword may be surrounded by spaces ("lunch & learn" matches "Lunch&Learn",
 *   "1:1" matches "1 : 1"), but digits never run together ("1-1" does not match "11").
 */
export function keywordMatcher(keyword: string): RegExp {
  const tokens = keyword.trim().match(KEYWORD_TOKENS) ?? [];
  let source = '';
  tokens.forEach((token, index) => {
    if (index > 0) {
      const bothWords = isWordToken(tokens[index - 1] as string) && isWordToken(token);
      source += bothWords ? `${SEPARATOR}+` : `${SEPARATOR}*`;
    }
    source += escapeRegExp(token);
  });
  const first = tokens[0] ?? '';
  const last = tokens.at(-1) ?? '';
  const start = isWordToken(first) ? `(?<!${WORD_CHAR})` : '';
  const end = isWordToken(last) ? `s?(?!${WORD_CHAR})` : '';
  return new RegExp(`${start}${source}${end}`, 'iu');
}

/** The first keyword (in list order) the title contains, or null. */
function firstKeywordIn(title: string | null, keywords: readonly CompiledKeyword[]): string | null {
  if (title === null) return null;
  return keywords.find(({ matcher }) => matcher.test(title))?.keyword ?? null;
}

interface CompiledKeyword {
  keyword: string;
  matcher: RegExp;
}
const compileKeywords = (keywords: readonly string[]): CompiledKeyword[] =>
  keywords.map((keyword) => ({ keyword, matcher: sharedMatcher(keyword) }));

/**
 * Matchers kept across classifiers. A classifier is made per write (the member's rules as they are
 * now), and V8 compiles a unicode, case-insensitive pattern on its first use: for the default rules'
 * 200-odd keywords that took about a quarter of a second on every import. A matcher without the g or y flag
 * keeps no state between tests, so one can serve every classifier.
 */
const MATCHER_CACHE_LIMIT = 10_000;
const matchers = new Map<string, RegExp>();
function sharedMatcher(keyword: string): RegExp {
  let matcher = matchers.get(keyword);
  if (!matcher) {
    matcher = keywordMatcher(keyword);
    if (matchers.size >= MATCHER_CACHE_LIMIT) matchers.clear();
    matchers.set(keyword, matcher);
  }
  return matcher;
}

/** Titles remembered per keyword list; a calendar repeats its titles (standups, 1:1s, focus blocks). */
const TITLE_MEMO_LIMIT = 10_000;

/**
 * `firstKeywordIn` for one compiled keyword list, remembering each title's answer: the unicode-aware
 * matchers cost microseconds per title and keyword, and a year of a calendar has a few hundred
 * distinct titles among thousands of entries.
 */
function keywordFinder(keywords: readonly CompiledKeyword[]): (title: string | null) => string | null {
  const memo = new Map<string, string | null>();
  return (title) => {
    if (title === null) return null;
    let found = memo.get(title);
    if (found === undefined) {
      found = firstKeywordIn(title, keywords);
      if (memo.size >= TITLE_MEMO_LIMIT) memo.clear();
      memo.set(title, found);
    }
    return found;
  };
}

// ---------------------------------------------------------------------------------------------
// Conditions
// ---------------------------------------------------------------------------------------------

/** An entry with the derived facts conditions ask for, computed at most once per entry. */
class EntryFacts {
  readonly minutes: number;
  #local: { weekday: IsoWeekday; minuteOfDay: number; clock: string } | null = null;

  constructor(readonly entry: EngineEntry) {
    this.minutes = entryDurationMinutes(entry);
  }

  /**
   * Weekday and clock time of the start in the entry's own zone (DST-aware): a rule about "Wednesday
   * mornings" means the member's Wednesday morning, wherever the server runs. An unknown zone yields
   * NaN, so time conditions simply do not match.
   */
  get local() {
    if (!this.#local) {
      const local = new TZDate(this.entry.start.getTime(), this.entry.timeZone);
      const hours = local.getHours();
      const minutes = local.getMinutes();
      this.#local = {
        weekday: String(local.getDay() === 0 ? 7 : local.getDay()) as IsoWeekday,
        minuteOfDay: hours * 60 + minutes,
        clock: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`,
      };
    }
    return this.#local;
  }
}

/** Facts that held (possibly none, for a condition with nothing to say), or null when it failed. */
type ConditionCheck = (facts: EntryFacts) => string[] | null;

const inRange = (value: number, range: { min?: number | undefined; max?: number | undefined }) =>
  (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);

const clockMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * One check per condition, in the order their facts appear in a reason (title first: it is what a
 * person recognises). Absent conditions compile to nothing.
 */
function compileConditions(conditions: RuleConditions): ConditionCheck[] {
  const { titleKeywords, excludeTitleKeywords, titlePattern, attendees, organizer, recurring } = conditions;
  const { durationMinutes: duration, rsvp, showAs, sources, calendars, weekdays, timeOfDay } = conditions;
  const checks: ConditionCheck[] = [];
  const when = (holds: boolean, fact: string) => (holds ? [fact] : null);

  if (titleKeywords) {
    const find = keywordFinder(compileKeywords(titleKeywords));
    checks.push(({ entry }) => {
      const keyword = find(entry.title);
      return keyword === null ? null : [titleKeywordFact(keyword)];
    });
  }
  if (excludeTitleKeywords) {
    const find = keywordFinder(compileKeywords(excludeTitleKeywords));
    // Holds silently: "title does not say X" explains nothing to the reader.
    checks.push(({ entry }) => (find(entry.title) === null ? [] : null));
  }
  if (titlePattern !== undefined) {
    const matcher = new RegExp(titlePattern, TITLE_PATTERN_FLAGS);
    checks.push(({ entry }) =>
      when(entry.title !== null && matcher.test(entry.title), titlePatternFact(titlePattern)),
    );
  }
  if (attendees) {
    checks.push(({ entry }) => when(inRange(entry.attendees, attendees), attendeesFact(entry.attendees)));
  }
  if (organizer !== undefined) {
    checks.push(({ entry }) => when(entry.organizer === organizer, organizerFact(organizer)));
  }
  if (recurring !== undefined) {
    checks.push(({ entry }) => when((entry.seriesId !== null) === recurring, recurringFact(recurring)));
  }
  if (duration) {
    checks.push(({ minutes }) => when(inRange(minutes, duration), durationFact(minutes)));
  }
  if (rsvp) {
    checks.push(({ entry }) => when(rsvp.includes(entry.rsvp), rsvpFact(entry.rsvp)));
  }
  if (showAs) {
    checks.push(({ entry }) => when(showAs.includes(entry.showAs), showAsFact(entry.showAs)));
  }
  if (sources) {
    checks.push(({ entry }) => when(sources.includes(entry.source), sourceFact(entry.source)));
  }
  if (calendars) {
    const wanted = new Set(calendars.map((calendar) => calendar.toLowerCase()));
    checks.push(({ entry }) =>
      entry.calendar !== null && wanted.has(entry.calendar.trim().toLowerCase())
        ? [calendarFact(entry.calendar)]
        : null,
    );
  }
  if (weekdays) {
    checks.push(({ local }) => when(weekdays.includes(local.weekday), weekdayFact(local.weekday)));
  }
  if (timeOfDay) {
    const ranges = timeOfDay.map((range) => ({
      start: clockMinutes(range.start),
      end: clockMinutes(range.end),
    }));
    checks.push(({ local }) =>
      when(
        ranges.some((range) => local.minuteOfDay >= range.start && local.minuteOfDay < range.end),
        timeOfDayFact(local.clock),
      ),
    );
  }
  return checks;
}

// ---------------------------------------------------------------------------------------------
// Classifying
// ---------------------------------------------------------------------------------------------

interface CompiledRule {
  rule: Rule;
  checks: ConditionCheck[];
}

/** All facts of a rule whose every condition holds, or null at the first one that fails. */
function matchRule({ checks }: CompiledRule, facts: EntryFacts): string[] | null {
  const matched: string[] = [];
  for (const check of checks) {
    const result = check(facts);
    if (result === null) return null;
    matched.push(...result);
  }
  return matched;
}

/**
 * Prepares rule sets once (keyword and pattern compilation) and returns a function that classifies
 * one entry. Use it when classifying many entries against the same rules.
 */
export function createClassifier(
  ruleSets: readonly RuleSet[],
): (entry: EngineEntry, override?: RuleOutcome | null) => Classification {
  const rules: CompiledRule[] = orderRules(ruleSets).map((rule) => ({
    rule,
    checks: compileConditions(rule.conditions),
  }));

  return (entry, override) => {
    if (override) {
      return {
        category: override.category,
        subtype: override.subtype,
        reason: overrideReason(override),
        ruleId: null,
      };
    }
    const exclusion = builtInExclusion(entry);
    if (exclusion)
      return { category: 'excluded', subtype: null, reason: exclusionReason(exclusion), ruleId: null };

    const facts = new EntryFacts(entry);
    for (const compiled of rules) {
      const matched = matchRule(compiled, facts);
      if (matched) {
        const { outcome, name, id } = compiled.rule;
        return {
          category: outcome.category,
          subtype: outcome.subtype,
          reason: ruleReason(outcome, name, matched),
          ruleId: id,
        };
      }
    }
    return { category: 'unclassified', subtype: null, reason: UNCLASSIFIED_REASON, ruleId: null };
  };
}

/** Classifies one entry. `override` is the member's own choice for it (see `findOverride`). */
export function classifyEntry(
  entry: EngineEntry,
  ruleSets: readonly RuleSet[],
  override?: RuleOutcome | null,
): Classification {
  return createClassifier(ruleSets)(entry, override);
}

/** Indexes overrides for lookup; of two overrides for the same target, the later one counts. */
export function indexOverrides(overrides: readonly ClassificationOverride[]) {
  const byEntry = new Map<string, RuleOutcome>();
  const bySeries = new Map<string, RuleOutcome>();
  for (const override of overrides) {
    const outcome = { category: override.category, subtype: override.subtype };
    if (override.scope === 'entry') byEntry.set(override.entryId, outcome);
    else bySeries.set(override.seriesId, outcome);
  }
  /** The override that applies to an entry: its own beats its series', because it is more specific. */
  return (entry: EngineEntry): RuleOutcome | null =>
    byEntry.get(entry.id) ?? (entry.seriesId !== null ? bySeries.get(entry.seriesId) : undefined) ?? null;
}

/** Classifies entries against the same rule sets; results are in the order of `entries`. */
export function classifyEntries(
  entries: readonly EngineEntry[],
  ruleSets: readonly RuleSet[],
  overrides: readonly ClassificationOverride[] = [],
): Classification[] {
  const classify = createClassifier(ruleSets);
  const findOverride = indexOverrides(overrides);
  return entries.map((entry) => classify(entry, findOverride(entry)));
}
