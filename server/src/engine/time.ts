import { TZDate } from '@date-fns/tz';
import type { IsoWeek, IsoWeekday, TimeRange, WorkingHours } from '@tiltmeter/shared';

/**
 * Calendar and zone math for the engines. Civil dates (`YYYY-MM-DD`) and ISO weeks are zone-free
 * calendar facts, so they are computed with plain day arithmetic; only turning a local date or clock
 * time into an instant needs the zone, and that goes through `TZDate`, which knows DST. Instants are
 * epoch milliseconds.
 */

export const MINUTE_MS = 60_000;
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

/** Day numbers of local dates: most of the calendar math below starts from one. */
const dayNumbers = new Map<string, number>();
const dayNumberOf = (date: string) => remembered(dayNumbers, date, () => toDayNumber(parseDate(date)));

/** Adds whole days to a local date. */
export function addDays(date: string, days: number): string {
  return formatDate(fromDayNumber(dayNumberOf(date) + days));
}

/** ISO weekday of a local date, Monday = 1 ... Sunday = 7. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumberOf(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * Zone math through TZDate costs microseconds per call (it asks Intl for offsets), and the write path
 * asks the same questions for every entry of a day. The answers are pure functions of their inputs,
 * so they are remembered; the caches are bounded and simply start over when full.
 */
const CACHE_LIMIT = 100_000;

function remembered<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, value);
  }
  return value;
}

const dayStarts = new Map<string, number>();
const localInstants = new Map<string, number>();

/**
 * The local date of an instant in a zone. Every zone is within a day of UTC, so the local date is the
 * UTC date or a neighbour: the one whose (remembered) bounds hold the instant.
 */
export function localDateOf(instant: Date | number, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const utcDay = Math.floor(ms / DAY_MS);
  if (Number.isFinite(utcDay)) {
    for (const offset of [0, -1, 1]) {
      const date = formatDate(fromDayNumber(utcDay + offset));
      if (
        ms >= dayStart(date, timeZone) &&
        ms < dayStart(formatDate(fromDayNumber(utcDay + offset + 1)), timeZone)
      ) {
        return date;
      }
    }
  }
  const local = new TZDate(ms, timeZone);
  return formatDate({ year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() });
}

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
    return new TZDate(year, month - 1, day, hours, minutes, timeZone).getTime();
  });
}

function dayStart(date: string, timeZone: string): number {
  return remembered(dayStarts, `${timeZone}\u0000${date}`, () => {
    const { year, month, day } = parseDate(date);
    return new TZDate(year, month - 1, day, timeZone).getTime();
  });
}

/** The instants a local date covers: 23, 24 or 25 hours depending on DST. */
export function dayBounds(date: string, timeZone: string): Interval {
  return { start: dayStart(date, timeZone), end: dayStart(addDays(date, 1), timeZone) };
}

/** The local dates an interval touches, in order; an end exactly at midnight does not touch the next day. */
export function localDatesTouched(
  interval: { start: Date | number; end: Date | number },
  timeZone: string,
): string[] {
  const start = typeof interval.start === 'number' ? interval.start : interval.start.getTime();
  const end = typeof interval.end === 'number' ? interval.end : interval.end.getTime();
  const first = localDateOf(start, timeZone);
  if (end <= start) return [first];
  const dates = [first];
  let date = first;
  while (dayBounds(date, timeZone).end < end) {
    date = addDays(date, 1);
    dates.push(date);
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
