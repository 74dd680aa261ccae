import type { IsoWeek, IsoWeekday, TimeRange, WorkingHours } from '@tiltmeter/shared';

/**
 * Calendar and zone math for the engines. Civil dates (`YYYY-MM-DD`) and ISO weeks are zone-free
 * calendar facts, so they are computed with plain day arithmetic; only turning a local date or clock
 * time into an instant needs the zone, and that goes through {@link zoneOffset}, which reads the
 * runtime's time zone data (Intl) and knows DST. Instants are epoch milliseconds.
 */

export const MINUTE_MS = 60_000;
const SECOND_MS = 1000;
const DAY_MS = 86_400_000;

export interface Interval {
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
}

interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function parseDate(date: string): CivilDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a local date: ${date}`);
  const civil = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  // Date.UTC rolls 2026-02-30 over to March; a date that does not survive the round trip is invalid.
  if (formatDate(civil) !== formatDate(fromDayNumber(toDayNumber(civil)))) {
    throw new RangeError(`not a local date: ${date}`);
  }
  return civil;
}

function formatDate({ year, month, day }: CivilDate): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Days since 1970-01-01 of a civil date: UTC is only used as a zone-free calendar here. */
function toDayNumber({ year, month, day }: CivilDate): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

function fromDayNumber(dayNumber: number): CivilDate {
  const date = new Date(dayNumber * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * The answers below are pure functions of their inputs and the write path asks the same questions for
 * every entry of a day, so they are remembered; the caches are bounded and simply start over when full.
 */
const CACHE_LIMIT = 100_000;

function remembered<K, T>(cache: Map<K, T>, key: K, compute: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/** Day numbers of local dates, and back: most of the calendar math below starts from one. */
const dayNumbers = new Map<string, number>();
const dayNumberOf = (date: string) => remembered(dayNumbers, date, () => toDayNumber(parseDate(date)));
const dateTexts = new Map<number, string>();
const dateOfDayNumber = (dayNumber: number) =>
  remembered(dateTexts, dayNumber, () => formatDate(fromDayNumber(dayNumber)));

/** Adds whole days to a local date. */
export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumberOf(date) + days);
}

/** ISO weekday of a local date, Monday = 1 ... Sunday = 7. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumberOf(date) + 3) % 7) + 7) % 7) + 1;
}

// ---------------------------------------------------------------------------------------------
// Zone offsets
// ---------------------------------------------------------------------------------------------

/**
 * A zone's offsets, learnt one UTC day at a time: a day holds either one offset throughout or exactly
 * one transition (found to the second by bisection). Two transitions are never within a day of each
 * other: the closest pair in the tz database since 1800 is about four days apart. So after a couple
 * of Intl calls per day and zone, every offset question is a map lookup.
 */
interface ZoneOffsets {
  /** Offset in ms east of UTC at a whole second, from the runtime's time zone data. */
  exact: (second: number) => number;
  /** Per UTC day number: the offset of the whole day, or its transition. */
  days: Map<number, number | DayTransition>;
}

interface DayTransition {
  /** First instant (a whole second) with the new offset. */
  at: number;
  before: number;
  after: number;
}

const zones = new Map<string, ZoneOffsets>();
const OFFSET_DAYS_LIMIT = 200_000;
let offsetDays = 0;

/**
 * A zone name as a cache key: copied, because V8 keeps a substring of 13 characters or more as a view
 * into its parent, and a name cut from an uploaded file would keep the whole upload alive.
 */
function ownCopy(name: string): string {
  return name.length < 13 ? name : ` ${name}`.slice(1);
}

/** A name Intl does not know is read as a fixed offset (`±HH:MM`, `±HHMM`, `±HH`) where it holds one. */
const FIXED_OFFSET = /([+-]\d\d):?(\d\d)?/;

function zoneOffsetsOf(timeZone: string): ZoneOffsets {
  let zone = zones.get(timeZone);
  if (zone) return zone;
  let exact: (second: number) => number;
  try {
    const formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    exact = (second) => exactOffset(formatter, second);
  } catch {
    // As TZDate read them (the minutes take the sign of the hours, unless the hours are zero).
    const match = FIXED_OFFSET.exec(timeZone);
    const hours = Number(match?.[1] ?? Number.NaN);
    const minutes = Number(match?.[2] ?? 0);
    const offset = (hours * 60 + minutes > 0 ? hours * 60 + minutes : hours * 60 - minutes) * MINUTE_MS;
    exact = () => offset;
  }
  zone = { exact, days: new Map() };
  zones.set(ownCopy(timeZone), zone);
  return zone;
}

function exactOffset(formatter: Intl.DateTimeFormat, second: number): number {
  let year = 1970;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let sec = 0;
  let bc = false;
  for (const part of formatter.formatToParts(second)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        sec = Number(part.value);
        break;
      case 'era':
        bc = part.value === 'BC' || part.value === 'B';
        break;
    }
  }
  // Date.UTC reads years 0-99 as 1900-1999: set the year separately.
  const wall = new Date(Date.UTC(2000, month - 1, day, hour, minute, sec));
  wall.setUTCFullYear(bc ? 1 - year : year);
  return wall.getTime() - second;
}

/** The offset of an IANA zone (or a `±HH:MM` name) at an instant, in ms east of UTC; NaN for an unknown zone. */
export function zoneOffset(timeZone: string, instant: number): number {
  if (!Number.isFinite(instant)) return Number.NaN;
  const zone = zoneOffsetsOf(timeZone);
  const dayNumber = Math.floor(instant / DAY_MS);
  let known = zone.days.get(dayNumber);
  if (known === undefined) {
    known = offsetsOfDay(zone, dayNumber);
    if (offsetDays >= OFFSET_DAYS_LIMIT) {
      for (const other of zones.values()) other.days.clear();
      offsetDays = 0;
    }
    zone.days.set(dayNumber, known);
    offsetDays++;
  }
  if (typeof known === 'number') return known;
  return Math.floor(instant / SECOND_MS) * SECOND_MS >= known.at ? known.after : known.before;
}

function offsetsOfDay(zone: ZoneOffsets, dayNumber: number): number | DayTransition {
  const first = dayNumber * DAY_MS;
  const before = zone.exact(first);
  const after = zone.exact(first + DAY_MS - SECOND_MS);
  if (before === after || Number.isNaN(before) || Number.isNaN(after)) return before;
  // The first second with the new offset: `low` has the old one, `high` the new one.
  let low = first;
  let high = first + DAY_MS - SECOND_MS;
  while (high - low > SECOND_MS) {
    const middle = low + Math.floor((high - low) / 2 / SECOND_MS) * SECOND_MS;
    if (zone.exact(middle) === before) low = middle;
    else high = middle;
  }
  return { at: high, before, after };
}

/**
 * The instant of a wall-clock time (its fields encoded as UTC ms) in a zone. A time inside a
 * spring-forward gap moves forward by the gap, as a wall clock does; a time that occurs twice resolves
 * with the offset in force at the wall-clock value read as UTC. This is the resolution of TZDate (the
 * library this module used before) step for step, with the same instants for every zone and date
 * since 1935 (checked around every transition); TZDate only differed where an old local mean time had
 * an offset with seconds (Africa/Monrovia until 1972), where it was off by those seconds.
 */
function wallToInstant(wall: number, timeZone: string): number {
  const offset = (instant: number) => zoneOffset(timeZone, instant);
  const first = offset(wall);
  let instant = wall - first;
  const second = offset(instant);
  if (second !== first) {
    // Spring forward: the wall time does not exist with the new offset either; keep the old one.
    const inGap = second > first && offset(wall - second) !== second;
    if (!inGap) {
      instant = wall - second;
      const third = offset(instant);
      if (third !== second && first < second) instant += second - third;
    }
  }
  const drift = wall - (instant + offset(instant));
  if (drift && Math.abs(drift) < 30 * MINUTE_MS) instant += drift;
  return instant;
}

// ---------------------------------------------------------------------------------------------
// Local dates and times
// ---------------------------------------------------------------------------------------------

/** Per zone: the instant each local day (by day number) starts. */
const dayStarts = new Map<string, Map<number, number>>();
let dayStartsCached = 0;

function dayStartOf(dayNumber: number, timeZone: string): number {
  let byDay = dayStarts.get(timeZone);
  const known = byDay?.get(dayNumber);
  if (known !== undefined) return known;
  const start = wallToInstant(dayNumber * DAY_MS, timeZone);
  if (dayStartsCached >= CACHE_LIMIT) {
    dayStarts.clear();
    dayStartsCached = 0;
    byDay = undefined;
  }
  if (!byDay) {
    byDay = new Map();
    dayStarts.set(ownCopy(timeZone), byDay);
  }
  byDay.set(dayNumber, start);
  dayStartsCached++;
  return start;
}

/**
 * The local day (number) of an instant in a zone: the day whose bounds hold the instant. That is the
 * date of the local clock reading, checked against the bounds (a day whose midnight falls in a DST
 * overlap starts at one of the two midnights); every zone is within a day of UTC, so otherwise it is
 * the UTC date or a neighbour.
 */
function localDayNumberOf(ms: number, timeZone: string): number {
  const reading = Math.floor((ms + zoneOffset(timeZone, ms)) / DAY_MS);
  if (ms >= dayStartOf(reading, timeZone) && ms < dayStartOf(reading + 1, timeZone)) return reading;
  const utcDay = Math.floor(ms / DAY_MS);
  for (const offset of [0, -1, 1]) {
    const dayNumber = utcDay + offset;
    if (ms >= dayStartOf(dayNumber, timeZone) && ms < dayStartOf(dayNumber + 1, timeZone)) {
      return dayNumber;
    }
  }
  return reading;
}

/** The local date of an instant in a zone. */
export function localDateOf(instant: Date | number, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const dayNumber = localDayNumberOf(ms, timeZone);
  // Not a number (an invalid instant or zone): formatted like the calendar fields of an invalid date.
  return Number.isFinite(dayNumber) ? dateOfDayNumber(dayNumber) : formatDate(fromDayNumber(dayNumber));
}

const localInstants = new Map<string, number>();

/**
 * The instant of a local clock time on a local date. `24:00` is the next midnight. A time that does not
 * exist (inside a spring-forward gap) moves forward by the gap, which is what a wall clock does.
 */
export function localTimeToInstant(date: string, clock: string, timeZone: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!match) throw new RangeError(`not a clock time: ${clock}`);
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours === 24 && minutes === 0) return dayStart(addDays(date, 1), timeZone);
  return remembered(localInstants, `${timeZone}\u0000${date}\u0000${clock}`, () => {
    const { year, month, day } = parseDate(date);
    return wallToInstant(Date.UTC(year, month - 1, day, hours, minutes), timeZone);
  });
}

function dayStart(date: string, timeZone: string): number {
  return dayStartOf(dayNumberOf(date), timeZone);
}

/** The instants a local date covers: 23, 24 or 25 hours depending on DST. */
export function dayBounds(date: string, timeZone: string): Interval {
  const dayNumber = dayNumberOf(date);
  return { start: dayStartOf(dayNumber, timeZone), end: dayStartOf(dayNumber + 1, timeZone) };
}

/** The local dates an interval touches, in order; an end exactly at midnight does not touch the next day. */
export function localDatesTouched(
  interval: { start: Date | number; end: Date | number },
  timeZone: string,
): string[] {
  const start = typeof interval.start === 'number' ? interval.start : interval.start.getTime();
  const end = typeof interval.end === 'number' ? interval.end : interval.end.getTime();
  const first = localDayNumberOf(start, timeZone);
  if (!Number.isFinite(first)) {
    // An invalid instant or zone: its "date" is not one (dayNumberOf refuses it) unless nothing follows.
    const date = localDateOf(start, timeZone);
    if (!(end <= start)) dayNumberOf(date);
    return [date];
  }
  const dates = [dateOfDayNumber(first)];
  if (end <= start) return dates;
  let dayNumber = first;
  while (dayStartOf(dayNumber + 1, timeZone) < end) {
    dayNumber++;
    dates.push(dateOfDayNumber(dayNumber));
  }
  return dates;
}

// ---------------------------------------------------------------------------------------------
// ISO weeks
// ---------------------------------------------------------------------------------------------

function parseIsoWeek(week: IsoWeek): { year: number; week: number } {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new RangeError(`not an ISO week: ${week}`);
  const parsed = { year: Number(match[1]), week: Number(match[2]) };
  if (parsed.week < 1 || parsed.week > isoWeeksInYear(parsed.year)) {
    throw new RangeError(`not an ISO week: ${week}`);
  }
  return parsed;
}

/** Monday of ISO week 1: the week that holds January 4th. */
function mondayOfWeekOne(year: number): number {
  const jan4 = toDayNumber({ year, month: 1, day: 4 });
  const weekday = ((((jan4 + 3) % 7) + 7) % 7) + 1;
  return jan4 - (weekday - 1);
}

function isoWeeksInYear(year: number): number {
  return (mondayOfWeekOne(year + 1) - mondayOfWeekOne(year)) / 7;
}

const weeksOfDates = new Map<string, IsoWeek>();

/** The ISO week a local date belongs to. */
export function isoWeekOfDate(date: string): IsoWeek {
  return remembered(weeksOfDates, date, () => {
    const dayNumber = dayNumberOf(date);
    // The ISO year of a date is the calendar year of the Thursday of its week.
    const thursday = dayNumber - (isoWeekday(date) - 1) + 3;
    const year = fromDayNumber(thursday).year;
    const week = (thursday - mondayOfWeekOne(year) - 3) / 7 + 1;
    return `${pad(year, 4)}-W${pad(week)}` as IsoWeek;
  });
}

/** The ISO week an instant falls in, in a zone. */
export function isoWeekOf(instant: Date | number, timeZone: string): IsoWeek {
  return isoWeekOfDate(localDateOf(instant, timeZone));
}

const datesOfWeeks = new Map<string, readonly string[]>();

/** The seven local dates of an ISO week, Monday first. The same in every zone. */
export function datesOfIsoWeek(week: IsoWeek): string[] {
  return [
    ...remembered(datesOfWeeks, week, () => {
      const { year, week: number } = parseIsoWeek(week);
      const monday = mondayOfWeekOne(year) + (number - 1) * 7;
      return Array.from({ length: 7 }, (_, i) => formatDate(fromDayNumber(monday + i)));
    }),
  ];
}

/** The instants an ISO week covers in a zone: 167 or 169 hours when it holds a DST change. */
export function isoWeekBounds(week: IsoWeek, timeZone: string): Interval {
  const dates = datesOfIsoWeek(week);
  return { start: dayStart(dates[0] as string, timeZone), end: dayBounds(dates[6] as string, timeZone).end };
}

const weekIndexes = new Map<string, number>();

/** A monotonic week number (weeks since the ISO week of 1970-01-01), for week arithmetic. */
export function isoWeekIndex(week: IsoWeek): number {
  return remembered(weekIndexes, week, () => {
    const monday = dayNumberOf(datesOfIsoWeek(week)[0] as string);
    // 1969-12-29 (day -3) is the Monday of the week holding 1970-01-01.
    return (monday + 3) / 7;
  });
}

export function isoWeekFromIndex(index: number): IsoWeek {
  return isoWeekOfDate(formatDate(fromDayNumber(index * 7 - 3)));
}

export function addIsoWeeks(week: IsoWeek, weeks: number): IsoWeek {
  return isoWeekFromIndex(isoWeekIndex(week) + weeks);
}

// ---------------------------------------------------------------------------------------------
// Working hours
// ---------------------------------------------------------------------------------------------

export function workingRangesOf(date: string, workingHours: WorkingHours): TimeRange[] {
  return workingHours[String(isoWeekday(date)) as IsoWeekday] ?? [];
}

/** The working-hours intervals of one local date as instants, merged and sorted. */
export function workingIntervals(date: string, workingHours: WorkingHours, timeZone: string): Interval[] {
  const intervals = workingRangesOf(date, workingHours)
    .map((range) => ({
      start: localTimeToInstant(date, range.start, timeZone),
      end: localTimeToInstant(date, range.end, timeZone),
    }))
    .filter((interval) => interval.end > interval.start)
    .sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of intervals) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}
