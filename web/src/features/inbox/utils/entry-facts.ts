import {
  attendeesFact,
  durationFact,
  organizerFact,
  recurringFact,
  rsvpFact,
  showAsFact,
  sourceFact,
} from '@tiltmeter/shared/classification/reasons';
import type { EngineEntry, Entry } from '@tiltmeter/shared/entries';

export function toEngineEntry(entry: Entry): EngineEntry {
  return {
    id: entry.id,
    title: entry.title,
    start: new Date(entry.start),
    end: new Date(entry.end),
    timeZone: entry.timeZone,
    allDay: entry.allDay,
    attendees: entry.attendees,
    organizer: entry.organizer,
    rsvp: entry.rsvp,
    showAs: entry.showAs,
    status: entry.status,
    source: entry.source,
    calendar: entry.calendar,
    seriesId: entry.seriesId,
  };
}

export const entryMinutes = (entry: Pick<Entry, 'start' | 'end'>) =>
  Math.max(0, Math.round((Date.parse(entry.end) - Date.parse(entry.start)) / 60_000));

/**
 * What the rules saw, in the engine's own wording: the facts a rule could have matched on. The inbox
 * shows them beside "no rule matched" so the reader can tell which rule is missing.
 */
export function entryFacts(entry: Entry): string[] {
  const facts = [attendeesFact(entry.attendees), recurringFact(entry.seriesId !== null)];
  if (entry.showAs !== 'busy') facts.push(showAsFact(entry.showAs));
  if (entry.rsvp !== 'accepted') facts.push(rsvpFact(entry.rsvp));
  if (entry.attendees > 1) facts.push(organizerFact(entry.organizer));
  facts.push(sourceFact(entry.source));
  return facts;
}

/** "no rule matched", from "unclassified: no rule matched". */
export function reasonText(reason: string): string {
  const text = reason.replace(/^unclassified:\s*/i, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions) {
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat(undefined, options);
  }
}

/** "Tue, 3 Mar 2026" and "10:00 – 11:00", in the entry's own time zone (the one rules read it in). */
export function entryWhen(entry: Entry): { day: string; time: string; duration: string } {
  const start = new Date(entry.start);
  const end = new Date(entry.end);
  const day = formatter(entry.timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(start);
  const clock = formatter(entry.timeZone, { hour: 'numeric', minute: '2-digit' });
  const time = entry.allDay ? 'All day' : `${clock.format(start)} – ${clock.format(end)}`;
  return { day, time, duration: durationFact(entryMinutes(entry)) };
}

export { durationFact };
