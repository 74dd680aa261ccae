import { type EntrySource, UpdateEntryBodySchema } from '@tiltmeter/shared/entries';
import type { WeekEntry } from '@tiltmeter/shared/metrics-api';
import { type FieldErrors, fieldErrorsFromApi, issueMessage } from '../../../lib/form.ts';
import { dayNumberOf, localDateOf } from '../../../lib/iso-week.ts';
import type { EditEntryInput } from '../api/update-entry.ts';
import { clockLabel, parseClock, wallClock, zonedInstant } from './zoned-time.ts';

/**
 * The edit form of an entry, as pure functions: the form's values from an entry (wall-clock times in
 * the member's zone), and back to the PATCH body with only what changed, or the problems to show.
 */

export interface EntryFormValues {
  title: string;
  /** Local date the entry starts on, YYYY-MM-DD. */
  date: string;
  start: string;
  end: string;
  /** Local date the entry ends on: the start date unless it runs past midnight. */
  endDate: string;
}

export type EntryFormField = keyof EntryFormValues;
export type EntryFormErrors = Partial<Record<EntryFormField | 'form', string>>;

export function entryFormValues(entry: Pick<WeekEntry, 'title' | 'start' | 'end'>, timeZone: string) {
  const start = wallClock(entry.start, timeZone);
  const end = wallClock(entry.end, timeZone);
  return {
    title: entry.title ?? '',
    date: start.date,
    start: clockLabel(start.minutes),
    end: clockLabel(end.minutes),
    endDate: end.date,
  } satisfies EntryFormValues;
}

/** An entry that ends on a later day than it starts (midnight included) needs its end day in the form. */
export function endsOnLaterDay(values: Pick<EntryFormValues, 'date' | 'endDate'>): boolean {
  return values.endDate !== values.date;
}

/** Moves the end day along when the start day changes, so the entry keeps its length. */
export function shiftEndDate(values: EntryFormValues, date: string): string {
  if (!isLocalDate(date) || !isLocalDate(values.date) || !isLocalDate(values.endDate)) return values.endDate;
  return localDateOf(dayNumberOf(values.endDate) + dayNumberOf(date) - dayNumberOf(values.date));
}

function isLocalDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

export type EntryFormResult =
  | { ok: true; body: EditEntryInput['body'] | null }
  | { ok: false; errors: EntryFormErrors };

/**
 * The PATCH body of an edit: the title if it changed, and the start, end and zone if any time did (an
 * imported entry is marked edited by every field it is sent, so unchanged ones stay out). `null` when
 * nothing changed. Checked with the server's own schema after the form's rules.
 */
export function entryEditBody(
  values: EntryFormValues,
  initial: EntryFormValues,
  timeZone: string,
  { allDay = false }: { allDay?: boolean } = {},
): EntryFormResult {
  const errors: EntryFormErrors = {};
  const startMinute = parseClock(values.start);
  const endMinute = parseClock(values.end);
  if (!isLocalDate(values.date)) errors.date = 'Enter a date.';
  if (!isLocalDate(values.endDate)) errors.endDate = 'Enter a date.';
  if (startMinute === null) errors.start = 'Enter a time like 09:30.';
  if (endMinute === null) errors.end = 'Enter a time like 10:30.';
  if (Object.keys(errors).length > 0 || startMinute === null || endMinute === null) {
    return { ok: false, errors };
  }

  const body: EditEntryInput['body'] = {};
  const title = values.title.trim() || null;
  if (title !== (initial.title.trim() || null)) body.title = title;
  const timesChanged = (['date', 'start', 'end', 'endDate'] as const).some(
    (key) => values[key] !== initial[key],
  );
  if (timesChanged) {
    const start = zonedInstant(values.date, startMinute, timeZone);
    const end = zonedInstant(values.endDate, endMinute, timeZone);
    if (end <= start) return { ok: false, errors: { end: 'The end must be after the start.' } };
    body.start = start.toISOString();
    body.end = end.toISOString();
    body.timeZone = timeZone;
    // An all-day entry given times of day becomes a timed one; midnight to midnight stays all day.
    if (allDay && !(startMinute === 0 && endMinute === 0)) body.allDay = false;
  }
  if (Object.keys(body).length === 0) return { ok: true, body: null };

  // The server's own schema: the form sends exactly what the API accepts.
  const parsed = UpdateEntryBodySchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = formField(issue.path[0]);
      errors[field] ??= issueMessage(issue);
    }
    return { ok: false, errors };
  }
  return { ok: true, body };
}

function formField(key: unknown): EntryFormField | 'form' {
  if (key === 'title' || key === 'start' || key === 'end') return key;
  return 'form';
}

/**
 * The server's answer to a refused edit, beside the fields it names ("end: must be after start");
 * what names no field of the form (the zone, say) goes to the form as a whole.
 */
export function entryFormErrorsFromApi(error: unknown): EntryFormErrors {
  const errors: EntryFormErrors = {};
  for (const [key, message] of Object.entries(fieldErrorsFromApi(error) as FieldErrors)) {
    if (!message) continue;
    const field = formField(key.split('.')[0]);
    errors[field] ??= field === 'form' && key ? `${key}: ${message}` : message;
  }
  return errors;
}

/** Where an entry came from, in a few words: "the calendar file “Work”", "a calendar subscription". */
export function sourceLabel(source: EntrySource, calendar: string): string {
  switch (source) {
    case 'ics_file':
      return calendar ? `the calendar file “${calendar}”` : 'a calendar file';
    case 'ics_url':
      return 'a calendar subscription';
    case 'csv':
      return calendar ? `a CSV file (“${calendar}”)` : 'a CSV file';
    case 'api':
      return 'the API';
    default:
      return 'you';
  }
}

/**
 * Why editing an imported entry is safe: the server marks it edited, and later imports of its calendar
 * leave its fields alone (they still update entries nobody touched).
 */
export function editSurvivesHint(source: EntrySource, calendar: string): string | null {
  switch (source) {
    case 'ics_file':
      return `Imported from ${sourceLabel(source, calendar)}. Your changes stay when this calendar is imported again.`;
    case 'csv':
      return `Imported from ${sourceLabel(source, calendar)}. Your changes stay when the same file is imported again.`;
    case 'ics_url':
      return 'From a calendar subscription. Your changes stay when it refreshes.';
    case 'api':
      return 'Sent through the API. Your changes stay when the same entry is sent again.';
    default:
      return null;
  }
}

/**
 * What deleting does, truthfully per source. The server keeps no record of a deletion: an import of the
 * same calendar (a file uploaded again, the subscription's next refresh, the same CSV or API batch)
 * creates the entry anew while the event is still in it. Excluding it, by contrast, sticks.
 */
export function deleteConsequence(source: EntrySource | undefined, calendar: string): string {
  const numbers = 'It leaves your week and your numbers are recalculated.';
  switch (source) {
    case 'manual':
      return `${numbers} This cannot be undone.`;
    case 'ics_file':
      return `${numbers} It was imported from ${sourceLabel(source, calendar)}: importing that calendar again brings it back while the event is still in it. To keep it out of your numbers for good, classify it as Excluded instead.`;
    case 'ics_url':
      return `${numbers} It comes from a calendar subscription: the next refresh brings it back while the event is still in that calendar. To keep it out of your numbers for good, classify it as Excluded instead.`;
    case 'csv':
      return `${numbers} It was imported from ${sourceLabel(source, calendar)}: importing the same file again brings it back. To keep it out of your numbers for good, classify it as Excluded instead.`;
    case 'api':
      return `${numbers} It came in through the API: sending the same entry again brings it back.`;
    default:
      return `${numbers} If it came from an imported calendar, importing that calendar again brings it back.`;
  }
}
