import type { WorkingHours } from '@tiltmeter/shared/metrics';
import type { WeekDetailResponse, WeekEntry } from '@tiltmeter/shared/metrics-api';
import { wallClock } from './zoned-time.ts';

/** Minutes-of-day ranges of a local date, from instants. */
export interface MinuteRange {
  startMinute: number;
  endMinute: number;
}

export interface DayBackground {
  date: string;
  /** Working-hours ranges of the day (none on a day off). */
  working: MinuteRange[];
  /** Deep maker blocks (uninterrupted runs of at least N minutes). */
  deep: MinuteRange[];
  /** Capacity: free gaps of at least N minutes inside working hours. */
  capacity: MinuteRange[];
}

export interface MeetingCost {
  focusCostMinutes: number;
}

function toRange(start: string, end: string, date: string, timeZone: string): MinuteRange | null {
  const from = wallClock(start, timeZone);
  const to = wallClock(end, timeZone);
  const startMinute = from.date < date ? 0 : from.minutes;
  const endMinute = to.date > date ? 1440 : to.minutes;
  return endMinute > startMinute ? { startMinute, endMinute } : null;
}

const toMinutes = (clock: string) => {
  const [hours, minutes] = clock.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
};

/** ISO weekday (1 = Monday) of a local date. */
export function isoWeekdayOf(localDate: string): number {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** What is drawn behind the entries of each day: working hours, deep blocks and capacity. */
export function dayBackgrounds(
  detail: WeekDetailResponse,
  dates: readonly string[],
  workingHours: WorkingHours | null,
): DayBackground[] {
  return dates.map((date) => {
    const day = detail.days.find((d) => d.facts.date === date);
    const ranges = workingHours?.[String(isoWeekdayOf(date)) as keyof WorkingHours] ?? [];
    const working = ranges.map((range) => ({
      startMinute: toMinutes(range.start),
      endMinute: toMinutes(range.end),
    }));
    const deep =
      day?.facts.makerBlocks
        .filter((block) => block.deep)
        .map((block) => toRange(block.start, block.end, date, detail.timeZone))
        .filter((range): range is MinuteRange => range !== null) ?? [];
    const capacity =
      day?.facts.capacityBlocks
        .map((block) => toRange(block.start, block.end, date, detail.timeZone))
        .filter((range): range is MinuteRange => range !== null) ?? [];
    return { date, working, deep, capacity };
  });
}

/** The working day's span across the week, for choosing the hours to draw; null with no working hours. */
export function workingSpan(workingHours: WorkingHours | null): MinuteRange | null {
  if (!workingHours) return null;
  const all = Object.values(workingHours).flat();
  if (all.length === 0) return null;
  return {
    startMinute: Math.min(...all.map((range) => toMinutes(range.start))),
    endMinute: Math.max(...all.map((range) => toMinutes(range.end))),
  };
}

/** Focus cost of each manager entry of the week (an entry over midnight sums its days). */
export function focusCostByEntry(detail: WeekDetailResponse): Map<string, number> {
  const costs = new Map<string, number>();
  for (const day of detail.days) {
    for (const meeting of day.facts.meetings) {
      costs.set(meeting.entryId, (costs.get(meeting.entryId) ?? 0) + meeting.focusCostMinutes);
    }
  }
  return costs;
}

/** Entries in calendar order: by start, longer first. */
export function sortEntries(entries: readonly WeekEntry[]): WeekEntry[] {
  return [...entries].sort((a, b) => a.start.localeCompare(b.start) || b.end.localeCompare(a.end));
}

export interface CostlyMeeting {
  key: string;
  title: string;
  recurring: boolean;
  occurrences: number;
  managerMinutes: number;
  focusCostMinutes: number;
}

/**
 * The meetings that cost the most focus this week, most costly first: recurring series summed over
 * the week (as the API ranks them) and one-off meetings on their own, so a single badly placed
 * meeting shows as plainly as a daily standup.
 */
export function costlyMeetings(detail: WeekDetailResponse, limit = 5): CostlyMeeting[] {
  const titles = new Map(detail.entries.map((entry) => [entry.id, entry.title]));
  const recurring: CostlyMeeting[] = detail.series.map((series) => ({
    key: `series:${series.seriesId}`,
    title: series.title ?? 'Recurring meeting',
    recurring: true,
    occurrences: series.occurrences,
    managerMinutes: series.managerMinutes,
    focusCostMinutes: series.focusCostMinutes,
  }));
  const oneOff = new Map<string, CostlyMeeting>();
  for (const day of detail.days) {
    for (const meeting of day.facts.meetings) {
      if (meeting.seriesId !== null) continue;
      const current = oneOff.get(meeting.entryId);
      if (current) {
        current.managerMinutes += meeting.minutes;
        current.focusCostMinutes += meeting.focusCostMinutes;
      } else {
        oneOff.set(meeting.entryId, {
          key: `entry:${meeting.entryId}`,
          title: titles.get(meeting.entryId) ?? 'Meeting',
          recurring: false,
          occurrences: 1,
          managerMinutes: meeting.minutes,
          focusCostMinutes: meeting.focusCostMinutes,
        });
      }
    }
  }
  // A stable sort keeps the API's order among equals (series first).
  return [...recurring, ...oneOff.values()]
    .filter((meeting) => meeting.focusCostMinutes > 0)
    .sort((a, b) => b.focusCostMinutes - a.focusCostMinutes)
    .slice(0, limit);
}
