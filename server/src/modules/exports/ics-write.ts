/**
 * Classified entries -> an iCalendar feed (RFC 5545) a member can subscribe to: each entry becomes a
 * VEVENT whose SUMMARY starts with its category ("[maker] Focus time", "[manager: 1:1] Ana / Ben") and
 * whose DESCRIPTION is the reason the rules gave.
 *
 * Choices, and why:
 * - Timed entries are written in UTC (no VTIMEZONE needed, every client reads them the same way);
 *   all-day entries as DATE values in the entry's own zone, so they show as all-day, not as a
 *   midnight-to-midnight block that shifts in other zones.
 * - TRANSP:TRANSPARENT: the feed mirrors events that already block the member's calendar; a subscribed
 *   copy must not make them look busy twice.
 * - DTSTAMP comes from the entry (updatedAt, else its start), never from a clock: the same entries
 *   give the same bytes, so the feed can be cached and compared.
 * - Lines are folded at 75 octets of UTF-8 without splitting a character; TEXT values are escaped.
 */
import type { Category, ManagerSubtype } from '@tiltmeter/shared';

export interface IcsFeedEntry {
  id: string;
  title: string | null;
  start: Date;
  end: Date;
  /** IANA zone of the entry; used for the dates of all-day entries. */
  timeZone: string;
  allDay: boolean;
  category: Category;
  subtype: ManagerSubtype | null;
  reason: string;
  updatedAt?: Date;
}

const SUBTYPE_LABELS: Record<ManagerSubtype, string> = {
  one_on_one: '1:1',
  team_sync: 'team sync',
  review: 'review',
  hiring: 'hiring',
  external: 'external',
  coordination: 'coordination',
};

/** RFC 5545 3.3.11: backslash, semicolon and comma are escaped, line breaks become \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * RFC 5545 3.1: lines longer than 75 octets are split, each continuation starting with one space
 * (which counts towards its 75). Splits fall between characters, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return `${line}\r\n`;
  let out = '';
  let current = '';
  let size = 0;
  let limit = 75;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > limit) {
      out += `${current}\r\n `;
      current = '';
      size = 0;
      limit = 74;
    }
    current += char;
    size += bytes;
  }
  return `${out}${current}\r\n`;
}

function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** YYYYMMDD of an instant in a zone (UTC when the zone is unknown to the runtime). */
function localDate(date: Date, timeZone: string): string {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      formatter = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'UTC',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    }
    dateFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}${parts.month}${parts.day}`;
}

/** "[maker] Focus time", "[manager: 1:1] Weekly", "[neutral]" for an entry whose title is hidden. */
export function feedSummary(entry: Pick<IcsFeedEntry, 'title' | 'category' | 'subtype'>): string {
  const tag = entry.subtype ? `${entry.category}: ${SUBTYPE_LABELS[entry.subtype]}` : entry.category;
  const title = entry.title?.trim();
  return title ? `[${tag}] ${title}` : `[${tag}]`;
}

function eventLines(entry: IcsFeedEntry): string[] {
  const times = entry.allDay
    ? [
        `DTSTART;VALUE=DATE:${localDate(entry.start, entry.timeZone)}`,
        `DTEND;VALUE=DATE:${localDate(entry.end, entry.timeZone)}`,
      ]
    : [`DTSTART:${utcStamp(entry.start)}`, `DTEND:${utcStamp(entry.end)}`];
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(entry.id)}@tiltmeter`,
    `DTSTAMP:${utcStamp(entry.updatedAt ?? entry.start)}`,
    ...times,
    `SUMMARY:${escapeText(feedSummary(entry))}`,
    ...(entry.reason.trim() ? [`DESCRIPTION:${escapeText(entry.reason)}`] : []),
    `CATEGORIES:${[entry.category, ...(entry.subtype ? [entry.subtype] : [])].map(escapeText).join(',')}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** The feed as one iCalendar text (CRLF line endings). */
export function entriesToIcs(calendarName: string, entries: Iterable<IcsFeedEntry>): string {
  const name = escapeText(calendarName);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tiltmeter//Classified entries//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${name}`,
    `NAME:${name}`,
    // Subscribing clients re-read the feed hourly (Apple and Google honour one of the two).
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  for (const entry of entries) lines.push(...eventLines(entry));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('');
}
