import type { EntrySource, ManagerSubtype, Rsvp, ShowAs } from '../entries.ts';
import type { IsoWeekday } from '../metrics.ts';
import type { RuleOutcome } from '../rules.ts';

/**
 * The wording of classification reasons, in one place so the calendar hover, the CSV export and the
 * tests all read the same sentences. Every reason has the shape `<outcome>: <why>`:
 *
 *   manager / 1:1: 2 attendees, recurring (rule "Two people")
 *   maker: title has "focus" (rule "Focus blocks")
 *   excluded: you declined
 *   maker: set by you
 *   unclassified: no rule matched
 */

export const SUBTYPE_LABELS: Record<ManagerSubtype, string> = {
  one_on_one: '1:1',
  team_sync: 'team sync',
  review: 'review',
  hiring: 'hiring',
  external: 'external',
  coordination: 'coordination',
};

/** "maker", "manager / 1:1". */
export function outcomeLabel(outcome: RuleOutcome): string {
  return outcome.subtype ? `${outcome.category} / ${SUBTYPE_LABELS[outcome.subtype]}` : outcome.category;
}

export function ruleReason(outcome: RuleOutcome, ruleName: string, facts: readonly string[]): string {
  const why = facts.length > 0 ? `${facts.join(', ')} (rule "${ruleName}")` : `rule "${ruleName}"`;
  return `${outcomeLabel(outcome)}: ${why}`;
}

/** Entry and series overrides read the same: the member does not need to know which one they set. */
export function overrideReason(outcome: RuleOutcome): string {
  return `${outcomeLabel(outcome)}: set by you`;
}

export const UNCLASSIFIED_REASON = 'unclassified: no rule matched';

/** Built-in exclusions, in the order they are checked: the first that applies is the one named. */
export const EXCLUSIONS = ['cancelled', 'declined', 'out_of_office', 'free', 'all_day', 'too_long'] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

const EXCLUSION_WORDING: Record<Exclusion, string> = {
  cancelled: 'cancelled',
  declined: 'you declined',
  out_of_office: 'out of office',
  free: 'shown as free',
  all_day: 'all-day',
  too_long: 'longer than 12 hours',
};

export function exclusionReason(exclusion: Exclusion): string {
  return `excluded: ${EXCLUSION_WORDING[exclusion]}`;
}

// ---------------------------------------------------------------------------------------------
// Facts: one short phrase per condition, describing the entry (not the rule), so the reason says
// what is true of this entry ("45 min"), not the bound it passed ("at most 60 minutes").
// ---------------------------------------------------------------------------------------------

export const titleKeywordFact = (keyword: string) => `title has "${keyword}"`;
export const titlePatternFact = (pattern: string) => `title matches /${pattern}/`;

export function attendeesFact(attendees: number): string {
  // 0 and 1 are the same to a person: the event lists nobody, or only its owner.
  if (attendees <= 1) return 'no other attendees';
  return `${attendees} attendees`;
}

export const organizerFact = (organizer: boolean) =>
  organizer ? 'you organized it' : 'organized by someone else';
export const recurringFact = (recurring: boolean) => (recurring ? 'recurring' : 'one-off');

export function durationFact(minutes: number): string {
  const whole = Math.round(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

const RSVP_WORDING: Record<Rsvp, string> = {
  accepted: 'you accepted',
  tentative: 'you said maybe',
  declined: 'you declined',
  needs_action: 'not answered yet',
};
export const rsvpFact = (rsvp: Rsvp) => RSVP_WORDING[rsvp];

const SHOW_AS_WORDING: Record<ShowAs, string> = {
  busy: 'shown as busy',
  free: 'shown as free',
  tentative: 'shown as tentative',
  out_of_office: 'shown as out of office',
};
export const showAsFact = (showAs: ShowAs) => SHOW_AS_WORDING[showAs];

const SOURCE_WORDING: Record<EntrySource, string> = {
  manual: 'entered by hand',
  ics_file: 'from an ICS file',
  ics_url: 'from a calendar subscription',
  csv: 'from a CSV import',
  api: 'from the API',
};
export const sourceFact = (source: EntrySource) => SOURCE_WORDING[source];

export const calendarFact = (calendar: string) => `calendar "${calendar}"`;

const WEEKDAY_NAMES: Record<IsoWeekday, string> = {
  '1': 'Monday',
  '2': 'Tuesday',
  '3': 'Wednesday',
  '4': 'Thursday',
  '5': 'Friday',
  '6': 'Saturday',
  '7': 'Sunday',
};
export const weekdayFact = (weekday: IsoWeekday) => `on ${WEEKDAY_NAMES[weekday]}`;

/** `clock` is the local start as HH:MM. */
export const timeOfDayFact = (clock: string) => `starts ${clock}`;
