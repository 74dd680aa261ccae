/**
 * iCalendar (RFC 5545) files -> normalized entries. Pure: no clock, no I/O; the same text and options
 * always give the same result, whatever time zone the process runs in.
 *
 * Why not node-ical's parseICS (the toolchain pick): checked on 0.26.1, it keeps only the last
 * VCALENDAR of a file, reads floating times and DATE values in the server's own time zone, ignores
 * RDATE, gives no line numbers, and writes warnings to the console. So this module reads the text
 * itself (content lines, folding, components, parameters, values, VTIMEZONE) and uses rrule-temporal,
 * the recurrence engine node-ical is built on, only to enumerate RRULE dates (plain DAILY and WEEKLY
 * rules, most of any calendar, are enumerated here with the same results; see SimpleRule). Recurrence
 * is expanded in wall-clock time (the rule runs in UTC on the local date-times) and every occurrence is
 * then placed in its zone: a weekly 10:00 Europe/Berlin meeting stays at 10:00 local across a DST
 * change, and floating times follow the member's zone. A large export is read in two passes over its
 * bytes (see eventLines), so its events never sit in memory as parsed lines.
 *
 * Error policy (one rule: refuse the file when its structure cannot be trusted, skip one event when
 * only that event is damaged):
 * - IcsParseError (the whole file is refused, with the line when known): empty input; the first line
 *   is not BEGIN:VCALENDAR (not an iCalendar file: HTML, vCard, a bare VEVENT); BEGIN/END that do not
 *   pair up (END without BEGIN, END:X closing BEGIN:Y, a component still open at the end of the file,
 *   i.e. a truncated download); an invalid component name; a nested VCALENDAR; a component outside any
 *   VCALENDAR; a line that is not a content line at calendar level or inside a VTIMEZONE (it may carry
 *   data every event depends on). Any unexpected failure is also reported as an IcsParseError.
 * - Skipped event (listed with its UID, title, line and a reason; the rest of the file is imported):
 *   a line that is not a content line inside that event; no DTSTART or more than one; a DTSTART, DTEND,
 *   DURATION, RRULE, EXRULE, RDATE, EXDATE or RECURRENCE-ID value that cannot be read; DTSTART and
 *   DTEND of different types; an end before the start; a time zone that is neither an IANA or Windows
 *   name nor defined by a VTIMEZONE in the file; an RRULE out of the RFC's ranges, repeating more often
 *   than hourly, in a non-Gregorian RSCALE, or producing more dates than can be enumerated; an event
 *   (or RDATE period) lasting more than MAX_ENTRY_DAYS (31 days, the entries API's ceiling); a cancelled
 *   event (STATUS:CANCELLED or METHOD:CANCEL) or cancelled instance in the window; an older version of
 *   an event or instance whose UID appears twice (highest SEQUENCE, then DTSTAMP, then the later one
 *   wins). A master that is skipped takes its instance overrides with it; a bad override is skipped
 *   alone. A series cut at maxOccurrencesPerSeries is also listed, with its entries kept.
 * - Tolerated silently: blank lines, unknown properties and components, lines after END:VCALENDAR,
 *   empty EXDATE or RDATE values (they name no date), a missing UID (a stable one is derived from the
 *   event's times, title, description and rule so re-imports still match), VTODO/VJOURNAL/VFREEBUSY
 *   (not imported), an override without its master (imported as that one instance), RANGE=THISANDFUTURE
 *   (read as an override of one instance).
 *
 * Options are the caller's responsibility: invalid options throw a TypeError, not an IcsParseError,
 * because they are a programming error and not a problem with the uploaded file.
 */
import { createHash } from 'node:crypto';
import { type EntryFacts, MAX_ENTRY_DAYS, type Rsvp, type ShowAs } from '@tiltmeter/shared';
import { RRuleTemporal } from 'rrule-temporal';
import { zoneOffset } from '../../engine/time.ts';
import {
  etcZoneForOffset,
  fixedOffsetMinutes,
  ianaZone,
  resolveZoneName,
  WINDOWS_ZONE_IDS,
} from './windows-zones.ts';

/**
 * One entry as the importers hand it to the import service (the service adds source and calendar).
 * From a calendar: `attendees` counts people invited including the organizer and the member (rooms
 * and resources are not people); `organizer` is true when the member organized it, or when it lists
 * neither organizer nor attendees (the member's own block); the zone is the member's for floating,
 * UTC and all-day times.
 */
export interface ParsedEntry extends EntryFacts {
  /** Stable per occurrence: the UID for single events, `UID/original start` for recurrence instances. */
  externalUid: string;
  /** Line of the VEVENT (or CSV row) the entry came from. */
  lineNumber?: number;
}

export interface SkippedEvent {
  uid: string;
  summary?: string;
  reason: string;
  line?: number;
}

export interface IcsParseOptions {
  /** Addresses that identify the member as organizer or attendee (compared case-insensitively). */
  memberEmails: readonly string[];
  /** IANA zone for floating times and all-day dates. */
  memberTimeZone: string;
  /** Entries overlapping [from, to) are returned; recurring events are expanded over it. */
  window: { from: Date; to: Date };
  /** At most this many occurrences of one series are returned (the earliest ones). */
  maxOccurrencesPerSeries: number;
}

export interface IcsParseResult {
  /** X-WR-CALNAME (or RFC 7986 NAME) of the first calendar that has one. */
  calendarName: string | null;
  entries: ParsedEntry[];
  skipped: SkippedEvent[];
}

export class IcsParseError extends Error {
  override readonly name = 'IcsParseError';
  /** 1-based physical line of the problem, null when it is not tied to a line. */
  readonly line: number | null;

  constructor(message: string, line: number | null = null) {
    super(message);
    this.line = line;
  }
}

const SECOND_MS = 1000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Largest distance between a wall-clock time and its instant (UTC-12 .. UTC+14). */
const MAX_OFFSET_MS = 15 * HOUR_MS;
/**
 * Upper bound of rrule-temporal iterations for one expansion step. Its slow path can spend about a
 * millisecond per iteration on a rule that rarely matches, so the usual budget is derived from the
 * per-series cap and only COUNT rules (counted from DTSTART) may go up to this.
 */
const MAX_RULE_ITERATIONS = 50_000;

// ---------------------------------------------------------------------------------------------------
// Reading: physical lines -> content lines -> components
// ---------------------------------------------------------------------------------------------------

/**
 * The file is read as UTF-8 bytes: the upload's own buffer when it comes from a request, so a 50 MB
 * calendar is in memory once and not also as a string. Everything structural (line breaks, names,
 * ";", ":", quotes) is ASCII, which UTF-8 never uses inside a multi-byte character, so lines are found
 * in the bytes; only what is kept is decoded, each physical line on its own (as decoding the whole
 * file and cutting it up would give).
 */
type Bytes = Buffer;

/** Buffer's own decoder, without toString's argument handling (a large file decodes a million pieces). */
type Slicing = { utf8Slice(from: number, to: number): string; latin1Slice(from: number, to: number): string };

function decode(bytes: Bytes, from: number, to: number): string {
  return (bytes as unknown as Slicing).utf8Slice(from, to);
}

interface ContentLine {
  /** Upper-cased property name. */
  name: string;
  value: string;
  line: number;
  /** The line's bytes (unfolded), where it starts and where its parameters end (the colon). */
  bytes: Bytes;
  start: number;
  colon: number;
}

interface Component {
  name: string;
  line: number;
  props: ContentLine[];
  children: Component[];
  /** First line inside this event that is not a content line (events only). */
  invalidLine?: number | undefined;
  /**
   * A top-level event keeps only what identifies it after the first pass (see keepIdentity), and
   * where its text is: the rest is read again from there when it is processed (see eventLines).
   */
  source?: { bytes: Bytes; start: number; end: number } | undefined;
  /** A top-level event's first UID value and its first SEQUENCE and DTSTAMP as compared (see keepIdentity). */
  uid: string | undefined;
  sequence: number | undefined;
  stamp: number | undefined;
  /** The lines of a top-level event while it is being processed (see eventLines). */
  lines?: EventLines | undefined;
}

/** True when bytes[from, to) decode to nothing or white space only, as String.prototype.trim sees it. */
function isBlank(bytes: Bytes, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = bytes[i] as number;
    if (code === 32 || (code >= 9 && code <= 13)) continue;
    // Beyond ASCII: Unicode spaces (U+00A0, U+2000...) count as blank too.
    if (code >= 128) return decode(bytes, from, to).trim() === '';
    return false;
  }
  return true;
}

/**
 * Unfolds lines (CRLF, LF or CR endings; folds start with a space or tab) and drops blank lines, one
 * logical line at a time and without copying it: a 50 MB file is a million lines, most of which are
 * only checked for being content lines. The current line is described by offsets into the bytes;
 * {@link LineReader.content} gives its unfolded text when it is needed.
 */
class LineReader {
  /** Physical line number of the current logical line's first physical line. */
  line = 0;
  /** Where the current logical line starts, where its first physical line ends, and its last. */
  start = 0;
  firstEnd = 0;
  end = 0;
  /** True when physical lines continue the first one. */
  folded = false;

  private position: number;
  private physical: number;
  /** The next non-blank physical line, once read ahead. */
  private ahead = false;
  private aheadLine = 0;
  private aheadStart = 0;
  private aheadEnd = 0;

  constructor(
    readonly bytes: Bytes,
    from: number,
    private readonly limit: number,
    firstLine: number,
  ) {
    const bom = from === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    this.position = bom ? 3 : from;
    this.physical = firstLine - 1;
  }

  /** Moves to the next logical line; false at the end. */
  next(): boolean {
    if (!this.ahead && !this.readPhysical()) return false;
    this.line = this.aheadLine;
    this.start = this.aheadStart;
    this.firstEnd = this.aheadEnd;
    this.end = this.aheadEnd;
    this.folded = false;
    this.ahead = false;
    while (this.readPhysical()) {
      const first = this.bytes[this.aheadStart];
      if (first === 32 || first === 9) {
        this.end = this.aheadEnd;
        this.folded = true;
        continue;
      }
      this.ahead = true;
      break;
    }
    return true;
  }

  /** The unfolded text of the current logical line. */
  content(): string {
    return this.folded
      ? unfold(this.bytes, this.start, this.firstEnd, this.end)
      : decode(this.bytes, this.start, this.end);
  }

  /** The current logical line, unfolded, as a content line (or null when it is not one). */
  contentLine(): ContentLine | null {
    if (!this.folded) return parseContentLine(this.bytes, this.start, this.end, this.line);
    const unfolded = unfoldBytes(this.bytes, this.start, this.firstEnd, this.end);
    return parseContentLine(unfolded, 0, unfolded.length, this.line);
  }

  /** Reads the next non-blank physical line into `ahead*`; false at the end of the range. */
  private readPhysical(): boolean {
    const bytes = this.bytes;
    while (this.position <= this.limit) {
      const start = this.position;
      const end = physicalEnd(bytes, start, this.limit);
      this.physical++;
      this.position = afterBreak(bytes, end);
      // Dropping blank lines before unfolding also joins "NAME<blank line> :value", which some old
      // Mozilla exports contain.
      if (isBlank(bytes, start, end)) continue;
      this.aheadLine = this.physical;
      this.aheadStart = start;
      this.aheadEnd = end;
      return true;
    }
    return false;
  }
}

/** Where the physical line starting at `from` ends: at CR or LF, or at `limit`. */
function physicalEnd(bytes: Bytes, from: number, limit: number): number {
  let end = from;
  while (end < limit) {
    const code = bytes[end];
    if (code === 10 || code === 13) break;
    end++;
  }
  return end;
}

/** The start of the line after a line ending at `end` (CRLF counts as one break). */
function afterBreak(bytes: Bytes, end: number): number {
  return end + (bytes[end] === 13 && bytes[end + 1] === 10 ? 2 : 1);
}

/**
 * The unfolded text of a logical line whose first physical line is bytes[start, firstEnd) and whose
 * last one ends at `end`: the continuations without their leading space or tab, blank lines dropped.
 */
function unfold(bytes: Bytes, start: number, firstEnd: number, end: number): string {
  let unfolded = decode(bytes, start, firstEnd);
  let position = afterBreak(bytes, firstEnd);
  while (position < end) {
    const lineEnd = physicalEnd(bytes, position, end);
    if (!isBlank(bytes, position, lineEnd)) unfolded += decode(bytes, position + 1, lineEnd);
    position = afterBreak(bytes, lineEnd);
  }
  return unfolded;
}

/**
 * The bytes of an unfolded line (see unfold). Joined as bytes when every fold falls between ASCII
 * bytes, where that decodes exactly as decoding the pieces apart; otherwise (a producer that folded
 * inside a multi-byte character) the pieces are decoded apart, as the whole file's text would be.
 */
function unfoldBytes(bytes: Bytes, start: number, firstEnd: number, end: number): Bytes {
  const pieces: number[] = [start, firstEnd];
  let length = firstEnd - start;
  let position = afterBreak(bytes, firstEnd);
  while (position < end) {
    const lineEnd = physicalEnd(bytes, position, end);
    if (!isBlank(bytes, position, lineEnd)) {
      pieces.push(position + 1, lineEnd);
      length += lineEnd - position - 1;
    }
    position = afterBreak(bytes, lineEnd);
  }
  for (let i = 2; i < pieces.length; i += 2) {
    const joinBefore = bytes[(pieces[i - 1] as number) - 1];
    const joinAfter = bytes[pieces[i] as number];
    if ((joinBefore !== undefined && joinBefore >= 128) || (joinAfter !== undefined && joinAfter >= 128)) {
      return Buffer.from(unfold(bytes, start, firstEnd, end));
    }
  }
  const joined = Buffer.allocUnsafe(length);
  let at = 0;
  for (let i = 0; i < pieces.length; i += 2) {
    at += bytes.copy(joined, at, pieces[i] as number, pieces[i + 1] as number);
  }
  return joined;
}

/** A-Z a-z 0-9 _ - (names of properties and parameters). */
const NAME_CHARS = new Uint8Array(256);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-') {
  NAME_CHARS[char.charCodeAt(0)] = 1;
}

function isNameChar(code: number | undefined): boolean {
  return code !== undefined && NAME_CHARS[code] === 1;
}

/** colonOf: the line is not a content line. */
const INVALID = -1;
/** colonOf: the range ended before it could tell (a folded line must be unfolded first). */
const RAN_OUT = -2;

/**
 * Where the colon before the value of a content line ("name *(;param) : value") in bytes[from, to)
 * is, or INVALID, or RAN_OUT when `to` came first. Allocates nothing.
 */
function colonOf(bytes: Bytes, from: number, to: number): number {
  let i = from;
  if (i >= to) return RAN_OUT;
  if (!isNameChar(bytes[i])) return INVALID;
  // name = 1*name-char *("." 1*name-char)
  for (;;) {
    while (i < to && isNameChar(bytes[i])) i++;
    if (i >= to) return RAN_OUT;
    if (bytes[i] !== 46) break;
    if (i + 1 >= to) return RAN_OUT;
    if (!isNameChar(bytes[i + 1])) return INVALID;
    i++;
  }
  while (bytes[i] === 59) {
    // ";" param-name "=" param-value *("," param-value)
    i++;
    if (i >= to) return RAN_OUT;
    if (!isNameChar(bytes[i])) return INVALID;
    while (i < to && isNameChar(bytes[i])) i++;
    if (i >= to) return RAN_OUT;
    if (bytes[i] !== 61) return INVALID;
    i++;
    for (;;) {
      if (i >= to) return RAN_OUT;
      if (bytes[i] === 34) {
        i++;
        while (i < to && bytes[i] !== 34) i++;
        if (i >= to) return RAN_OUT;
        i++;
      } else {
        while (i < to) {
          const code = bytes[i];
          if (code === 34 || code === 59 || code === 58 || code === 44) break;
          i++;
        }
      }
      if (i >= to) return RAN_OUT;
      if (bytes[i] !== 44) break;
      i++;
    }
  }
  return bytes[i] === 58 ? i : INVALID;
}

/** The first ";" or ":" in bytes[from, to) (where a valid line's name ends), or -1. */
function nameEndWithin(bytes: Bytes, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const code = bytes[i];
    if (code === 59 || code === 58) return i;
  }
  return -1;
}

/** True when bytes[from, to) is `upper` (an upper-case ASCII name), ignoring case. */
function nameIs(bytes: Bytes, from: number, to: number, upper: string): boolean {
  if (to - from !== upper.length) return false;
  for (let i = 0; i < upper.length; i++) {
    let code = bytes[from + i] as number;
    if (code >= 97 && code <= 122) code -= 32;
    if (code !== upper.charCodeAt(i)) return false;
  }
  return true;
}

/** RFC 6868: ^n newline, ^' double quote, ^^ caret. */
function decodeParamValue(value: string): string {
  if (!value.includes('^')) return value;
  return value.replace(/\^(n|N|'|\^)/g, (_, c: string) => (c === "'" ? '"' : c === '^' ? '^' : '\n'));
}

/** The content line in bytes[start, end) (one unfolded line), or null when it is not one. */
function parseContentLine(bytes: Bytes, start: number, end: number, line: number): ContentLine | null {
  const colon = colonOf(bytes, start, end);
  if (colon < 0) return null;
  const nameEnd = nameEndWithin(bytes, start, end);
  const name =
    knownName(bytes, start, nameEnd) ??
    (bytes as unknown as Slicing).latin1Slice(start, nameEnd).toUpperCase();
  return { name, value: decode(bytes, colon + 1, end), line, bytes, start, colon };
}

/**
 * The first value of a line's parameter (`name` upper-case), read from its bytes (a valid line): the
 * first one named so, quotes removed, RFC 6868 decoded. Parameter names are case-insensitive.
 */
function param(line: ContentLine, name: string): string | undefined {
  const { bytes, colon } = line;
  let i = nameEndWithin(bytes, line.start, colon + 1);
  while (bytes[i] === 59) {
    const nameStart = i + 1;
    i = nameStart;
    while (isNameChar(bytes[i])) i++;
    const matches = nameIs(bytes, nameStart, i, name);
    i++;
    let first: string | undefined;
    for (;;) {
      let valueStart = i;
      let valueEnd: number;
      if (bytes[i] === 34) {
        valueStart = i + 1;
        valueEnd = bytes.indexOf(34, valueStart);
        i = valueEnd + 1;
      } else {
        for (;;) {
          const code = bytes[i];
          if (code === 34 || code === 59 || code === 58 || code === 44) break;
          i++;
        }
        valueEnd = i;
      }
      if (matches && first === undefined) first = decodeParamValue(decode(bytes, valueStart, valueEnd));
      if (bytes[i] !== 44) break;
      i++;
    }
    if (matches) return first;
  }
  return undefined;
}

/** Components we read inside; damage anywhere else in a VCALENDAR is contained by ignoring it. */
const TRUSTED_COMPONENTS = new Set(['VCALENDAR', 'VTIMEZONE', 'STANDARD', 'DAYLIGHT']);

function describeLine(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 60)}...` : text;
  return JSON.stringify(shown);
}

/** The components whose properties the importer reads; others (VALARM, VTODO...) keep only their shape. */
const READ_COMPONENTS = new Set(['VCALENDAR', 'VTIMEZONE', 'STANDARD', 'DAYLIGHT', 'VEVENT']);

/**
 * The properties the importer reads. Everything else (descriptions, locations, attachments, alarms,
 * vendor extensions) is checked for being a content line and then dropped, so a large export's
 * bulk never sits in memory as parsed lines.
 */
const READ_PROPERTIES = new Set([
  'METHOD',
  'NAME',
  'X-WR-CALNAME',
  'TZID',
  'X-LIC-LOCATION',
  'TZOFFSETFROM',
  'TZOFFSETTO',
  'UID',
  'SEQUENCE',
  'DTSTAMP',
  'RECURRENCE-ID',
  'DTSTART',
  'DTEND',
  'DURATION',
  'STATUS',
  'SUMMARY',
  'RRULE',
  'EXRULE',
  'RDATE',
  'EXDATE',
  'ORGANIZER',
  'ATTENDEE',
  'TRANSP',
  'X-MICROSOFT-CDO-BUSYSTATUS',
  // Only for an event without a UID (see derivedUid).
  'DESCRIPTION',
]);

/**
 * The lines of a top-level event the first pass keeps as lines (see keepIdentity): with UID, SEQUENCE
 * and DTSTAMP (kept as values), what identifies an event among the others.
 */
const KEY_PROPERTIES = new Set(['RECURRENCE-ID']);

/** READ_PROPERTIES by name length, to look a name up in the bytes without decoding it. */
const READ_NAMES = [...READ_PROPERTIES];
const READ_NAMES_BY_LENGTH = new Map<number, number[]>();
READ_NAMES.forEach((name, index) => {
  READ_NAMES_BY_LENGTH.set(name.length, [...(READ_NAMES_BY_LENGTH.get(name.length) ?? []), index]);
});

/** The index in READ_NAMES of the name bytes[from, to) (any case), or -1. */
function readNameIndex(bytes: Bytes, from: number, to: number): number {
  for (const index of READ_NAMES_BY_LENGTH.get(to - from) ?? []) {
    if (nameIs(bytes, from, to, READ_NAMES[index] as string)) return index;
  }
  return -1;
}

/** The upper-cased name bytes[from, to) as a shared string when it is one the importer knows. */
function knownName(bytes: Bytes, from: number, to: number): string | undefined {
  const index = readNameIndex(bytes, from, to);
  if (index >= 0) return READ_NAMES[index];
  if (nameIs(bytes, from, to, 'BEGIN')) return 'BEGIN';
  if (nameIs(bytes, from, to, 'END')) return 'END';
  return undefined;
}

/**
 * Where the lines a top-level event's properties are on (found in its bytes when first needed: the
 * first pass keeps only the identity of the 50,000 events of a large export), and those already
 * parsed, by name: most events of a large export lie outside the import window, and only their
 * times are ever read.
 */
interface EventLines {
  /** Per line, LINE_FIELDS numbers: index in READ_NAMES, physical line, start, first line's end, end. */
  refs: number[];
  parsed: Map<string, ContentLine[]>;
}

const LINE_FIELDS = 5;

/**
 * Events are processed one UID at a time: the lines of the events read for the current one stay on
 * them (Component.lines) until it is done, then they are dropped (forgetEventLines). Not kept in a
 * long-lived map: a map whose entries come and go keeps the dropped ones reachable for the garbage
 * collector's young generation (through its replaced tables) until they are promoted to the old one,
 * which grew the heap by a hundred megabytes of garbage on a 50 MB file.
 */
const hydrated: Component[] = [];
const HYDRATED_LIMIT = 64;

function forgetEventLines(): void {
  for (const component of hydrated) component.lines = undefined;
  hydrated.length = 0;
}

/** The name of the current line of a reader: its bytes and range (unfolded when it spans a fold). */
function nameOfLine(reader: LineReader, check: boolean): { bytes: Bytes; start: number; end: number } | null {
  let bytes = reader.bytes;
  let start = reader.start;
  let end: number;
  if (check) {
    // Not checked by the first pass (the event has a bad line): only content lines count.
    let colon = colonOf(bytes, start, reader.firstEnd);
    if (colon === RAN_OUT && reader.folded) {
      bytes = unfoldBytes(reader.bytes, reader.start, reader.firstEnd, reader.end);
      start = 0;
      colon = colonOf(bytes, 0, bytes.length);
    }
    if (colon < 0) return null;
    end = nameEndWithin(bytes, start, colon + 1);
  } else {
    end = nameEndWithin(bytes, start, reader.firstEnd);
    if (end < 0) {
      bytes = unfoldBytes(reader.bytes, reader.start, reader.firstEnd, reader.end);
      start = 0;
      end = nameEndWithin(bytes, 0, bytes.length);
      if (end < 0) return null;
    }
  }
  return { bytes, start, end };
}

function eventLines(component: Component, source: NonNullable<Component['source']>): EventLines {
  if (component.lines) return component.lines;
  // An event with a UID will not need its description (only derivedUid reads it).
  const needsDescription = !(component.uid !== undefined && unescapeText(component.uid).trim() !== '');
  const refs: number[] = [];
  // The first pass checked every line of an event it did not mark invalid: only names are needed.
  const check = component.invalidLine !== undefined;
  const reader = new LineReader(source.bytes, source.start, source.end, component.line);
  let depth = 0;
  while (reader.next()) {
    const name = nameOfLine(reader, check);
    if (!name) continue;
    // Depth 1: the event's own lines (nested components such as VALARM are not read).
    if (nameIs(name.bytes, name.start, name.end, 'BEGIN')) depth++;
    else if (nameIs(name.bytes, name.start, name.end, 'END')) depth--;
    else if (depth === 1) {
      const index = readNameIndex(name.bytes, name.start, name.end);
      if (index < 0 || (READ_NAMES[index] === 'DESCRIPTION' && !needsDescription)) continue;
      refs.push(index, reader.line, reader.start, reader.folded ? reader.firstEnd : -1, reader.end);
    }
  }
  const lines: EventLines = { refs, parsed: new Map() };
  if (hydrated.length >= HYDRATED_LIMIT) forgetEventLines();
  hydrated.push(component);
  component.lines = lines;
  return lines;
}

/** The parsed lines of a property of a top-level event (see EventLines). */
function eventProps(component: Component, source: NonNullable<Component['source']>, name: string) {
  const lines = eventLines(component, source);
  let parsed = lines.parsed.get(name);
  if (parsed) return parsed;
  parsed = [];
  const index = READ_NAMES.indexOf(name);
  const { refs } = lines;
  const bytes = source.bytes;
  for (let i = 0; i < refs.length; i += LINE_FIELDS) {
    if (refs[i] !== index) continue;
    const line = refs[i + 1] as number;
    const start = refs[i + 2] as number;
    const firstEnd = refs[i + 3] as number;
    const end = refs[i + 4] as number;
    let content: ContentLine | null;
    if (firstEnd < 0) content = parseContentLine(bytes, start, end, line);
    else {
      const unfolded = unfoldBytes(bytes, start, firstEnd, end);
      content = parseContentLine(unfolded, 0, unfolded.length, line);
    }
    if (content) parsed.push(content);
  }
  lines.parsed.set(name, parsed);
  return parsed;
}

/**
 * For a line inside a top-level event (read again later, see eventLines): true when the first pass
 * must look at it (BEGIN, END, an identity property directly in the event, a line to unfold first),
 * false for a valid line it can skip. An invalid line marks the event.
 */
function needsReading(reader: LineReader, event: Component, depth: number): boolean {
  const bytes = reader.bytes;
  const colon = colonOf(bytes, reader.start, reader.firstEnd);
  if (colon === RAN_OUT) {
    if (reader.folded) return true;
    event.invalidLine ??= reader.line;
    return false;
  }
  if (colon === INVALID) {
    event.invalidLine ??= reader.line;
    return false;
  }
  const start = reader.start;
  const end = nameEndWithin(bytes, start, colon + 1);
  if (nameIs(bytes, start, end, 'BEGIN') || nameIs(bytes, start, end, 'END')) return true;
  if (depth !== 2) return false;
  return (
    nameIs(bytes, start, end, 'UID') ||
    nameIs(bytes, start, end, 'SEQUENCE') ||
    nameIs(bytes, start, end, 'DTSTAMP') ||
    nameIs(bytes, start, end, 'RECURRENCE-ID')
  );
}

const NO_CHILDREN: Component[] = [];

/** Every field set from the start: one object layout for all components, fields in the object. */
function newComponent(
  name: string,
  line: number,
  children: Component[],
  source: Component['source'],
): Component {
  return {
    name,
    line,
    props: [],
    children,
    invalidLine: undefined,
    source,
    lines: undefined,
    uid: undefined,
    sequence: undefined,
    stamp: undefined,
  };
}
const NO_PROPS: ContentLine[] = [];

/** SEQUENCE as versions are compared: a number, 0 when absent or unreadable. */
function sequenceOf(value: string): number {
  const sequence = Number.parseInt(value, 10);
  return Number.isFinite(sequence) ? sequence : 0;
}

/** DTSTAMP as versions are compared: its instant (UTC) or wall time, 0 when absent or unreadable. */
function stampOf(value: string): number {
  const stamp = parseDateValue(value);
  return stamp ? (stamp.kind === 'utc' ? stamp.instant : stamp.wall) : 0;
}

/**
 * What the first pass keeps of a line directly inside a top-level event: the first UID's value and
 * the first SEQUENCE and DTSTAMP as they are compared (later ones are never read), and the
 * RECURRENCE-ID lines. Values, not lines: this is kept for every event of the file until the end of
 * the parse (50,000 events in a large export).
 */
function keepIdentity(event: Component, line: ContentLine): void {
  if (line.name === 'UID') event.uid ??= line.value;
  else if (line.name === 'SEQUENCE') event.sequence ??= sequenceOf(line.value);
  else if (line.name === 'DTSTAMP') event.stamp ??= stampOf(line.value);
  else if (KEY_PROPERTIES.has(line.name)) event.props.push(line);
}

/** Component names as one shared string each (a large export has 50,000 VEVENTs). */
const COMPONENT_NAMES = new Map(
  [
    'VCALENDAR',
    'VEVENT',
    'VTIMEZONE',
    'STANDARD',
    'DAYLIGHT',
    'VALARM',
    'VTODO',
    'VJOURNAL',
    'VFREEBUSY',
  ].map((name) => [name, name]),
);

/** Builds the component tree of every VCALENDAR in the file (see the error policy above). */
function readCalendars(bytes: Bytes): Component[] {
  const calendars: Component[] = [];
  const stack: Component[] = [];
  let empty = true;

  const reader = new LineReader(bytes, 0, bytes.length, 1);
  while (reader.next()) {
    empty = false;
    const line = reader.line;
    const top = stack.at(-1);
    if (top?.source && !needsReading(reader, stack[1] as Component, stack.length)) continue;
    const content = reader.contentLine();
    const isBegin = content?.name === 'BEGIN';
    const isEnd = content?.name === 'END';

    if (stack.length === 0) {
      if (isBegin && content.value.trim().toUpperCase() === 'VCALENDAR') {
        const calendar = newComponent('VCALENDAR', line, [], undefined);
        calendars.push(calendar);
        stack.push(calendar);
        continue;
      }
      if (calendars.length === 0) {
        const raw = reader.content();
        const hint = raw.includes('\u0000') ? ' It looks like UTF-16 text; export it as UTF-8.' : '';
        throw new IcsParseError(
          `This is not an iCalendar file: it must start with BEGIN:VCALENDAR, but line ${line} is ${describeLine(raw)}.${hint}`,
          line,
        );
      }
      if (isBegin) {
        throw new IcsParseError(
          `Line ${line}: BEGIN:${content.value.trim()} is outside any VCALENDAR.`,
          line,
        );
      }
      if (isEnd) {
        throw new IcsParseError(`Line ${line}: END:${content.value.trim()} has no matching BEGIN.`, line);
      }
      // Some servers append comments after END:VCALENDAR; they carry no events.
      continue;
    }

    const current = stack.at(-1) as Component;
    if (isBegin) {
      const name = content.value.trim().toUpperCase();
      const componentName = COMPONENT_NAMES.get(name) ?? name;
      if (!/^[A-Z0-9-]+$/.test(componentName)) {
        throw new IcsParseError(
          `Line ${line}: ${describeLine(content.value)} is not a valid component name.`,
          line,
        );
      }
      if (componentName === 'VCALENDAR') {
        throw new IcsParseError(`Line ${line}: a VCALENDAR cannot contain another VCALENDAR.`, line);
      }
      // Inside an event read lazily, nested components only need their shape checked: they are not
      // kept, and such an event has no children (it shares one empty list, never added to).
      const lazy = current.source !== undefined || (componentName === 'VEVENT' && stack.length === 1);
      const child = newComponent(
        componentName,
        line,
        lazy ? NO_CHILDREN : [],
        current.source ?? (lazy ? { bytes, start: reader.start, end: reader.start } : undefined),
      );
      if (!current.source) current.children.push(child);
      stack.push(child);
      continue;
    }
    if (isEnd) {
      const componentName = content.value.trim().toUpperCase();
      if (componentName !== current.name) {
        throw new IcsParseError(
          `Line ${line}: END:${content.value.trim()} does not close BEGIN:${current.name} from line ${current.line}.`,
          line,
        );
      }
      stack.pop();
      if (current.source && stack.length === 1) {
        current.source.end = reader.end;
        // Kept for every event of the file until the end of the parse: no spare capacity.
        current.props = current.props.length === 0 ? NO_PROPS : current.props.slice();
      }
      continue;
    }
    if (content) {
      if (current.source) {
        // A top-level event: its identity now, the rest when it is processed (eventLines).
        if (stack.length === 2) keepIdentity(current, content);
      } else if (READ_COMPONENTS.has(current.name) && READ_PROPERTIES.has(content.name)) {
        current.props.push(content);
      }
      continue;
    }
    // Not a content line: contain the damage to the event it is in, if any.
    const event = stack[1]?.name === 'VEVENT' ? stack[1] : undefined;
    if (event) {
      event.invalidLine ??= line;
      continue;
    }
    if (stack.every((component) => TRUSTED_COMPONENTS.has(component.name))) {
      throw new IcsParseError(
        `Line ${line} is not a valid iCalendar line: ${describeLine(reader.content())}.`,
        line,
      );
    }
  }

  if (empty) throw new IcsParseError('The file is empty.', null);
  const open = stack.at(-1);
  if (open) {
    throw new IcsParseError(
      `BEGIN:${open.name} on line ${open.line} is never closed with END:${open.name}; the file may be cut off.`,
      open.line,
    );
  }
  return calendars;
}

function prop(component: Component, name: string): ContentLine | undefined {
  const source = component.source;
  if (!source || KEY_PROPERTIES.has(name)) return component.props.find((p) => p.name === name);
  return eventProps(component, source, name)[0];
}

/** The lines of a property (the array may be shared: callers only read it). */
function props(component: Component, name: string): readonly ContentLine[] {
  const source = component.source;
  if (!source || KEY_PROPERTIES.has(name)) return component.props.filter((p) => p.name === name);
  return eventProps(component, source, name);
}

/** TEXT values: \\ \; \, \n are escapes; a backslash before anything else just drops. */
function unescapeText(value: string): string {
  return value.replace(/\\(.)/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

// ---------------------------------------------------------------------------------------------------
// Time zones and wall-clock time
// ---------------------------------------------------------------------------------------------------

/**
 * Wall-clock times are kept as "wall ms": the local date and time encoded as if it were UTC
 * (Date.UTC of the fields). It makes calendar arithmetic (add a day, compare dates) exact and leaves
 * the offset to one place: {@link wallToInstant}.
 */
interface Zone {
  /** IANA zone reported on entries. */
  readonly id: string;
  /** Offset in ms east of UTC at an instant. */
  offsetAt(instant: number): number;
}

/** Offsets of IANA zones come from the engine's zone math (exact, and learnt once per zone and day). */
const ianaOffset = (zone: string, instant: number): number => zoneOffset(zone, instant);

function ianaZoneObject(id: string): Zone {
  return { id, offsetAt: (instant) => ianaOffset(id, instant) };
}

const UTC_ZONE: Zone = { id: 'UTC', offsetAt: () => 0 };

/**
 * The instant of a wall-clock time in a zone. RFC 5545 3.3.5: a time that falls in a DST gap is read
 * with the offset before the gap (02:30 on a spring-forward night becomes 03:30), and a time that
 * occurs twice means the first one.
 */
export function wallToInstant(wall: number, zone: Zone): number {
  const before = zone.offsetAt(wall - DAY_MS);
  const after = zone.offsetAt(wall + DAY_MS);
  const early = wall - before;
  const late = wall - after;
  const earlyFits = zone.offsetAt(early) === before;
  const lateFits = zone.offsetAt(late) === after;
  if (earlyFits && lateFits) return Math.min(early, late);
  if (earlyFits) return early;
  if (lateFits) return late;
  return early;
}

function instantToWall(instant: number, zone: Zone): number {
  return instant + zone.offsetAt(instant);
}

/** The instant of a local date-time (ISO fields) in an IANA zone; exported for the CSV reader. */
export function zonedLocalToInstant(
  fields: { year: number; month: number; day: number; hour: number; minute: number; second: number },
  timeZone: string,
): Date {
  const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  return new Date(wallToInstant(wall, ianaZoneObject(timeZone)));
}

/** Dates of wall-clock days, by day number: every occurrence of a series asks for one. */
const isoDates = new Map<number, string>();

function isoDate(wall: number): string {
  const day = Math.floor(wall / DAY_MS);
  let date = isoDates.get(day);
  if (date === undefined) {
    date = new Date(wall).toISOString().slice(0, 10);
    if (isoDates.size >= 100_000) isoDates.clear();
    isoDates.set(day, date);
  }
  return date;
}

function isoLocal(wall: number): string {
  return new Date(wall).toISOString().slice(0, 19);
}

/** 20260305T100000 (RFC 5545 basic format) of a wall time. */
function basicDateTime(wall: number): string {
  return isoLocal(wall).replace(/[-:]/g, '');
}

function basicDate(wall: number): string {
  return isoDate(wall).replace(/-/g, '');
}

/** TZOFFSETFROM/TZOFFSETTO: +HHMM[SS] in ms, or null. */
function parseUtcOffset(value: string): number | null {
  const match = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(value.trim());
  if (!match) return null;
  const [, sign, hh, mm, ss] = match;
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = Number(ss ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const ms = (hours * 3600 + minutes * 60 + seconds) * SECOND_MS;
  return sign === '-' ? -ms : ms;
}

interface Transition {
  at: number;
  offset: number;
}

const YEAR_MS = 366 * DAY_MS;

/**
 * A zone defined by a VTIMEZONE's observances, or a reason why it cannot be used. Rules are expanded
 * only over `range` (years around the import window, plus the year before a rule's UNTIL so the last
 * transition before the range is known): Outlook starts its rules in 1601, and every date costs a trip
 * through the Temporal polyfill. Instants far outside the range get the offset at its nearest edge.
 */
function vtimezoneZone(component: Component, id: string, range: { from: number; to: number }): Zone | string {
  const transitions: Transition[] = [];
  let earliest: { at: number; offsetFrom: number } | null = null;
  for (const observance of component.children) {
    if (observance.name !== 'STANDARD' && observance.name !== 'DAYLIGHT') continue;
    const dtstart = prop(observance, 'DTSTART');
    const from = parseUtcOffset(prop(observance, 'TZOFFSETFROM')?.value ?? '');
    const to = parseUtcOffset(prop(observance, 'TZOFFSETTO')?.value ?? '');
    const start = dtstart ? parseDateValue(dtstart.value) : null;
    if (!start || from === null || to === null) {
      return `its ${observance.name} rule on line ${observance.line} has no valid DTSTART, TZOFFSETFROM and TZOFFSETTO`;
    }
    const startWall = start.kind === 'utc' ? start.instant + from : start.wall;
    const onsets = [startWall - from];
    const fromZone: Zone = { id, offsetAt: () => from };
    for (const rrule of props(observance, 'RRULE')) {
      const rule = buildRule(rrule.value, startWall, false, fromZone, 5_000);
      if (typeof rule === 'string')
        return `its ${observance.name} rule on line ${rrule.line} is unusable: ${rule}`;
      const untilText = /UNTIL=([0-9TZ]+)/i.exec(rrule.value)?.[1];
      const until = untilText ? parseDateValue(untilText) : null;
      const untilMs = until ? (until.kind === 'utc' ? until.instant : until.wall) : null;
      const lookback = untilMs !== null && untilMs < range.from ? untilMs - YEAR_MS : range.from - YEAR_MS;
      try {
        visitRuleStarts(rule, Math.max(startWall, lookback), range.to, (wall) => {
          onsets.push(wall - from);
          return onsets.length < 5_000;
        });
      } catch (error) {
        return `its ${observance.name} rule on line ${rrule.line} cannot be expanded (${messageOf(error)})`;
      }
    }
    for (const rdate of props(observance, 'RDATE')) {
      for (const raw of splitList(rdate.value)) {
        const value = parseDateValue(raw);
        if (!value) return `its RDATE on line ${rdate.line} is not a date-time`;
        onsets.push(value.kind === 'utc' ? value.instant : value.wall - from);
      }
    }
    for (const at of onsets) transitions.push({ at, offset: to });
    const first = Math.min(...onsets);
    if (!earliest || first < earliest.at) earliest = { at: first, offsetFrom: from };
  }
  if (!earliest) return 'it defines no STANDARD or DAYLIGHT rule';
  transitions.sort((a, b) => a.at - b.at);
  const initial = earliest.offsetFrom;
  return {
    id,
    offsetAt(instant) {
      let lo = 0;
      let hi = transitions.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((transitions[mid] as Transition).at <= instant) {
          found = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return found < 0 ? initial : (transitions[found] as Transition).offset;
    },
  };
}

let allZones: readonly string[] | null = null;

/** Zones most calendars use, tried before the long tail so a label is a familiar name. */
const COMMON_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Paris',
  'Europe/Moscow',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
];

/**
 * An IANA zone that agrees with a file-defined zone at the given instants, to label its entries.
 * Tried in order: a zone the TZID ends with ("custom_America/New_York"), the member's zone, the
 * Etc/GMT zone of a zone without DST, common zones, the zones Windows maps to, then every zone the
 * runtime knows. Null when none agrees.
 */
function matchingIanaZone(
  zone: Zone,
  name: string,
  samples: readonly number[],
  preferred: string,
): string | null {
  allZones ??= Intl.supportedValuesOf('timeZone');
  const lower = name.toLowerCase();
  const hint = allZones
    .filter((candidate) => lower.endsWith(candidate.toLowerCase()) && candidate.includes('/'))
    .sort((a, b) => b.length - a.length)[0];
  const offsets = samples.map((instant) => zone.offsetAt(instant));
  const constant = offsets.every((offset) => offset === offsets[0]) ? (offsets[0] ?? null) : null;
  const etc = constant !== null && constant % 60_000 === 0 ? etcZoneForOffset(constant / 60_000) : null;
  const candidates = new Set([
    ...(hint ? [hint] : []),
    preferred,
    ...(etc ? [etc] : []),
    ...COMMON_ZONES,
    ...WINDOWS_ZONE_IDS.values(),
    ...allZones,
  ]);
  for (const candidate of candidates) {
    if (!ianaZone(candidate)) continue;
    if (samples.every((instant, i) => ianaOffset(candidate, instant) === offsets[i])) return candidate;
  }
  return null;
}

/**
 * Resolves TZID values of one VCALENDAR (VTIMEZONE ids are scoped to their calendar). Order of trust:
 * a name the runtime knows (IANA, Windows id or label, IANA behind a vendor path) because IANA data is
 * more current than the simplified rules producers embed; then the VTIMEZONE's X-LIC-LOCATION; then
 * the VTIMEZONE's own rules; then a bare UTC offset as the name.
 */
class ZoneResolver {
  private readonly cache = new Map<string, Zone | string>();

  constructor(
    private readonly definitions: ReadonlyMap<string, Component>,
    private readonly memberZone: Zone,
    /** Years around the import window in which file-defined zone rules are expanded. */
    private readonly range: { from: number; to: number },
  ) {}

  /** `near` (any wall or instant ms close to where the zone is used) picks the year a label is matched in. */
  resolve(tzid: string, near: number): Zone | string {
    let zone = this.cache.get(tzid);
    if (zone === undefined) {
      zone = this.lookup(tzid.trim().replace(/^"(.*)"$/, '$1'), near);
      this.cache.set(tzid, zone);
    }
    return zone;
  }

  private lookup(name: string, near: number): Zone | string {
    const known = resolveZoneName(name);
    if (known) return ianaZoneObject(known);
    const definition = this.definitions.get(name) ?? this.definitions.get(name.toUpperCase());
    if (definition) {
      const location = prop(definition, 'X-LIC-LOCATION')?.value.trim();
      const fromLocation = location ? resolveZoneName(location) : null;
      if (fromLocation) return ianaZoneObject(fromLocation);
      const rules = vtimezoneZone(definition, name, this.range);
      if (typeof rules === 'string') return `the time zone "${name}" cannot be used: ${rules}`;
      return this.labelled(rules, name, near);
    }
    const offset = fixedOffsetMinutes(name);
    if (offset !== null) {
      const etc = etcZoneForOffset(offset);
      if (etc) return ianaZoneObject(etc);
      return this.labelled({ id: name, offsetAt: () => offset * 60_000 }, name, near);
    }
    return `unknown time zone "${name}" (not an IANA or Windows zone name, and the file does not define it)`;
  }

  /**
   * A file-defined zone keeps its own rules for instants but is reported under an IANA name that
   * agrees with it over the year around its first use; the member's zone when none does.
   */
  private labelled(zone: Zone, name: string, near: number): Zone {
    const samples = [-3, -2, -1, 0, 1, 2, 3].map((k) => near + k * 61 * DAY_MS);
    const label = matchingIanaZone(zone, name, samples, this.memberZone.id) ?? this.memberZone.id;
    return { id: label, offsetAt: (instant) => zone.offsetAt(instant) };
  }
}

// ---------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------

type DateValue =
  | { kind: 'date'; wall: number }
  | { kind: 'utc'; instant: number }
  | { kind: 'local'; wall: number };

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days of a month (1-12) of a Gregorian year. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (MONTH_LENGTHS[month - 1] as number);
}

/** The number written by `count` ASCII digits at `from`, or -1. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** True when the character at `at` is `lower` (an ASCII letter) in either case. */
function letterAt(text: string, at: number, lower: number): boolean {
  return (text.charCodeAt(at) | 32) === lower;
}

/** DATE (20260305) or DATE-TIME (20260305T100000, ...Z; seconds optional); null when invalid. */
function parseDateValue(raw: string): DateValue | null {
  // YYYYMMDD[Thhmm[ss][Z]], T and Z in either case; "20131210Z" (a date with a Z) is not RFC 5545,
  // but Google Calendar writes it in birthday RDATEs.
  const text = raw.trim();
  const length = text.length;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 4, 2);
  const day = digitsAt(text, 6, 2);
  if (length < 8 || year < 0 || month < 0 || day < 0) return null;
  let hour = -1;
  let minute = 0;
  let second = 0;
  let utc = false;
  if (length === 9) {
    if (!letterAt(text, 8, 122)) return null;
  } else if (length > 9) {
    if (length < 13 || length > 16 || !letterAt(text, 8, 116)) return null;
    hour = digitsAt(text, 9, 2);
    minute = digitsAt(text, 11, 2);
    if (hour < 0 || minute < 0) return null;
    if (length >= 15) {
      second = digitsAt(text, 13, 2);
      if (second < 0) return null;
    }
    if (length === 14 || length === 16) {
      if (!letterAt(text, length - 1, 122)) return null;
      utc = true;
    }
  }
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour < 0) return { kind: 'date', wall: Date.UTC(year, month - 1, day) };
  if (hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59));
  return utc ? { kind: 'utc', instant: wall } : { kind: 'local', wall };
}

interface NominalDuration {
  days: number;
  ms: number;
}

/** RFC 5545 DURATION (P1W, P1DT2H, PT30M, -PT5M); days and weeks are nominal, the rest exact. */
function parseDuration(raw: string): NominalDuration | null {
  const match = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(raw.trim());
  if (!match || /^[+-]?PT?$/i.test(raw.trim())) return null;
  const [, sign, w, d, h, m, s] = match;
  const factor = sign === '-' ? -1 : 1;
  const days = (Number(w ?? 0) * 7 + Number(d ?? 0)) * factor;
  const ms = (Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0)) * SECOND_MS * factor;
  if (!Number.isSafeInteger(days) || !Number.isSafeInteger(ms)) return null;
  return { days, ms };
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

class SkipEvent extends Error {}

function skip(reason: string): never {
  throw new SkipEvent(reason);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------------
// Recurrence rules
// ---------------------------------------------------------------------------------------------------

const RULE_PARTS = new Set([
  'FREQ',
  'UNTIL',
  'COUNT',
  'INTERVAL',
  'BYSECOND',
  'BYMINUTE',
  'BYHOUR',
  'BYDAY',
  'BYMONTHDAY',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
  'RSCALE',
  'SKIP',
]);

const FREQUENCIES = new Set(['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);

/** Allowed numbers per BYxxx part (RFC 5545 3.3.10); negative values count from the end. */
const RULE_RANGES: Record<string, { min: number; max: number; signed: boolean }> = {
  BYSECOND: { min: 0, max: 60, signed: false },
  BYMINUTE: { min: 0, max: 59, signed: false },
  BYHOUR: { min: 0, max: 23, signed: false },
  BYMONTHDAY: { min: 1, max: 31, signed: true },
  BYYEARDAY: { min: 1, max: 366, signed: true },
  BYWEEKNO: { min: 1, max: 53, signed: true },
  BYMONTH: { min: 1, max: 12, signed: false },
  BYSETPOS: { min: 1, max: 366, signed: true },
};

/** Most days each month can have (February in a leap year). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

interface PreparedRule {
  /** The rule for rrule-temporal, or null when it is a SimpleRule expanded here. */
  rrule: RRuleTemporal | null;
  simple: SimpleRule | null;
  /** True when the rule can never produce a date (e.g. BYMONTH=2;BYMONTHDAY=30). */
  never: boolean;
  /** Length of one FREQ x INTERVAL step, in ms (months and years at their shortest). */
  step: number;
  /** Most dates one step can produce (the BYxxx lists multiply them). */
  perStep: number;
  /** rrule-temporal's iteration limit for this rule. */
  maxIterations: number;
}

const STEP_MS: Record<string, number> = {
  SECONDLY: SECOND_MS,
  MINUTELY: 60 * SECOND_MS,
  HOURLY: HOUR_MS,
  DAILY: DAY_MS,
  WEEKLY: 7 * DAY_MS,
  MONTHLY: 28 * DAY_MS,
  YEARLY: 365 * DAY_MS,
};

/**
 * An RRULE ready for rrule-temporal, running in UTC on wall-clock times, or the reason it cannot be
 * used. UNTIL is moved into the same wall-clock frame. Checks that rrule-temporal 1.6.0 does not make
 * itself, because they matter here:
 * - MONTHLY and YEARLY rules without a day part get the DTSTART day written out (RFC 5545 says that is
 *   what they mean): rrule-temporal otherwise clamps a series starting on the 31st to the 28th in
 *   February and stays on the 28th afterwards.
 * - Numbers out of range are refused instead of ignored, and a month/day combination that cannot exist
 *   is detected up front: rrule-temporal searches for a match until its iteration limit, which costs
 *   seconds per rule.
 * - Non-Gregorian RSCALE rules (RFC 7529) are refused rather than expanded as Gregorian.
 */
function buildRule(
  raw: string,
  startWall: number,
  allDay: boolean,
  zone: Zone,
  maxIterations: number,
): PreparedRule | string {
  const parts = new Map<string, string>();
  for (const part of raw.replace(/\s+/g, '').toUpperCase().split(';')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (RULE_PARTS.has(key)) parts.set(key, eq < 0 ? '' : part.slice(eq + 1));
  }
  const freq = parts.get('FREQ');
  if (!freq) return `RRULE "${raw}" has no FREQ`;
  if (!FREQUENCIES.has(freq)) return `RRULE "${raw}" has an unknown FREQ`;
  // No calendar application creates these; expanding a year of them would only cost time.
  if (freq === 'SECONDLY' || freq === 'MINUTELY') return `RRULE "${raw}" repeats more often than hourly`;
  const rscale = parts.get('RSCALE');
  if (rscale !== undefined && rscale !== 'GREGORIAN') {
    return `RRULE "${raw}" uses the ${rscale} calendar, which is not supported`;
  }
  parts.delete('RSCALE');
  parts.delete('SKIP');

  for (const [key, range] of Object.entries(RULE_RANGES)) {
    const list = parts.get(key);
    if (list === undefined) continue;
    const numbers = list.split(',').map(Number);
    const ok = numbers.every((n) => {
      const size = range.signed ? Math.abs(n) : n;
      return Number.isInteger(n) && size >= range.min && size <= range.max && (range.signed || n >= 0);
    });
    if (!ok || list === '') return `RRULE "${raw}" has an invalid ${key}`;
  }
  for (const key of ['INTERVAL', 'COUNT']) {
    const value = parts.get(key);
    if (value !== undefined && !/^[1-9]\d{0,8}$/.test(value)) return `RRULE "${raw}" has an invalid ${key}`;
  }

  const until = parts.get('UNTIL');
  /** UNTIL in the rule's wall-clock frame, as written into the rule for rrule-temporal. */
  let untilWall: number | null = null;
  if (until !== undefined) {
    const value = parseDateValue(until);
    if (!value) return `RRULE UNTIL "${until}" is not a date or date-time`;
    if (allDay) {
      // Google ends all-day series with UNTIL=<last day>T235959Z: the UTC date is the last day meant.
      untilWall = startOfDay(value.kind === 'utc' ? value.instant : value.wall);
      parts.set('UNTIL', basicDate(untilWall));
    } else {
      const wall =
        value.kind === 'utc'
          ? instantToWall(value.instant, zone)
          : value.kind === 'date'
            ? value.wall + DAY_MS - SECOND_MS
            : value.wall;
      untilWall = Math.floor(wall / SECOND_MS) * SECOND_MS;
      parts.set('UNTIL', `${basicDateTime(wall)}Z`);
    }
  }

  const start = new Date(startWall);
  const hasDay = ['BYDAY', 'BYMONTHDAY', 'BYYEARDAY', 'BYWEEKNO'].some((key) => parts.has(key));
  if (freq === 'MONTHLY' && !hasDay) parts.set('BYMONTHDAY', String(start.getUTCDate()));
  if (freq === 'YEARLY' && !hasDay) {
    if (!parts.has('BYMONTH')) parts.set('BYMONTH', String(start.getUTCMonth() + 1));
    parts.set('BYMONTHDAY', String(start.getUTCDate()));
  }
  const monthDays = parts.get('BYMONTHDAY')?.split(',').map(Number);
  const months = parts.get('BYMONTH')?.split(',').map(Number) ?? [];
  const never =
    monthDays !== undefined &&
    months.length > 0 &&
    months.every((month) => monthDays.every((day) => Math.abs(day) > (MONTH_DAYS[month - 1] ?? 31)));

  const rule = [`FREQ=${freq}`, ...[...parts].filter(([key]) => key !== 'FREQ').map(([k, v]) => `${k}=${v}`)];
  const dtstart = allDay
    ? `DTSTART;VALUE=DATE:${basicDate(startWall)}`
    : `DTSTART:${basicDateTime(startWall)}Z`;
  const count = Number(parts.get('COUNT') ?? 0);
  const listLength = (key: string) => parts.get(key)?.split(',').length ?? 1;
  const perStep = [
    'BYSECOND',
    'BYMINUTE',
    'BYHOUR',
    'BYDAY',
    'BYMONTHDAY',
    'BYYEARDAY',
    'BYWEEKNO',
    'BYMONTH',
  ]
    .map(listLength)
    .reduce((a, b) => a * b, 1);
  // COUNT rules are counted from DTSTART, so they need room for every occurrence before the window.
  const limit = Math.min(MAX_RULE_ITERATIONS, Math.max(maxIterations, 2 * count + 100));
  const step = (STEP_MS[freq] ?? DAY_MS) * Number(parts.get('INTERVAL') ?? 1);
  const simple = simpleRule(parts, startWall, untilWall, limit);
  if (simple) {
    if (count > 0 && simple.count !== null) {
      const first = simpleDates({ ...simple, count: 1 }, startWall, Number.POSITIVE_INFINITY)[0];
      if (first !== startWall) {
        if (count === 1)
          return { rrule: null, simple, never: true, step: DAY_MS, perStep: 1, maxIterations: limit };
        simple.count = count - 1;
      }
    }
    return { rrule: null, simple, never, step, perStep, maxIterations: limit };
  }
  const make = (ruleParts: string[]) =>
    new RRuleTemporal({ rruleString: `${dtstart}\nRRULE:${ruleParts.join(';')}`, maxIterations: limit });
  try {
    let rrule = make(rule);
    // RFC 5545: DTSTART always counts as the first occurrence, even when it does not match the rule.
    // The caller adds DTSTART itself (rrule-temporal's includeDtstart option returns stray dates from
    // between() after UNTIL), so a COUNT rule whose first date is not DTSTART owes one less.
    if (count > 0 && !never) {
      const first = make(rule.map((part) => (part.startsWith('COUNT=') ? 'COUNT=1' : part))).all()[0];
      if (first?.epochMilliseconds !== startWall) {
        rrule = make(rule.map((part) => (part.startsWith('COUNT=') ? `COUNT=${count - 1}` : part)));
        if (count === 1) {
          return { rrule, simple: null, never: true, step: DAY_MS, perStep: 1, maxIterations: limit };
        }
      }
    }
    return { rrule, simple: null, never, step, perStep, maxIterations: limit };
  } catch (error) {
    return `RRULE "${raw}" cannot be read (${messageOf(error)})`;
  }
}

/**
 * A DAILY or WEEKLY rule with at most INTERVAL, COUNT, UNTIL, plain BYDAY days and WKST: what almost
 * every calendar's series are. They are expanded here with day arithmetic, as rrule-temporal's own
 * UTC fast paths do (same dates, same iteration limit), without a Temporal object per date.
 */
interface SimpleRule {
  weekly: boolean;
  interval: number;
  /** ISO weekdays (Monday 1) of BYDAY, or null. */
  days: number[] | null;
  /** ISO weekday the week starts on (WKST). */
  weekStart: number;
  start: number;
  until: number | null;
  count: number | null;
  maxIterations: number;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const SIMPLE_PARTS = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'WKST']);

function simpleRule(
  parts: ReadonlyMap<string, string>,
  start: number,
  until: number | null,
  maxIterations: number,
): SimpleRule | null {
  const freq = parts.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY') return null;
  for (const key of parts.keys()) if (!SIMPLE_PARTS.has(key)) return null;
  const interval = Number(parts.get('INTERVAL') ?? 1);
  if (!Number.isInteger(interval) || interval < 1 || interval > 10_000) return null;
  const byDay = parts.get('BYDAY');
  let days: number[] | null = null;
  if (byDay !== undefined) {
    days = byDay.split(',').map((day) => WEEKDAYS.indexOf(day) + 1);
    if (days.some((day) => day === 0) || new Set(days).size !== days.length) return null;
  }
  const wkst = parts.get('WKST');
  const weekStart = wkst === undefined ? 1 : WEEKDAYS.indexOf(wkst) + 1;
  if (weekStart === 0) return null;
  if (start % SECOND_MS !== 0 || (until !== null && until % SECOND_MS !== 0)) return null;
  const count = parts.has('COUNT') ? Number(parts.get('COUNT')) : null;
  if (count !== null && parts.has('UNTIL')) return null;
  return { weekly: freq === 'WEEKLY', interval, days, weekStart, start, until, count, maxIterations };
}

/** ISO weekday (Monday 1) of a wall-clock time. */
function weekdayOf(wall: number): number {
  return ((((Math.floor(wall / DAY_MS) + 3) % 7) + 7) % 7) + 1;
}

/**
 * The dates of a simple rule within [after, before], as rrule-temporal's between(after, before, true)
 * gives them. A COUNT rule is enumerated from DTSTART (and may run into the iteration limit, with
 * rrule-temporal's error); otherwise the walk starts at the last step before `after`.
 */
function simpleDates(rule: SimpleRule, after: number, before: number): number[] {
  const until = rule.until === null ? before : Math.min(rule.until, before);
  const dates: number[] = [];
  const counted = rule.count !== null;
  const limit = counted ? rule.maxIterations : Number.POSITIVE_INFINITY;
  const full = () => counted && dates.length >= (rule.count as number);
  const tooMany = () => new Error(`Maximum iterations (${rule.maxIterations}) exceeded in all()`);
  let iterations = 0;
  if (rule.weekly) {
    const offsets = (rule.days ?? [weekdayOf(rule.start)])
      .map((day) => (day - rule.weekStart + 7) % 7)
      .sort((a, b) => a - b);
    const period = rule.interval * 7 * DAY_MS;
    let weekStart = rule.start - ((weekdayOf(rule.start) - rule.weekStart + 7) % 7) * DAY_MS;
    if (!counted && after > weekStart) weekStart += Math.floor((after - weekStart) / period) * period;
    for (;;) {
      if (++iterations > limit) throw tooMany();
      for (const offset of offsets) {
        const date = weekStart + offset * DAY_MS;
        if (date < rule.start) continue;
        if (date > until) return dates.filter((d) => d >= after);
        dates.push(date);
        if (full()) return dates.filter((d) => d >= after);
      }
      weekStart += period;
    }
  }
  const step = rule.interval * DAY_MS;
  let date = rule.start;
  if (rule.days) {
    let first = -1;
    for (let steps = 0; steps < 7; steps++) {
      if (rule.days.includes(weekdayOf(date + steps * step))) {
        first = steps;
        break;
      }
    }
    if (first < 0) return dates;
    date += first * step;
  }
  if (!counted && after > date) date += Math.floor((after - date) / step) * step;
  for (;;) {
    if (++iterations > limit) throw tooMany();
    if (date > until) break;
    if (!rule.days || rule.days.includes(weekdayOf(date))) {
      dates.push(date);
      if (full()) break;
    }
    date += step;
  }
  return dates.filter((d) => d >= after);
}

function isIterationLimit(error: unknown): boolean {
  return /Maximum iterations/.test(messageOf(error));
}

/**
 * Visits the wall-clock starts of a rule within [from, to] in order until `visit` returns false.
 * rrule-temporal stops with an error when a range holds more dates than its iteration limit
 * (FREQ=MINUTELY over a year), so the range is walked in chunks sized to fit the limit, shrunk further
 * if a chunk still does not fit; a rule that does not fit a single FREQ step is refused. Each failed
 * attempt costs a full iteration budget, so the sizing matters for rules that rarely match.
 */
function visitRuleStarts(
  rule: PreparedRule,
  fromWall: number,
  toWall: number,
  visit: (wall: number) => boolean,
): void {
  if (rule.never) return;
  const fitting = rule.step * Math.max(1, Math.floor(rule.maxIterations / (2 * rule.perStep)));
  let size = Math.max(rule.step, Math.min(toWall - fromWall, fitting));
  let cursor = fromWall;
  let last = Number.NEGATIVE_INFINITY;
  while (cursor <= toWall) {
    const end = Math.min(cursor + size, toWall);
    let dates: number[];
    try {
      dates = rule.simple
        ? simpleDates(rule.simple, cursor, end)
        : (rule.rrule as RRuleTemporal)
            .between(new Date(cursor), new Date(end), true)
            .map((date) => date.epochMilliseconds);
    } catch (error) {
      if (!isIterationLimit(error)) skip(`its RRULE cannot be expanded (${messageOf(error)})`);
      if (size <= rule.step) skip('its recurrence rule produces too many occurrences to import');
      size = Math.max(rule.step, Math.floor(size / 4));
      continue;
    }
    for (const wall of dates) {
      if (wall <= last) continue;
      last = wall;
      if (!visit(wall)) return;
    }
    if (end >= toWall) return;
    cursor = end;
  }
}

// ---------------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------------

interface CalendarContext {
  method: string | null;
  zones: ZoneResolver;
}

interface EventRecord {
  component: Component;
  calendar: CalendarContext;
  uid: string;
  recurrenceId: ContentLine | undefined;
  sequence: number;
  stamp: number;
  order: number;
}

/** How an event's times are read: its zone and whether it is all-day, floating or UTC. */
interface TimeBase {
  allDay: boolean;
  floating: boolean;
  zone: Zone;
  /** Zone reported on entries. */
  label: string;
}

interface Timing {
  base: TimeBase;
  startWall: number;
  start: number;
  duration: NominalDuration;
}

interface Occurrence {
  start: number;
  end: number;
  /** Original start as it appears in externalUid; null for single events. */
  recurrence: string | null;
  component: Component;
}

interface ParseState {
  options: IcsParseOptions;
  memberZone: Zone;
  memberEmails: ReadonlySet<string>;
  from: number;
  to: number;
  entries: ParsedEntry[];
  skipped: SkippedEvent[];
}

function overlapsWindow(start: number, end: number, state: ParseState): boolean {
  return start < state.to && (end > state.from || (end === start && start >= state.from));
}

function startOfDay(wall: number): number {
  return wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
}

interface ResolvedValue {
  value: DateValue;
  instant: number;
  /** The wall-clock time in the series' zone. */
  baseWall: number;
  /** The calendar day as written (the member's day for UTC values), as the wall ms of its midnight. */
  day: number;
}

/** A date or date-time property value resolved in a time base (TZID, Z, floating or DATE). */
function resolveValue(
  line: ContentLine,
  raw: string,
  base: TimeBase,
  calendar: CalendarContext,
  state: ParseState,
): ResolvedValue {
  const value = parseDateValue(raw);
  if (!value) skip(`${line.name} "${raw}" on line ${line.line} is not a valid date or date-time`);
  if (value.kind === 'date') {
    const instant = wallToInstant(value.wall, base.allDay ? state.memberZone : base.zone);
    return { value, instant, baseWall: value.wall, day: value.wall };
  }
  if (value.kind === 'utc') {
    const baseWall = instantToWall(value.instant, base.zone);
    return { value, instant: value.instant, baseWall, day: startOfDay(baseWall) };
  }
  const tzid = param(line, 'TZID');
  let zone = base.floating || base.allDay ? state.memberZone : base.zone;
  if (tzid !== undefined) {
    const resolved = calendar.zones.resolve(tzid, value.wall);
    if (typeof resolved === 'string') skip(resolved);
    zone = resolved;
  }
  const instant = wallToInstant(value.wall, zone);
  return { value, instant, baseWall: instantToWall(instant, base.zone), day: startOfDay(value.wall) };
}

/** DTSTART and the duration (DTEND, DURATION or the RFC default) of an event. */
function readTiming(component: Component, calendar: CalendarContext, state: ParseState): Timing {
  const starts = props(component, 'DTSTART');
  const dtstart = starts[0];
  if (!dtstart) skip('it has no DTSTART');
  if (starts.length > 1) skip(`it has ${starts.length} DTSTART properties`);
  const value = parseDateValue(dtstart.value);
  if (!value) skip(`DTSTART "${dtstart.value}" on line ${dtstart.line} is not a valid date or date-time`);

  let base: TimeBase;
  let startWall: number;
  let start: number;
  if (value.kind === 'date') {
    base = { allDay: true, floating: false, zone: state.memberZone, label: state.memberZone.id };
    startWall = value.wall;
    start = wallToInstant(startWall, state.memberZone);
  } else if (value.kind === 'utc') {
    // A UTC time says when, not where: the member's zone is the best guess of where.
    base = { allDay: false, floating: false, zone: UTC_ZONE, label: state.memberZone.id };
    startWall = value.instant;
    start = value.instant;
  } else {
    const tzid = param(dtstart, 'TZID');
    let zone = state.memberZone;
    if (tzid !== undefined) {
      const resolved = calendar.zones.resolve(tzid, value.wall);
      if (typeof resolved === 'string') skip(resolved);
      zone = resolved;
    }
    base = { allDay: false, floating: tzid === undefined, zone, label: zone.id };
    startWall = value.wall;
    start = wallToInstant(startWall, zone);
  }

  const ends = props(component, 'DTEND');
  const dtend = ends[0];
  if (ends.length > 1) skip(`it has ${ends.length} DTEND properties`);
  let duration: NominalDuration;
  if (dtend) {
    const end = resolveValue(dtend, dtend.value, base, calendar, state);
    if ((end.value.kind === 'date') !== base.allDay) {
      skip(
        base.allDay
          ? `DTSTART is a date but DTEND on line ${dtend.line} is a date-time`
          : `DTSTART is a date-time but DTEND on line ${dtend.line} is a date`,
      );
    }
    if (base.allDay) {
      const days = Math.round((end.value.kind === 'date' ? end.value.wall - startWall : 0) / DAY_MS);
      if (days < 0) skip('it ends before it starts');
      // DTEND equal to DTSTART on a date event is invalid; producers that write it mean one day.
      duration = { days: Math.max(days, 1), ms: 0 };
    } else {
      if (end.instant < start) skip('it ends before it starts');
      duration = { days: 0, ms: end.instant - start };
    }
  } else {
    const durationProp = prop(component, 'DURATION');
    if (durationProp) {
      const parsed = parseDuration(durationProp.value);
      if (!parsed)
        skip(`DURATION "${durationProp.value}" on line ${durationProp.line} is not a valid duration`);
      if (parsed.days < 0 || parsed.ms < 0) skip('it ends before it starts (negative DURATION)');
      duration = base.allDay
        ? { days: Math.max(parsed.days + Math.floor(parsed.ms / DAY_MS), 1), ms: 0 }
        : parsed;
    } else {
      // RFC 5545 3.6.1: a date event lasts one day, a date-time event is a point in time.
      duration = base.allDay ? { days: 1, ms: 0 } : { days: 0, ms: 0 };
    }
  }
  // The same ceiling as the entries API: an "event" of months or centuries (a typo in a year, a
  // damaged file) is no time anyone spent, and its day facts would have to be rebuilt for every day.
  if (duration.days * DAY_MS + duration.ms > MAX_ENTRY_DAYS * DAY_MS) {
    skip(`it lasts more than ${MAX_ENTRY_DAYS} days`);
  }
  return { base, startWall, start, duration };
}

/** End instant of an occurrence: nominal days move the wall clock, the rest is exact time. */
function endOf(
  startWall: number,
  start: number,
  duration: NominalDuration,
  base: TimeBase,
  state: ParseState,
): number {
  let end: number;
  if (base.allDay) {
    end = wallToInstant(startWall + duration.days * DAY_MS, state.memberZone);
  } else if (duration.days !== 0) {
    end = wallToInstant(instantToWall(start, base.zone) + duration.days * DAY_MS, base.zone) + duration.ms;
  } else {
    end = start + duration.ms;
  }
  if (!Number.isFinite(end) || Math.abs(end) > 8.64e15 || Number.isNaN(new Date(end).getTime())) {
    skip('its duration is out of range');
  }
  return end;
}

/** How an original start appears in externalUid: the date, the floating local time or the UTC instant. */
function recurrenceLabel(base: TimeBase, wall: number, instant: number): string {
  if (base.allDay) return isoDate(wall);
  if (base.floating) return isoLocal(wall);
  return new Date(instant).toISOString();
}

/**
 * An original start within a series: its key (the date for all-day series, the instant otherwise, or
 * "date:YYYY-MM-DD" when a DATE names a whole day of a timed series), its local date, and its label.
 */
interface OriginalStart {
  key: string;
  date: string;
  label: string;
  wall: number;
  /** Null when the value names a whole day rather than one start. */
  instant: number | null;
}

function originalStart(base: TimeBase, wall: number, instant: number): OriginalStart {
  return {
    key: base.allDay ? isoDate(wall) : String(instant),
    date: isoDate(wall),
    label: recurrenceLabel(base, wall, instant),
    wall,
    instant,
  };
}

/** Reads a RECURRENCE-ID or EXDATE value in the series' time base. */
function originalFromValue(
  line: ContentLine,
  raw: string,
  base: TimeBase,
  calendar: CalendarContext,
  state: ParseState,
): OriginalStart {
  const resolved = resolveValue(line, raw, base, calendar, state);
  if (base.allDay) return originalStart(base, resolved.day, wallToInstant(resolved.day, state.memberZone));
  if (resolved.value.kind === 'date') {
    const date = isoDate(resolved.day);
    return { key: `date:${date}`, date, label: date, wall: resolved.day, instant: null };
  }
  return originalStart(base, resolved.baseWall, resolved.instant);
}

function isCancelled(component: Component, calendar: CalendarContext): boolean {
  return (
    prop(component, 'STATUS')?.value.trim().toUpperCase() === 'CANCELLED' || calendar.method === 'CANCEL'
  );
}

function summaryOf(component: Component): string | undefined {
  const summary = prop(component, 'SUMMARY');
  const title = summary ? unescapeText(summary.value).trim() : '';
  return title === '' ? undefined : title;
}

const MAILTO = 'mailto:';

/** An address as compared: trimmed, without "mailto:" (any case), lower-case. */
function address(value: string): string {
  let text = value.trim();
  let scheme = text.length >= MAILTO.length;
  for (let i = 0; scheme && i < MAILTO.length; i++) {
    const code = text.charCodeAt(i);
    scheme = (code === 58 ? code : code | 32) === MAILTO.charCodeAt(i);
  }
  if (scheme) text = text.slice(MAILTO.length).trim();
  return text.toLowerCase();
}

const PARTSTAT: Record<string, Rsvp> = {
  ACCEPTED: 'accepted',
  TENTATIVE: 'tentative',
  DECLINED: 'declined',
  DELEGATED: 'declined',
  'NEEDS-ACTION': 'needs_action',
};

const BUSY_STATUS: Record<string, ShowAs> = {
  FREE: 'free',
  TENTATIVE: 'tentative',
  OOF: 'out_of_office',
  BUSY: 'busy',
  WORKINGELSEWHERE: 'busy',
};

type Described = Pick<ParsedEntry, 'title' | 'attendees' | 'organizer' | 'rsvp' | 'showAs' | 'status'>;

/**
 * The people and availability facts of an event. An instance override inherits from its series
 * master every property it does not state itself (a moved instance often repeats only its times).
 */
function describe(component: Component, master: Component | undefined, state: ParseState): Described {
  const summary = inherited(component, master, 'SUMMARY')[0];
  const titleText = summary ? unescapeText(summary.value).trim() : '';

  const organizerProp = inherited(component, master, 'ORGANIZER')[0];
  const organizerAddress = organizerProp
    ? address(param(organizerProp, 'EMAIL') ?? organizerProp.value)
    : null;
  const memberEmails = state.memberEmails;

  const attendeeProps = inherited(component, master, 'ATTENDEE');
  const people = new Set<string>();
  let memberListed = false;
  let memberPartstat: string | undefined;
  for (let index = 0; index < attendeeProps.length; index++) {
    const attendee = attendeeProps[index] as ContentLine;
    const params = attendeeParams(attendee);
    const fromValue = address(attendee.value);
    const email = params.email === undefined ? fromValue : address(params.email);
    if (isMemberAddress(email, memberEmails) || isMemberAddress(fromValue, memberEmails)) {
      memberListed = true;
      memberPartstat ??= params.partstat?.toUpperCase() ?? 'NEEDS-ACTION';
    }
    const cutype = params.cutype?.toUpperCase();
    const role = params.role?.toUpperCase();
    // Rooms and resources are booked, not invited: a 1:1 in a meeting room is still two people.
    if (cutype === 'ROOM' || cutype === 'RESOURCE' || role === 'NON-PARTICIPANT') continue;
    people.add(email === '' ? `#${index}` : email);
  }
  if (attendeeProps.length > 0 && organizerAddress) people.add(organizerAddress);
  const memberIsOrganizer = isMemberAddress(organizerAddress, memberEmails);
  if (attendeeProps.length > 0 && memberEmails.size > 0 && !memberListed && !memberIsOrganizer) {
    people.add('#member');
  }

  const organizer = memberIsOrganizer || (!organizerProp && attendeeProps.length === 0);
  let rsvp: Rsvp = 'accepted';
  if (!memberIsOrganizer && memberPartstat !== undefined) rsvp = PARTSTAT[memberPartstat] ?? 'needs_action';

  const status = inherited(component, master, 'STATUS')[0]?.value.trim().toUpperCase();
  const busyStatus = inherited(component, master, 'X-MICROSOFT-CDO-BUSYSTATUS')[0]
    ?.value.trim()
    .toUpperCase();
  const transparent = inherited(component, master, 'TRANSP')[0]?.value.trim().toUpperCase() === 'TRANSPARENT';
  let showAs: ShowAs = 'busy';
  const fromBusyStatus = busyStatus ? BUSY_STATUS[busyStatus] : undefined;
  if (fromBusyStatus) showAs = fromBusyStatus;
  else if (transparent) showAs = 'free';
  else if (status === 'TENTATIVE') showAs = 'tentative';

  return {
    title: titleText === '' ? null : titleText,
    attendees: attendeeProps.length === 0 ? 0 : people.size,
    organizer,
    rsvp,
    showAs,
    status: status === 'TENTATIVE' ? 'tentative' : 'confirmed',
  };
}

/** A property of an instance override, or its series master's when the override does not state it. */
function inherited(
  component: Component,
  master: Component | undefined,
  name: string,
): readonly ContentLine[] {
  const own = props(component, name);
  return own.length > 0 || !master ? own : props(master, name);
}

function isMemberAddress(value: string | null, memberEmails: ReadonlySet<string>): boolean {
  return value !== null && value !== '' && memberEmails.has(value);
}

/** The parameters describe() reads of an ATTENDEE (each the first value of its first occurrence). */
function attendeeParams(line: ContentLine): {
  email?: string;
  partstat?: string;
  cutype?: string;
  role?: string;
} {
  const found: { email?: string; partstat?: string; cutype?: string; role?: string } = {};
  const { bytes, colon } = line;
  let i = nameEndWithin(bytes, line.start, colon + 1);
  while (bytes[i] === 59) {
    const nameStart = i + 1;
    i = nameStart;
    while (isNameChar(bytes[i])) i++;
    const key = nameIs(bytes, nameStart, i, 'EMAIL')
      ? 'email'
      : nameIs(bytes, nameStart, i, 'PARTSTAT')
        ? 'partstat'
        : nameIs(bytes, nameStart, i, 'CUTYPE')
          ? 'cutype'
          : nameIs(bytes, nameStart, i, 'ROLE')
            ? 'role'
            : null;
    const wanted = key !== null && found[key] === undefined;
    i++;
    let first = true;
    for (;;) {
      let valueStart = i;
      let valueEnd: number;
      if (bytes[i] === 34) {
        valueStart = i + 1;
        valueEnd = bytes.indexOf(34, valueStart);
        i = valueEnd + 1;
      } else {
        for (;;) {
          const code = bytes[i];
          if (code === 34 || code === 59 || code === 58 || code === 44) break;
          i++;
        }
        valueEnd = i;
      }
      if (wanted && first) found[key] = decodeParamValue(decode(bytes, valueStart, valueEnd));
      first = false;
      if (bytes[i] !== 44) break;
      i++;
    }
  }
  return found;
}

/** Per processed UID: what describe() said about each of its components (every occurrence asks). */
type Descriptions = Map<Component, Described>;

function emit(
  uid: string,
  seriesId: string | null,
  occurrence: Occurrence,
  base: TimeBase,
  master: Component | undefined,
  state: ParseState,
  descriptions: Descriptions,
): ParsedEntry {
  let described = descriptions.get(occurrence.component);
  if (!described) {
    described = describe(occurrence.component, master === occurrence.component ? undefined : master, state);
    descriptions.set(occurrence.component, described);
  }
  return {
    externalUid: occurrence.recurrence === null ? uid : `${uid}/${occurrence.recurrence}`,
    seriesId,
    title: described.title,
    attendees: described.attendees,
    organizer: described.organizer,
    rsvp: described.rsvp,
    showAs: described.showAs,
    status: described.status,
    start: new Date(occurrence.start),
    end: new Date(occurrence.end),
    timeZone: base.label,
    allDay: base.allDay,
    lineNumber: occurrence.component.line,
  };
}

function skipRecord(record: EventRecord, reason: string, component = record.component): SkippedEvent {
  const summary = summaryOf(component);
  return { uid: record.uid, ...(summary ? { summary } : {}), reason, line: component.line };
}

/** An override of one instance: its own times, or the master's duration from its new start. */
function overrideOccurrence(
  record: EventRecord,
  original: OriginalStart,
  masterTiming: Timing | null,
  state: ParseState,
): { occurrence: Occurrence; base: TimeBase } {
  const component = record.component;
  if (prop(component, 'DTSTART')) {
    const own = readTiming(component, record.calendar, state);
    const ownDuration = prop(component, 'DTEND') || prop(component, 'DURATION') || !masterTiming;
    const duration = ownDuration ? own.duration : masterTiming.duration;
    const end = endOf(own.startWall, own.start, duration, own.base, state);
    return { occurrence: { start: own.start, end, recurrence: original.label, component }, base: own.base };
  }
  // No DTSTART (RFC 5545 requires one, some producers omit it): the instance keeps its original start.
  if (!masterTiming || original.instant === null) skip('it has no DTSTART');
  const { base, duration } = masterTiming;
  const end = endOf(original.wall, original.instant, duration, base, state);
  return { occurrence: { start: original.instant, end, recurrence: original.label, component }, base };
}

/** True when `a` is a newer version than `b` (RFC 5545: higher SEQUENCE, then later DTSTAMP, then file order). */
function newer(a: EventRecord, b: EventRecord): boolean {
  if (a.sequence !== b.sequence) return a.sequence > b.sequence;
  if (a.stamp !== b.stamp) return a.stamp > b.stamp;
  return a.order > b.order;
}

/** Keeps the newest record per key and reports the others as superseded. */
function newestByKey<K>(
  records: Iterable<[K, EventRecord]>,
  state: ParseState,
  what: string,
): Map<K, EventRecord> {
  const kept = new Map<K, EventRecord>();
  for (const [key, record] of records) {
    const existing = kept.get(key);
    if (existing) {
      const [winner, loser] = newer(existing, record) ? [existing, record] : [record, existing];
      state.skipped.push(
        skipRecord(
          loser,
          `superseded by a newer version of the same ${what} on line ${winner.component.line}`,
        ),
      );
      kept.set(key, winner);
    } else {
      kept.set(key, record);
    }
  }
  return kept;
}

const INVALID_LINE_REASON = (line: number) => `line ${line} inside the event is not a valid iCalendar line`;

/**
 * Runs one step for one event record; a SkipEvent becomes a skipped record, anything else is
 * unexpected and propagates (the caller turns it into an IcsParseError).
 */
function guarded<T>(record: EventRecord, state: ParseState, step: () => T): T | undefined {
  if (record.component.invalidLine !== undefined) {
    state.skipped.push(skipRecord(record, INVALID_LINE_REASON(record.component.invalidLine)));
    return undefined;
  }
  try {
    return step();
  } catch (error) {
    if (!(error instanceof SkipEvent)) throw error;
    state.skipped.push(skipRecord(record, error.message));
    return undefined;
  }
}

/** Expands one UID: a single event, a recurring series with its overrides, or overrides without a master. */
function processUid(master: EventRecord | undefined, overrides: EventRecord[], state: ParseState): void {
  const uid = (master ?? overrides[0])?.uid ?? '';
  const produced: ParsedEntry[] = [];
  const descriptions: Descriptions = new Map();
  // Filled in by the master's step; an object so the closure below can write it.
  const series: { timing: Timing | null } = { timing: null };
  let pending = overrides;

  if (master) {
    const done = guarded(master, state, () => {
      const component = master.component;
      const timing = readTiming(component, master.calendar, state);
      series.timing = timing;
      // An override whose RECURRENCE-ID cannot be read is skipped on its own, not with its series.
      const keyed: [string, EventRecord][] = [];
      for (const override of overrides) {
        const recurrenceId = override.recurrenceId as ContentLine;
        const key = guarded(
          override,
          state,
          () =>
            originalFromValue(recurrenceId, recurrenceId.value, timing.base, override.calendar, state).key,
        );
        if (key !== undefined) keyed.push([key, override]);
      }
      const overrideKeys = newestByKey(keyed, state, 'instance');
      pending = [...overrideKeys.values()];
      const recurring =
        props(component, 'RRULE').length > 0 ||
        props(component, 'RDATE').some((p) => splitList(p.value).length > 0);
      const cancelled = isCancelled(component, master.calendar);

      if (!recurring) {
        const end = endOf(timing.startWall, timing.start, timing.duration, timing.base, state);
        if (!overlapsWindow(timing.start, end, state)) return true;
        if (cancelled) skip('the event is cancelled');
        produced.push(
          emit(
            uid,
            null,
            { start: timing.start, end, recurrence: null, component },
            timing.base,
            component,
            state,
            descriptions,
          ),
        );
        return true;
      }
      const occurrences = expandSeries(master, timing, overrideKeys, state);
      if (cancelled) {
        if (occurrences.length > 0 || pending.length > 0) skip('the recurring event is cancelled');
        return false;
      }
      for (const occurrence of occurrences) {
        produced.push(emit(uid, uid, occurrence, timing.base, component, state, descriptions));
      }
      return true;
    });
    // A master that cannot be read or is cancelled takes its instances with it.
    if (!done) return;
  }

  const cancelledInstances: SkippedEvent[] = [];
  for (const override of pending) {
    guarded(override, state, () => {
      const recurrenceId = override.recurrenceId as ContentLine;
      const timing = series.timing;
      const base = timing ? timing.base : readTiming(override.component, override.calendar, state).base;
      const original = originalFromValue(recurrenceId, recurrenceId.value, base, override.calendar, state);
      const { occurrence, base: ownBase } = overrideOccurrence(override, original, timing, state);
      const inWindow = overlapsWindow(occurrence.start, occurrence.end, state);
      if (isCancelled(override.component, override.calendar)) {
        const wasInWindow =
          original.instant !== null && original.instant >= state.from && original.instant < state.to;
        if (inWindow || wasInWindow) {
          cancelledInstances.push(skipRecord(override, `the instance of ${original.label} is cancelled`));
        }
        return;
      }
      if (inWindow) {
        produced.push(emit(uid, uid, occurrence, ownBase, master?.component, state, descriptions));
      }
    });
  }
  state.skipped.push(...cancelledInstances);

  produced.sort((a, b) => a.start.getTime() - b.start.getTime());
  const cap = state.options.maxOccurrencesPerSeries;
  if (produced.length > cap) {
    const record = master ?? (overrides[0] as EventRecord);
    state.skipped.push(
      skipRecord(
        record,
        `the series has more than ${cap} occurrences in the import window; only the first ${Math.min(cap, produced.length)} were imported`,
      ),
    );
    produced.length = Math.min(produced.length, cap);
  }
  state.entries.push(...produced);
}

/**
 * The generated occurrences of a series in the window: DTSTART, RRULE dates and RDATEs, minus EXDATE
 * and EXRULE dates and minus instances an override replaces (those are emitted on their own). Rule
 * dates are visited in order and the walk stops once the series is over its cap: later ones would be
 * cut anyway.
 */
function expandSeries(
  master: EventRecord,
  timing: Timing,
  overrideKeys: ReadonlyMap<string, EventRecord>,
  state: ParseState,
): Occurrence[] {
  const { base, duration } = timing;
  const component = master.component;
  const calendar = master.calendar;
  const cap = state.options.maxOccurrencesPerSeries;
  // Rules run on wall-clock times: widen the window by the largest UTC offset and the event's length,
  // then filter on real instants.
  const span = duration.days * DAY_MS + duration.ms;
  const fromWall = Math.max(state.from - MAX_OFFSET_MS - span - DAY_MS, timing.startWall);
  const toWall = state.to + MAX_OFFSET_MS + DAY_MS;
  const instantOf = (wall: number) => wallToInstant(wall, base.allDay ? state.memberZone : base.zone);
  const rules = (name: 'RRULE' | 'EXRULE'): PreparedRule[] =>
    props(component, name).map((line) => {
      const rule = buildRule(line.value, timing.startWall, base.allDay, base.zone, 2 * (cap + 1) + 100);
      return typeof rule === 'string' ? skip(`${rule} (line ${line.line})`) : rule;
    });

  const excluded = new Set<string>();
  for (const exdate of props(component, 'EXDATE')) {
    for (const raw of splitList(exdate.value))
      excluded.add(originalFromValue(exdate, raw, base, calendar, state).key);
  }
  for (const rule of rules('EXRULE')) {
    visitRuleStarts(rule, fromWall, toWall, (wall) => {
      excluded.add(originalStart(base, wall, instantOf(wall)).key);
      return true;
    });
  }
  const dropped = (original: OriginalStart) =>
    [original.key, `date:${original.date}`].some((key) => excluded.has(key) || overrideKeys.has(key));

  const candidates = new Map<string, Occurrence>();
  const add = (wall: number, start: number, end: number) => {
    const original = originalStart(base, wall, start);
    if (candidates.has(original.key) || dropped(original) || !overlapsWindow(start, end, state)) return;
    candidates.set(original.key, { start, end, recurrence: original.label, component });
  };
  const addWall = (wall: number) => {
    const start = instantOf(wall);
    add(wall, start, endOf(wall, start, duration, base, state));
  };

  addWall(timing.startWall);
  for (const rdate of props(component, 'RDATE')) {
    for (const raw of splitList(rdate.value)) {
      const [startText = '', endText] = raw.split('/');
      const resolved = resolveValue(rdate, startText, base, calendar, state);
      let wall = resolved.baseWall;
      let start = resolved.instant;
      if (base.allDay) {
        wall = resolved.day;
        start = instantOf(wall);
      } else if (resolved.value.kind === 'date') {
        // A date in a timed series: the series' time of day on that date.
        wall = resolved.day + (timing.startWall - startOfDay(timing.startWall));
        start = instantOf(wall);
      }
      if (endText === undefined) {
        add(wall, start, endOf(wall, start, duration, base, state));
        continue;
      }
      // VALUE=PERIOD: start/end or start/duration.
      const periodDuration = parseDuration(endText);
      const end = periodDuration
        ? endOf(wall, start, periodDuration, base, state)
        : resolveValue(rdate, endText, base, calendar, state).instant;
      if (end < start) skip(`the RDATE period "${raw}" on line ${rdate.line} ends before it starts`);
      if (end - start > MAX_ENTRY_DAYS * DAY_MS) {
        skip(`the RDATE period "${raw}" on line ${rdate.line} lasts more than ${MAX_ENTRY_DAYS} days`);
      }
      add(wall, start, end);
    }
  }
  // RDATEs are few and may come before the rule dates, so they are all in; the rule walk then stops
  // one past the cap (enough for the caller to see that the series was cut).
  const limit = candidates.size + cap + 1;
  for (const rule of rules('RRULE')) {
    visitRuleStarts(rule, fromWall, toWall, (wall) => {
      addWall(wall);
      return candidates.size < limit;
    });
  }
  return [...candidates.values()].sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------------

function checkOptions(options: IcsParseOptions): void {
  if (!ianaZone(options.memberTimeZone)) {
    throw new TypeError(`parseIcs: memberTimeZone "${options.memberTimeZone}" is not an IANA time zone`);
  }
  const { from, to } = options.window;
  if (
    !(from instanceof Date) ||
    !(to instanceof Date) ||
    Number.isNaN(from.getTime()) ||
    Number.isNaN(to.getTime()) ||
    from >= to
  ) {
    throw new TypeError('parseIcs: window must be two valid dates with from before to');
  }
  if (!Number.isInteger(options.maxOccurrencesPerSeries) || options.maxOccurrencesPerSeries < 1) {
    throw new TypeError('parseIcs: maxOccurrencesPerSeries must be a positive integer');
  }
}

/** A UID for events that lack one, derived from what identifies them so a re-import finds the same. */
function derivedUid(component: Component): string {
  const dtstart = prop(component, 'DTSTART');
  const key = [
    dtstart?.value ?? '',
    dtstart ? (param(dtstart, 'TZID') ?? '') : '',
    prop(component, 'DTEND')?.value ?? '',
    prop(component, 'SUMMARY')?.value ?? '',
    prop(component, 'DESCRIPTION')?.value ?? '',
    prop(component, 'RRULE')?.value ?? '',
    prop(component, 'RECURRENCE-ID')?.value ?? '',
  ].join('\u0000');
  return `generated-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

/** The events of one UID: its masters (normally one) and its instance overrides. */
interface UidGroup {
  masters: EventRecord[];
  overrides: EventRecord[];
}

function groupOf(record: EventRecord): UidGroup {
  return record.recurrenceId ? { masters: [], overrides: [record] } : { masters: [record], overrides: [] };
}

function parseUnchecked(bytes: Bytes, options: IcsParseOptions): IcsParseResult {
  const calendars = readCalendars(bytes);
  const memberZone = ianaZoneObject(options.memberTimeZone);
  const state: ParseState = {
    options,
    memberZone,
    memberEmails: new Set(options.memberEmails.map(address).filter((email) => email !== '')),
    from: options.window.from.getTime(),
    to: options.window.to.getTime(),
    entries: [],
    skipped: [],
  };

  let calendarName: string | null = null;
  const records: EventRecord[] = [];
  for (const calendar of calendars) {
    const nameProp = prop(calendar, 'X-WR-CALNAME') ?? prop(calendar, 'NAME');
    const name = nameProp ? unescapeText(nameProp.value).trim() : '';
    if (calendarName === null && name !== '') calendarName = name;

    const definitions = new Map<string, Component>();
    for (const child of calendar.children) {
      const tzid =
        child.name === 'VTIMEZONE'
          ? prop(child, 'TZID')
              ?.value.trim()
              .replace(/^"(.*)"$/, '$1')
          : undefined;
      if (tzid) {
        definitions.set(tzid, child);
        definitions.set(tzid.toUpperCase(), child);
      }
    }
    const context: CalendarContext = {
      method: prop(calendar, 'METHOD')?.value.trim().toUpperCase() ?? null,
      zones: new ZoneResolver(definitions, memberZone, {
        from: state.from - 5 * YEAR_MS,
        to: state.to + 2 * YEAR_MS,
      }),
    };
    for (const child of calendar.children) {
      if (child.name !== 'VEVENT') continue;
      // Read by the first pass (see keepIdentity).
      const uid = child.uid === undefined ? '' : unescapeText(child.uid).trim();
      records.push({
        component: child,
        calendar: context,
        uid: uid === '' ? derivedUid(child) : uid,
        recurrenceId: prop(child, 'RECURRENCE-ID'),
        sequence: child.sequence ?? sequenceOf('0'),
        stamp: child.stamp ?? stampOf(''),
        order: records.length,
      });
    }
  }

  // Most UIDs have one record (tens of thousands in a large file): that record, until a second one
  // makes a group of them.
  const byUid = new Map<string, EventRecord | UidGroup>();
  for (const record of records) {
    const found = byUid.get(record.uid);
    if (!found) {
      byUid.set(record.uid, record);
      continue;
    }
    const group = 'masters' in found ? found : groupOf(found);
    if (group !== found) byUid.set(record.uid, group);
    (record.recurrenceId ? group.overrides : group.masters).push(record);
  }

  for (const [uid, found] of byUid) {
    const { masters, overrides } = 'masters' in found ? found : groupOf(found);
    const master =
      masters.length <= 1
        ? masters[0]
        : newestByKey(
            masters.map((record): [string, EventRecord] => [uid, record]),
            state,
            'event',
          ).get(uid);
    const line = (master ?? overrides[0])?.component.line ?? null;
    try {
      processUid(master, overrides, state);
      forgetEventLines();
    } catch (error) {
      if (error instanceof IcsParseError) throw error;
      throw new IcsParseError(
        `The event on line ${line} could not be read because of an unexpected problem (${messageOf(error)}).`,
        line,
      );
    }
  }

  // By start, then externalUid (sort keys read once: a large import sorts tens of thousands).
  const keyed = state.entries.map((entry) => ({
    start: entry.start.getTime(),
    uid: entry.externalUid,
    entry,
  }));
  keyed.sort((a, b) => a.start - b.start || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  return { calendarName, entries: keyed.map((item) => item.entry), skipped: state.skipped };
}

/**
 * Parses an iCalendar file into entries for one member. Throws IcsParseError for a file it refuses
 * (see the error policy at the top of this file); never throws anything else for any text. The file
 * is its text or its UTF-8 bytes (an upload's own buffer: read as is, not copied).
 */
export function parseIcs(text: string | Uint8Array, options: IcsParseOptions): IcsParseResult {
  checkOptions(options);
  try {
    const bytes =
      typeof text === 'string'
        ? Buffer.from(text, 'utf8')
        : Buffer.isBuffer(text)
          ? text
          : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
    return parseUnchecked(bytes, options);
  } catch (error) {
    if (error instanceof IcsParseError) throw error;
    throw new IcsParseError(
      `The calendar could not be read because of an unexpected problem (${messageOf(error)}).`,
    );
  } finally {
    // The remembered events point into these bytes: let both go with the parse.
    forgetEventLines();
  }
}
