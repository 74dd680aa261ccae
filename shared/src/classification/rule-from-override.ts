import type { EngineEntry } from '../entries.ts';
import type { DraftRule, RuleOutcome } from '../rules.ts';
import { attendeesFact, outcomeLabel, recurringFact } from './reasons.ts';

/**
 * "Make a rule from this": turns a member's override of one entry into a draft rule that would classify
 * entries like it the same way. The draft is a suggestion for the rules screen, which previews it (put it
 * first to see what it would take over: `ruleSetFromDraft(set.teamId, [draft, ...set.rules])`).
 */

/** Invitation prefixes mail clients put in front of the real title. */
const MAIL_PREFIX =
  /^\s*(?:canceled|cancelled|updated invitation|invitation|accepted|declined|tentative|fwd?|re)\s*:\s*/i;
/** Bracketed tags ("[Eng]", "(optional)") name a team or a note, not the kind of event. */
const BRACKETED = /\[[^\]]*\]|\([^)]*\)/g;
/**
 * What usually comes after the kind of event: people, companies, dates ("Customer call - Acme",
 * "Roadmap review with Sam", "Interview: Jordan Lee"). The colon needs a following space so "1:1" stays.
 */
const DETAIL_SEPARATOR = /\s[-–—|/@]\s|:\s|\s<>\s|\s(?:with|w\/)\s/i;
/** Numbers and dates change between occurrences ("Sprint 42 planning", "Retro 03/14"). */
const NUMBER_OR_DATE = /^#?\d+(?:[./-]\d+)*$/;
const MAX_KEYWORD_WORDS = 4;
/** The limits of the rule schema (`KeywordSchema`, `RuleNameSchema`). */
const MAX_KEYWORD_LENGTH = 60;
const MAX_NAME_LENGTH = 80;

/**
 * The words of a title that name the kind of event, lowercased: the part before any detail, without
 * numbers and dates (the first run of words when a number splits them), at most four words. Null when
 * nothing usable is left.
 */
export function keywordFromTitle(title: string | null): string | null {
  if (title === null) return null;
  let text = title;
  while (MAIL_PREFIX.test(text)) text = text.replace(MAIL_PREFIX, '');
  text = text.replace(BRACKETED, ' ');
  const kind = text.split(DETAIL_SEPARATOR).find((part) => /[\p{L}\p{N}]/u.test(part)) ?? '';

  const words = kind
    .split(/\s+/)
    // Edge punctuation ("Acme,", "'Launch'") is noise; inner punctuation ("1:1", "lunch&learn") is meaning.
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word.length > 0);
  const run: string[] = [];
  for (const word of words) {
    if (NUMBER_OR_DATE.test(word)) {
      if (run.length > 0) break;
      continue;
    }
    const next = [...run, word.toLowerCase()];
    if (next.join(' ').length > MAX_KEYWORD_LENGTH) break;
    run.push(word.toLowerCase());
    if (run.length === MAX_KEYWORD_WORDS) break;
  }
  return run.length > 0 ? run.join(' ') : null;
}

const fitName = (name: string) =>
  name.length <= MAX_NAME_LENGTH ? name : `${name.slice(0, MAX_NAME_LENGTH - 1)}…`;

/**
 * A draft rule matching entries like `entry` by title keyword, with the override's outcome. Without a
 * usable title (hidden or empty), it falls back to what is known: the attendee count and whether the
 * entry recurs.
 */
export function ruleFromOverride(entry: EngineEntry, outcome: RuleOutcome): DraftRule {
  const label = outcomeLabel(outcome);
  const draftOutcome = { category: outcome.category, subtype: outcome.subtype };
  const keyword = keywordFromTitle(entry.title);
  if (keyword !== null) {
    return {
      name: fitName(`${keyword} → ${label}`),
      enabled: true,
      conditions: { titleKeywords: [keyword] },
      outcome: draftOutcome,
    };
  }
  const recurring = entry.seriesId !== null;
  // A solo block is 0 or 1 attendees, whichever way the calendar wrote it.
  const attendees = entry.attendees <= 1 ? { max: 1 } : { min: entry.attendees, max: entry.attendees };
  return {
    name: fitName(`${attendeesFact(entry.attendees)}, ${recurringFact(recurring)} → ${label}`),
    enabled: true,
    conditions: { attendees, recurring },
    outcome: draftOutcome,
  };
}
