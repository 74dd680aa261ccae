import type { Category, ManagerSubtype, WorkingHours } from '@tiltmeter/shared';
import { DEFAULT_WORKING_HOURS } from '@tiltmeter/shared';
import type { DayContext, MetricEntry, WeekContext } from '../../../server/src/engine/index.ts';
import { addDays, localTimeToInstant } from '../../../server/src/engine/index.ts';

export const BERLIN = 'Europe/Berlin';
/** Monday of ISO week 2026-W05. */
export const MONDAY = '2026-01-26';

export function dayContext(overrides: Partial<DayContext> = {}): DayContext {
  return { timeZone: BERLIN, workingHours: DEFAULT_WORKING_HOURS, deepBlockMinutes: 120, ...overrides };
}

export function weekContext(overrides: Partial<WeekContext> = {}): WeekContext {
  return { ...dayContext(), heavyMeetingDayMinutes: 300, ...overrides };
}

export const NO_WORKING_HOURS: WorkingHours = {
  '1': [],
  '2': [],
  '3': [],
  '4': [],
  '5': [],
  '6': [],
  '7': [],
};

/** Local wall-clock instant; `24:00` is the next midnight. */
export function at(date: string, clock: string, timeZone = BERLIN): Date {
  return new Date(localTimeToInstant(date, clock, timeZone));
}

let counter = 0;

interface EntryOptions {
  id?: string;
  subtype?: ManagerSubtype | null;
  seriesId?: string | null;
  timeZone?: string;
  /** Local date the entry ends on, when it is not the start date (crossing midnight). */
  endDate?: string;
}

/** A classified entry between two local clock times of one local date (or up to `endDate`). */
export function entry(
  category: Category,
  date: string,
  from: string,
  to: string,
  options: EntryOptions = {},
): MetricEntry {
  counter++;
  const timeZone = options.timeZone ?? BERLIN;
  return {
    id: options.id ?? `${category}-${date}-${from}-${counter}`,
    start: at(date, from, timeZone),
    end: at(options.endDate ?? date, to, timeZone),
    category,
    subtype: category === 'manager' ? (options.subtype === undefined ? 'team_sync' : options.subtype) : null,
    seriesId: options.seriesId ?? null,
  };
}

/** The five working dates (Monday to Friday) of the week starting on `monday`. */
export function weekdays(monday: string): string[] {
  return [0, 1, 2, 3, 4].map((offset) => addDays(monday, offset));
}
