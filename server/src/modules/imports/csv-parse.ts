/**
 * CSV files -> normalized entries: Tiltmeter's own format and the detailed time-entry exports of Toggl
 * Track and Clockify, recognized by their header row. Pure, like the ICS reader: same text and options,
 * same result, whatever zone the server runs in.
 *
 * Tiltmeter CSV (documented for users; TILTMETER_CSV_HEADERS lists the columns):
 *   title,start,end,time_zone,all_day,attendees,organizer,rsvp,show_as,series_id,external_uid
 * - Only start and end are required; columns may come in any order; header names ignore case.
 * - start/end: an ISO 8601 instant with Z or an offset (2026-03-05T09:00:00Z, 2026-03-05T10:00+01:00),
 *   or a local date-time (2026-03-05T10:00, 2026-03-05 10:00:00) read in time_zone, or a date
 *   (2026-03-05) for all-day rows. For all-day rows, end is the day after the last day, as in iCalendar.
 * - time_zone: an IANA zone; empty means the member's zone.
 * - all_day, organizer: true/false (also 1/0, yes/no); all_day defaults to true when start is a bare
 *   date, organizer to true.
 * - attendees: people invited including the member, 0 when empty. rsvp: accepted (default), tentative,
 *   declined, needs_action. show_as: busy (default), free, tentative, out_of_office.
 * - series_id: ties occurrences of one recurring meeting together; external_uid: stable identity for
 *   re-imports (derived from the row when empty).
 * - The columns the export adds (id, source, category, subtype, reason, overridden) are accepted and
 *   ignored, so an export can be imported again; its id becomes the identity. Any other column is an
 *   error, so that a misspelt column is not silently dropped.
 *
 * Toggl Track and Clockify rows are solo tracked work: no attendees, organized and accepted by the
 * member, busy. Their dates and times are local to the exporting account, read in the member's zone.
 * Clockify writes dates as the account prefers (MM/DD/YYYY by default, or DD/MM/YYYY, DD.MM.YYYY,
 * YYYY-MM-DD) and times in 24 h or 12 h with AM/PM; a file's slash dates are read as month-first
 * unless a day above 12 shows they are day-first (or options.dateOrder says so).
 *
 * Error policy: one bad row refuses the whole file (an import is atomic); CsvParseError carries the
 * line and column of the first problem and lists up to 20 problems in `issues`. Rows of other people
 * in a team export (Email column not one of memberEmails) are skipped and listed.
 */
import { createHash } from 'node:crypto';
import { MAX_ENTRY_DAYS, RSVPS, type Rsvp, SHOW_AS, type ShowAs } from '@tiltmeter/shared';
import { parse as parseCsv } from 'csv-parse/sync';
import { type ParsedEntry, zonedLocalToInstant } from './ics-parse.ts';
import { ianaZone } from './windows-zones.ts';

/** Columns of Tiltmeter's own CSV format, in the order the template and the docs show them. */
export const TILTMETER_CSV_HEADERS = [
  'title',
  'start',
  'end',
  'time_zone',
  'all_day',
  'attendees',
  'organizer',
  'rsvp',
  'show_as',
  'series_id',
  'external_uid',
] as const;

/** Columns of the entries export that an import reads past (id is used as the identity). */
export const TILTMETER_EXPORT_ONLY_HEADERS = [
  'id',
  'source',
  'category',
  'subtype',
  'reason',
  'overridden',
] as const;

export type CsvFormat = 'tiltmeter' | 'toggl' | 'clockify';

export interface CsvParseOptions {
  /** IANA zone for local date-times (tracker exports, Tiltmeter rows without time_zone). */
  timeZone: string;
  /** When given, tracker rows whose Email is another address are skipped (team exports). */
  memberEmails?: readonly string[];
  /** How to read 03/04/2026 when the file itself does not tell; default month first (Clockify's default). */
  dateOrder?: 'mdy' | 'dmy';
}

export interface CsvIssue {
  line: number;
  /** The column, as named in the header. */
  field: string | null;
  message: string;
}

export interface CsvParseResult {
  format: CsvFormat;
  entries: ParsedEntry[];
  /** Rows left out on purpose (another person's rows in a team export). */
  skipped: { line: number; reason: string }[];
}

export class CsvParseError extends Error {
  override readonly name = 'CsvParseError';
  readonly line: number | null;
  readonly field: string | null;
  readonly issues: readonly CsvIssue[];

  constructor(message: string, line: number | null, field: string | null, issues: readonly CsvIssue[] = []) {
    super(message);
    this.line = line;
    this.field = field;
    this.issues = issues;
  }
}

const MAX_ISSUES = 20;

/** A problem with one cell, collected so that the file reports many at once. */
class CellError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function cellError(field: string, message: string): never {
  throw new CellError(field, message);
}

/** The entries API's ceiling: a row of months or centuries is a typo, not time anyone tracked. */
function checkLength(entry: { start: Date; end: Date }): void {
  if (entry.end.getTime() - entry.start.getTime() > MAX_ENTRY_DAYS * 86_400_000) {
    cellError('end', `makes the entry last more than ${MAX_ENTRY_DAYS} days`);
  }
}

interface Row {
  line: number;
  cells: Map<string, string>;
}

// ---------------------------------------------------------------------------------------------------
// Reading the grammar
// ---------------------------------------------------------------------------------------------------

/** The delimiter of the header line: a comma unless semicolons or tabs clearly are (Excel in many locales). */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const outsideQuotes = header.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, outsideQuotes.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

/** What csv-parse returns per record with `info` and `raw` on (its types only describe plain rows). */
interface RecordWithInfo {
  record: string[];
  info: { lines: number };
  raw: string;
}

function readRecords(text: string): { header: string[]; rows: Row[] } {
  let records: RecordWithInfo[];
  try {
    records = parseCsv(text, {
      bom: true,
      delimiter: delimiterOf(text.replace(/^\uFEFF/, '')),
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as RecordWithInfo[];
  } catch (error) {
    const line =
      typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : null;
    const message = error instanceof Error ? error.message : String(error);
    throw new CsvParseError(`The file is not valid CSV: ${message}.`, line, null);
  }
  const [first, ...rest] = records;
  if (!first) throw new CsvParseError('The file is empty.', null, null);
  const header = first.record.map((name) => name.trim());
  const rows = rest.map(({ record, info, raw }) => {
    // info.lines is the line the record ends on; a quoted cell may span several lines.
    const inner = raw.replace(/^[\r\n]+|[\r\n]+$/g, '');
    const line = info.lines - (inner.match(/\n/g)?.length ?? 0);
    return { line, cells: new Map(header.map((name, i) => [name.toLowerCase(), record[i] ?? ''])) };
  });
  return { header, rows };
}

// ---------------------------------------------------------------------------------------------------
// Formats
// ---------------------------------------------------------------------------------------------------

function detectFormat(header: readonly string[]): CsvFormat {
  const names = new Set(header.map((name) => name.toLowerCase()));
  const has = (...wanted: string[]) => wanted.every((name) => names.has(name));
  if (has('start', 'end')) return 'tiltmeter';
  if (has('start date', 'start time') && (names.has('duration (h)') || names.has('duration (decimal)')))
    return 'clockify';
  if (has('start date', 'start time') && (has('end date', 'end time') || names.has('duration')))
    return 'toggl';
  throw new CsvParseError(
    `Line 1: the columns (${header.join(', ')}) are not a format Tiltmeter reads. Expected Tiltmeter's ` +
      `(${TILTMETER_CSV_HEADERS.join(',')}), a Toggl Track or a Clockify detailed export.`,
    1,
    null,
  );
}

const BOOLEANS: Record<string, boolean> = {
  true: true,
  false: false,
  '1': true,
  '0': false,
  yes: true,
  no: false,
};

function readBoolean(field: string, raw: string, fallback: boolean): boolean {
  const value = raw.trim().toLowerCase();
  if (value === '') return fallback;
  const parsed = BOOLEANS[value];
  if (parsed === undefined) cellError(field, `"${raw}" is not true or false`);
  return parsed;
}

function readEnum<T extends string>(field: string, raw: string, allowed: readonly T[], fallback: T): T {
  const value = raw.trim().toLowerCase().replace(/-/g, '_');
  if (value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    cellError(field, `"${raw}" is not one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Undoes the export's formula guard: a leading ' before = + - @ tab or CR was added by the export. */
function unguard(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function validLocal(fields: LocalDateTime): boolean {
  const { year, month, day, hour, minute, second } = fields;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  return hour <= 23 && minute <= 59 && second <= 59;
}

const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A Tiltmeter start/end cell: an instant, or a local date-time or date read in `timeZone`. */
function readMoment(field: string, raw: string, timeZone: string): { date: Date; dateOnly: boolean } {
  const value = raw.trim();
  if (value === '') cellError(field, 'is empty');
  const instant = INSTANT_RE.exec(value);
  if (instant) {
    const [, y, mo, d, h, mi, s] = instant;
    const fields = {
      year: +(y ?? 0),
      month: +(mo ?? 0),
      day: +(d ?? 0),
      hour: +(h ?? 0),
      minute: +(mi ?? 0),
      second: +(s ?? 0),
    };
    const date = new Date(value);
    if (!validLocal(fields) || Number.isNaN(date.getTime()))
      cellError(field, `"${raw}" is not a valid date and time`);
    return { date, dateOnly: false };
  }
  const local = LOCAL_RE.exec(value);
  if (!local) {
    cellError(
      field,
      `"${raw}" is not an ISO date-time (2026-03-05T09:00:00Z, 2026-03-05T10:00 or 2026-03-05)`,
    );
  }
  const [, y, mo, d, h, mi, s] = local;
  const fields = {
    year: +(y ?? 0),
    month: +(mo ?? 0),
    day: +(d ?? 0),
    hour: +(h ?? 0),
    minute: +(mi ?? 0),
    second: +(s ?? 0),
  };
  if (!validLocal(fields)) cellError(field, `"${raw}" is not a valid date and time`);
  return { date: zonedLocalToInstant(fields, timeZone), dateOnly: h === undefined };
}

function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

function tiltmeterRow(
  row: Row,
  options: CsvParseOptions,
): Omit<ParsedEntry, 'externalUid'> & { uid: string | null } {
  const cell = (name: string) => row.cells.get(name) ?? '';
  const zoneText = cell('time_zone').trim();
  if (zoneText !== '' && !ianaZone(zoneText))
    cellError('time_zone', `"${zoneText}" is not an IANA time zone`);
  const timeZone = zoneText === '' ? options.timeZone : zoneText;
  const start = readMoment('start', cell('start'), timeZone);
  const end = readMoment('end', cell('end'), timeZone);
  if (end.date < start.date) cellError('end', 'is before start');
  const attendeesText = cell('attendees').trim();
  if (attendeesText !== '' && !/^\d{1,6}$/.test(attendeesText)) {
    cellError('attendees', `"${attendeesText}" is not a whole number of people`);
  }
  const title = unguard(cell('title')).trim();
  const uid = cell('external_uid').trim() || (cell('id').trim() ? `tiltmeter-${cell('id').trim()}` : null);
  return {
    uid,
    seriesId: cell('series_id').trim() || null,
    title: title === '' ? null : title,
    start: start.date,
    end: end.date,
    timeZone,
    allDay: readBoolean('all_day', cell('all_day'), start.dateOnly),
    attendees: attendeesText === '' ? 0 : Number(attendeesText),
    organizer: readBoolean('organizer', cell('organizer'), true),
    rsvp: readEnum<Rsvp>('rsvp', cell('rsvp'), RSVPS, 'accepted'),
    showAs: readEnum<ShowAs>('show_as', cell('show_as'), SHOW_AS, 'busy'),
    status: 'confirmed',
    lineNumber: row.line,
  };
}

interface TrackerColumns {
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  duration: string;
  decimalDuration: string | null;
}

const TRACKER_COLUMNS: Record<'toggl' | 'clockify', TrackerColumns> = {
  toggl: {
    startDate: 'start date',
    startTime: 'start time',
    endDate: 'end date',
    endTime: 'end time',
    duration: 'duration',
    decimalDuration: null,
  },
  clockify: {
    startDate: 'start date',
    startTime: 'start time',
    endDate: 'end date',
    endTime: 'end time',
    duration: 'duration (h)',
    decimalDuration: 'duration (decimal)',
  },
};

const SLASH_DATE_RE = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/;

/** Month-first or day-first for the file's slash dates: a part above 12 decides, else the option. */
function slashDateOrder(
  rows: readonly Row[],
  columns: TrackerColumns,
  options: CsvParseOptions,
): 'mdy' | 'dmy' {
  let dayFirst = false;
  let monthFirst = false;
  for (const row of rows) {
    for (const name of [columns.startDate, columns.endDate]) {
      const match = SLASH_DATE_RE.exec((row.cells.get(name) ?? '').trim());
      if (!match) continue;
      if (Number(match[1]) > 12) dayFirst = true;
      if (Number(match[2]) > 12) monthFirst = true;
    }
  }
  if (dayFirst && monthFirst) {
    throw new CsvParseError(
      'The dates mix month-first (MM/DD/YYYY) and day-first (DD/MM/YYYY) forms; export them in one form.',
      null,
      null,
    );
  }
  if (dayFirst) return 'dmy';
  if (monthFirst) return 'mdy';
  return options.dateOrder ?? 'mdy';
}

function readTrackerDate(
  field: string,
  raw: string,
  order: 'mdy' | 'dmy',
): { year: number; month: number; day: number } {
  const value = raw.trim();
  let parts: [number, number, number] | null = null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const slash = SLASH_DATE_RE.exec(value);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dotted) parts = [Number(dotted[3]), Number(dotted[2]), Number(dotted[1])];
  else if (slash) {
    const [a, b] = [Number(slash[1]), Number(slash[2])];
    parts = order === 'mdy' ? [Number(slash[3]), a, b] : [Number(slash[3]), b, a];
  }
  if (!parts) cellError(field, `"${raw}" is not a date (YYYY-MM-DD, MM/DD/YYYY, DD/MM/YYYY or DD.MM.YYYY)`);
  const [year, month, day] = parts;
  if (!validLocal({ year, month, day, hour: 0, minute: 0, second: 0 }))
    cellError(field, `"${raw}" is not a valid date`);
  return { year, month, day };
}

function readTrackerTime(field: string, raw: string): { hour: number; minute: number; second: number } {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?$/.exec(raw.trim());
  if (!match) cellError(field, `"${raw}" is not a time (14:30, 14:30:00 or 2:30:00 PM)`);
  const [, h, m, s, meridiem] = match;
  let hour = Number(h);
  const minute = Number(m);
  const second = Number(s ?? 0);
  if (meridiem) {
    if (hour < 1 || hour > 12) cellError(field, `"${raw}" is not a valid 12-hour time`);
    const pm = meridiem[0]?.toLowerCase() === 'p';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) cellError(field, `"${raw}" is not a valid time`);
  return { hour, minute, second };
}

/** "01:30:00" or "1:30" (hours may exceed 24), or decimal hours "1.50"; in ms. */
function readDuration(field: string, raw: string): number {
  const value = raw.trim();
  const clock = /^(\d{1,5}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (clock) return ((Number(clock[1]) * 60 + Number(clock[2])) * 60 + Number(clock[3] ?? 0)) * 1000;
  const decimal = /^\d{1,5}(?:[.,]\d+)?$/.exec(value);
  if (decimal) return Math.round(Number(value.replace(',', '.')) * 3_600_000);
  return cellError(field, `"${raw}" is not a duration (01:30:00 or 1.5)`);
}

interface TrackerRow extends Omit<ParsedEntry, 'externalUid'> {
  identity: string;
  email: string;
}

function trackerRow(
  row: Row,
  format: 'toggl' | 'clockify',
  header: readonly string[],
  order: 'mdy' | 'dmy',
  options: CsvParseOptions,
): TrackerRow {
  const columns = TRACKER_COLUMNS[format];
  const named = new Map(header.map((name) => [name.toLowerCase(), name]));
  const label = (key: string) => named.get(key) ?? key;
  const cell = (key: string) => (row.cells.get(key) ?? '').trim();

  const startDate = readTrackerDate(label(columns.startDate), cell(columns.startDate), order);
  const startTime = readTrackerTime(label(columns.startTime), cell(columns.startTime));
  const start = zonedLocalToInstant({ ...startDate, ...startTime }, options.timeZone);
  let end: Date;
  if (cell(columns.endTime) !== '') {
    const endDate =
      cell(columns.endDate) === ''
        ? startDate
        : readTrackerDate(label(columns.endDate), cell(columns.endDate), order);
    const endTime = readTrackerTime(label(columns.endTime), cell(columns.endTime));
    end = zonedLocalToInstant({ ...endDate, ...endTime }, options.timeZone);
    if (end < start) cellError(label(columns.endTime), 'is before the start');
  } else {
    const durationKey = cell(columns.duration) !== '' ? columns.duration : columns.decimalDuration;
    if (!durationKey || cell(durationKey) === '') {
      cellError(label(columns.endTime), 'is empty and there is no duration to compute it from');
    }
    end = new Date(start.getTime() + readDuration(label(durationKey), cell(durationKey)));
  }

  const description = cell('description');
  const project = cell('project');
  const task = cell('task');
  const title = description || project || task || cell('client') || null;
  const email = cell('email').toLowerCase();
  return {
    identity: digest(format, email, start.toISOString(), end.toISOString(), description, project, task),
    email,
    seriesId: null,
    title,
    start,
    end,
    timeZone: options.timeZone,
    allDay: false,
    attendees: 0,
    organizer: true,
    rsvp: 'accepted',
    showAs: 'busy',
    status: 'confirmed',
    lineNumber: row.line,
  };
}

function checkTiltmeterHeader(header: readonly string[]): void {
  const known = new Set<string>([...TILTMETER_CSV_HEADERS, ...TILTMETER_EXPORT_ONLY_HEADERS]);
  const seen = new Set<string>();
  for (const name of header) {
    const lower = name.toLowerCase();
    if (!known.has(lower)) {
      throw new CsvParseError(
        `Line 1: "${name}" is not a Tiltmeter column (expected ${TILTMETER_CSV_HEADERS.join(', ')}).`,
        1,
        name,
      );
    }
    if (seen.has(lower)) throw new CsvParseError(`Line 1: the column "${name}" appears twice.`, 1, name);
    seen.add(lower);
  }
}

/**
 * Reads a CSV of entries in one of the supported formats (see the top of this file). Throws
 * CsvParseError for any problem; never anything else for any text.
 */
export function parseEntriesCsv(text: string, options: CsvParseOptions): CsvParseResult {
  if (!ianaZone(options.timeZone)) {
    throw new TypeError(`parseEntriesCsv: timeZone "${options.timeZone}" is not an IANA time zone`);
  }
  try {
    return parseUnchecked(text, options);
  } catch (error) {
    if (error instanceof CsvParseError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new CsvParseError(
      `The CSV could not be read because of an unexpected problem (${message}).`,
      null,
      null,
    );
  }
}

function parseUnchecked(text: string, options: CsvParseOptions): CsvParseResult {
  const { header, rows } = readRecords(text);
  const format = detectFormat(header);
  if (format === 'tiltmeter') checkTiltmeterHeader(header);
  const members = new Set((options.memberEmails ?? []).map((email) => email.trim().toLowerCase()));
  const order = format === 'tiltmeter' ? 'mdy' : slashDateOrder(rows, TRACKER_COLUMNS[format], options);

  const issues: CsvIssue[] = [];
  const entries: ParsedEntry[] = [];
  const skipped: CsvParseResult['skipped'] = [];
  const uses = new Map<string, number>();
  // Identical rows (a time entry exported twice) stay two entries with distinct, stable identities.
  const unique = (uid: string) => {
    const count = (uses.get(uid) ?? 0) + 1;
    uses.set(uid, count);
    return count === 1 ? uid : `${uid}#${count}`;
  };

  for (const row of rows) {
    try {
      if (format === 'tiltmeter') {
        const { uid, ...entry } = tiltmeterRow(row, options);
        checkLength(entry);
        const derived = `csv-${digest(entry.start.toISOString(), entry.end.toISOString(), entry.title ?? '')}`;
        entries.push({ externalUid: unique(uid ?? derived), ...entry });
      } else {
        const { identity, email, ...entry } = trackerRow(row, format, header, order, options);
        checkLength(entry);
        if (members.size > 0 && email !== '' && !members.has(email)) {
          skipped.push({ line: row.line, reason: `the row belongs to ${email}` });
          continue;
        }
        entries.push({ externalUid: unique(`${format}-${identity}`), ...entry });
      }
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      issues.push({ line: row.line, field: error.field, message: error.message });
      if (issues.length >= MAX_ISSUES) break;
    }
  }

  const first = issues[0];
  if (first) {
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    throw new CsvParseError(
      `Line ${first.line}, column "${first.field}": ${first.message}${more}.`,
      first.line,
      first.field,
      issues,
    );
  }
  return { format, entries, skipped };
}
