import { dayNumberOf, localDateOf } from '../../../lib/iso-week.ts';
import { wallClock } from './zoned-time.ts';

/**
 * Lays a week of entries out as a calendar: each entry is cut into the local days it touches, long
 * ones (12 hours or more of a day: all-day events, leave) go to the all-day row, and overlapping
 * ones share their day's width side by side, each as wide as its neighbours allow.
 */

const DAY_MINUTES = 1440;
/** A piece of a day at least this long is drawn in the all-day row. */
export const ALL_DAY_MINUTES = 720;

export interface TimedEntry {
  id: string;
  start: string;
  end: string;
}

export interface DaySegment<E extends TimedEntry> {
  entry: E;
  date: string;
  /** Minutes since local midnight. */
  startMinute: number;
  endMinute: number;
  /** The entry began on an earlier day / goes on into a later one. */
  continuesBefore: boolean;
  continuesAfter: boolean;
}

export interface PlacedSegment<E extends TimedEntry> extends DaySegment<E> {
  /** Column within its group of overlapping entries, from 0. */
  column: number;
  /** Columns of that group. */
  columns: number;
  /** Columns the segment may fill to its right without covering a neighbour (at least 1). */
  span: number;
}

export interface DayLayout<E extends TimedEntry> {
  date: string;
  timed: PlacedSegment<E>[];
  allDay: DaySegment<E>[];
}

/** Cuts entries into per-day segments of the given local dates (in order). */
export function splitIntoDays<E extends TimedEntry>(
  entries: readonly E[],
  dates: readonly string[],
  timeZone: string,
): DaySegment<E>[] {
  const segments: DaySegment<E>[] = [];
  for (const entry of entries) {
    const start = wallClock(entry.start, timeZone);
    let end = wallClock(entry.end, timeZone);
    // An entry ending at midnight ends the day before, not with an empty piece of the next day.
    if (end.minutes === 0 && end.date > start.date) {
      end = { date: localDateOf(dayNumberOf(end.date) - 1), minutes: DAY_MINUTES };
    }
    for (const date of dates) {
      if (date < start.date || date > end.date) continue;
      const startMinute = date === start.date ? start.minutes : 0;
      const endMinute = date === end.date ? end.minutes : DAY_MINUTES;
      if (endMinute <= startMinute) continue;
      segments.push({
        entry,
        date,
        startMinute,
        endMinute,
        continuesBefore: date !== start.date,
        continuesAfter: date !== end.date,
      });
    }
  }
  return segments;
}

/** Places a day's timed segments in columns so that overlapping ones sit side by side. */
export function placeOverlapping<E extends TimedEntry>(
  segments: readonly DaySegment<E>[],
): PlacedSegment<E>[] {
  const sorted = [...segments].sort(
    (a, b) =>
      a.startMinute - b.startMinute || b.endMinute - a.endMinute || a.entry.id.localeCompare(b.entry.id),
  );
  const placed: PlacedSegment<E>[] = [];
  let group: PlacedSegment<E>[] = [];
  let columnEnds: number[] = [];
  let groupEnd = -1;

  const closeGroup = () => {
    const columns = columnEnds.length;
    for (const segment of group) {
      segment.columns = columns;
      let span = 1;
      for (let column = segment.column + 1; column < columns; column++) {
        const blocked = group.some(
          (other) =>
            other.column === column &&
            other.startMinute < segment.endMinute &&
            segment.startMinute < other.endMinute,
        );
        if (blocked) break;
        span++;
      }
      segment.span = span;
    }
    placed.push(...group);
    group = [];
    columnEnds = [];
    groupEnd = -1;
  };

  for (const segment of sorted) {
    if (group.length > 0 && segment.startMinute >= groupEnd) closeGroup();
    let column = columnEnds.findIndex((end) => end <= segment.startMinute);
    if (column === -1) {
      column = columnEnds.length;
      columnEnds.push(segment.endMinute);
    } else {
      columnEnds[column] = segment.endMinute;
    }
    group.push({ ...segment, column, columns: 1, span: 1 });
    groupEnd = Math.max(groupEnd, segment.endMinute);
  }
  if (group.length > 0) closeGroup();
  return placed;
}

/** The week as days: the all-day row and the timed entries of each local date, placed. */
export function layoutWeek<E extends TimedEntry>(
  entries: readonly E[],
  dates: readonly string[],
  timeZone: string,
): DayLayout<E>[] {
  const segments = splitIntoDays(entries, dates, timeZone);
  return dates.map((date) => {
    const ofDay = segments.filter((segment) => segment.date === date);
    return {
      date,
      allDay: ofDay.filter((segment) => segment.endMinute - segment.startMinute >= ALL_DAY_MINUTES),
      timed: placeOverlapping(
        ofDay.filter((segment) => segment.endMinute - segment.startMinute < ALL_DAY_MINUTES),
      ),
    };
  });
}

/**
 * The hours to draw: the working day with an hour either side, widened to whatever the week's
 * timed entries need (evening work must stay visible: it is what after-hours signals are about).
 */
export function visibleHours(
  days: readonly DayLayout<TimedEntry>[],
  working: { startMinute: number; endMinute: number } | null,
): { startHour: number; endHour: number } {
  let start = working ? Math.floor(working.startMinute / 60) - 1 : 8;
  let end = working ? Math.ceil(working.endMinute / 60) + 1 : 18;
  for (const day of days) {
    for (const segment of day.timed) {
      start = Math.min(start, Math.floor(segment.startMinute / 60));
      end = Math.max(end, Math.ceil(segment.endMinute / 60));
    }
  }
  return { startHour: Math.max(0, start), endHour: Math.min(24, Math.max(end, start + 1)) };
}
