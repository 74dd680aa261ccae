/**
 * Entries -> CSV for GET /api/v1/exports/entries.csv. RFC 4180 (CRLF, quotes doubled), and safe to
 * open in a spreadsheet: a cell that starts with = + - @ (or a tab or carriage return) gets a leading
 * apostrophe, so Excel, LibreOffice and Sheets show it as text instead of running it as a formula
 * (OWASP "CSV injection"). Titles and reasons come from other people's calendars, so this matters.
 *
 * The columns are a superset of Tiltmeter's import format: an export can be imported again
 * (parseEntriesCsv reads past the extra columns, takes id as the identity and removes the apostrophe).
 * Instants are written in UTC (ISO 8601 with Z); time_zone says where they happened.
 */
import type { Category, EntrySource, ManagerSubtype, Rsvp, ShowAs } from '@tiltmeter/shared';

export const ENTRY_EXPORT_COLUMNS = [
  'id',
  'title',
  'start',
  'end',
  'time_zone',
  'all_day',
  'attendees',
  'organizer',
  'rsvp',
  'show_as',
  'source',
  'category',
  'subtype',
  'reason',
  'overridden',
] as const;

export interface EntryExportRow {
  id: string;
  title: string | null;
  start: Date;
  end: Date;
  timeZone: string;
  allDay: boolean;
  attendees: number;
  organizer: boolean;
  rsvp: Rsvp;
  showAs: ShowAs;
  source: EntrySource;
  category: Category;
  subtype: ManagerSubtype | null;
  reason: string;
  overridden: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell: guarded against formulas, quoted when it holds a delimiter, quote, line break or edge space. */
export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function csvLine(values: readonly string[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

function rowValues(row: EntryExportRow): string[] {
  return [
    row.id,
    row.title ?? '',
    row.start.toISOString(),
    row.end.toISOString(),
    row.timeZone,
    String(row.allDay),
    String(row.attendees),
    String(row.organizer),
    row.rsvp,
    row.showAs,
    row.source,
    row.category,
    row.subtype ?? '',
    row.reason,
    String(row.overridden),
  ];
}

/** The export line by line (header first), for streaming a large export without building one string. */
export function* entryCsvLines(rows: Iterable<EntryExportRow>): Generator<string> {
  yield csvLine(ENTRY_EXPORT_COLUMNS);
  for (const row of rows) yield csvLine(rowValues(row));
}

/** The whole export as one string. */
export function entriesToCsv(rows: Iterable<EntryExportRow>): string {
  let out = '';
  for (const line of entryCsvLines(rows)) out += line;
  return out;
}
