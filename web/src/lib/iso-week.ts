/**
 * ISO weeks (`2026-W05`) and local dates (`2026-02-02`) in the browser, without a date library: the
 * dashboard only needs to name weeks, step through them and list their days. Days are counted as
 * whole UTC days so no local time zone or DST can shift them.
 */

const DAY_MS = 86_400_000;
const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** Days since 1970-01-01 of the Monday of ISO week 1: the week that holds 4 January. */
function mondayOfWeekOne(year: number): number {
  const jan4 = Date.UTC(year, 0, 4) / DAY_MS;
  const weekday = (((jan4 + 3) % 7) + 7) % 7; // 0 = Monday
  return jan4 - weekday;
}

function weeksInYear(year: number): number {
  return (mondayOfWeekOne(year + 1) - mondayOfWeekOne(year)) / 7;
}

/** Whether the string names a week that exists (2026-W53 does, 2025-W53 does not). */
export function isIsoWeek(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = WEEK_PATTERN.exec(value);
  if (!match) return false;
  const week = Number(match[2]);
  return week >= 1 && week <= weeksInYear(Number(match[1]));
}

/** Day number (days since 1970-01-01) of the week's Monday. */
export function mondayDayNumber(week: string): number {
  const match = WEEK_PATTERN.exec(week);
  if (!match) throw new Error(`Not an ISO week: ${week}`);
  return mondayOfWeekOne(Number(match[1])) + (Number(match[2]) - 1) * 7;
}

/** The ISO week a day number falls in. */
export function isoWeekOfDayNumber(day: number): string {
  // The Thursday of the day's week decides the year.
  const weekday = (((day + 3) % 7) + 7) % 7;
  const thursday = day - weekday + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - mondayOfWeekOne(year)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function dayNumberOf(localDate: string): number {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function localDateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addIsoWeeks(week: string, weeks: number): string {
  return isoWeekOfDayNumber(mondayDayNumber(week) + weeks * 7);
}

/** Weeks from `from` to `to`; 0 when they are the same week. */
export function weeksBetween(from: string, to: string): number {
  return (mondayDayNumber(to) - mondayDayNumber(from)) / 7;
}

/** The seven local dates of a week, Monday first. */
export function daysOfWeek(week: string): string[] {
  const monday = mondayDayNumber(week);
  return Array.from({ length: 7 }, (_, index) => localDateOf(monday + index));
}

/** Today's date in a time zone, as `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The current ISO week in a time zone (the member's own for personal views, UTC for team views). */
export function currentIsoWeek(timeZone = 'UTC', now: Date = new Date()): string {
  return isoWeekOfDayNumber(dayNumberOf(todayIn(timeZone, now)));
}

/** The weeks from `from` to `to`, both included, oldest first. */
export function weekRange(from: string, to: string): string[] {
  const count = weeksBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, index) => addIsoWeeks(from, index));
}

const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const shortDateYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "9 – 15 Nov 2026" (or "28 Dec 2026 – 3 Jan 2027" across a year). */
export function formatWeekSpan(from: string, to: string = from): string {
  const start = new Date(mondayDayNumber(from) * DAY_MS);
  const end = new Date((mondayDayNumber(to) + 6) * DAY_MS);
  if (start.getUTCFullYear() !== end.getUTCFullYear()) {
    return `${shortDateYear.format(start)} – ${shortDateYear.format(end)}`;
  }
  if (start.getUTCMonth() === end.getUTCMonth()) {
    return `${start.getUTCDate()} – ${shortDateYear.format(end)}`;
  }
  return `${shortDate.format(start)} – ${shortDateYear.format(end)}`;
}

/** "W05" from "2026-W05": the short label of chart axes. */
export function shortWeekLabel(week: string): string {
  return week.slice(5);
}

const dayLabelFormats = {
  short: new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }),
  long: new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }),
};

/** "Mon 9 Nov" for a local date ("Monday 9 Nov" with the long weekday). */
export function formatDayLabel(localDate: string, options: { weekday?: 'short' | 'long' } = {}): string {
  return dayLabelFormats[options.weekday ?? 'short'].format(new Date(dayNumberOf(localDate) * DAY_MS));
}
