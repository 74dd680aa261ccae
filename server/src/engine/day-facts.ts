import {
  type DayDetail,
  type DayFacts,
  MANAGER_SUBTYPE_KEYS,
  type ManagerMinutesBySubtype,
  type MeetingFact,
  type TimeBlock,
  type TimelineSegment,
  type WorkingHours,
} from '@tiltmeter/shared';
import { deepRuns, focusCostsOf } from './focus-cost.ts';
import {
  type MetricEntry,
  minutesOf,
  resolveTimeline,
  runsOf,
  type Segment,
  subtractIntervals,
  toMinute,
  totalMinutes,
} from './intervals.ts';
import { dayBounds, type Interval, MINUTE_MS, workingIntervals } from './time.ts';

/** Everything about the member a day's facts depend on; a change to any of it means a rebuild. */
export interface DayContext {
  timeZone: string;
  workingHours: WorkingHours;
  /** N: the shortest maker run that counts as a deep block (120, or 240 for the half-day). */
  deepBlockMinutes: number;
}

/**
 * Meetings separated by at most this much are back to back: a 25-minute "speedy meeting" followed by
 * the next one leaves no time to do anything but walk there.
 */
export const BACK_TO_BACK_GAP_MINUTES = 5;

const iso = (ms: number) => new Date(ms).toISOString();
const toBlock = (interval: Interval): TimeBlock => ({
  start: iso(interval.start),
  end: iso(interval.end),
  minutes: minutesOf(interval),
});

function minutesBySubtype(segments: readonly Segment[]): ManagerMinutesBySubtype {
  const bySubtype = Object.fromEntries(
    MANAGER_SUBTYPE_KEYS.map((key) => [key, 0]),
  ) as ManagerMinutesBySubtype;
  for (const segment of segments) {
    if (segment.category !== 'manager') continue;
    bySubtype[segment.subtype ?? 'unspecified'] += minutesOf(segment);
  }
  return bySubtype;
}

/** Chains of two or more manager entries, each starting within the gap of the chain so far. */
function countBackToBackChains(meetings: readonly Interval[]): number {
  const sorted = [...meetings].sort((a, b) => a.start - b.start);
  let chains = 0;
  let chainEnd = Number.NEGATIVE_INFINITY;
  let chainLength = 0;
  for (const meeting of sorted) {
    if (meeting.start - chainEnd <= BACK_TO_BACK_GAP_MINUTES * MINUTE_MS) {
      chainLength++;
      if (chainLength === 2) chains++;
    } else {
      chainLength = 1;
    }
    chainEnd = Math.max(chainEnd, meeting.end);
  }
  return chains;
}

/** Changes between maker and manager work in time order; neutral time and gaps do not reset the mode. */
function countContextSwitches(segments: readonly Segment[]): number {
  let switches = 0;
  let previous: Segment['category'] | null = null;
  for (const segment of segments) {
    if (segment.category === 'neutral') continue;
    if (previous !== null && segment.category !== previous) switches++;
    previous = segment.category;
  }
  return switches;
}

interface DayComputation {
  facts: DayFacts;
  segments: Segment[];
}

function computeDay(entries: readonly MetricEntry[], date: string, context: DayContext): DayComputation {
  const { timeZone, workingHours, deepBlockMinutes } = context;
  const day = dayBounds(date, timeZone);
  const dayEntries = entries.filter(
    (entry) => toMinute(entry.start.getTime()) < day.end && toMinute(entry.end.getTime()) > day.start,
  );
  const segments = resolveTimeline(dayEntries, day);
  const working = workingIntervals(date, workingHours, timeZone);
  const workingDay = working.length > 0;

  const makerRuns = runsOf(segments, 'maker');
  const managerRuns = runsOf(segments, 'manager');
  const deep = deepRuns(makerRuns, deepBlockMinutes);

  // Capacity is what was available, not what was declared: only manager time takes it away.
  const capacity = subtractIntervals(working, managerRuns);
  const capacityBlocks = deepRuns(capacity, deepBlockMinutes);

  const meetingEntries = dayEntries
    .filter((entry) => entry.category === 'manager')
    .map((entry) => ({
      entry,
      start: Math.max(toMinute(entry.start.getTime()), day.start),
      end: Math.min(toMinute(entry.end.getTime()), day.end),
    }))
    .filter((meeting) => meeting.end > meeting.start)
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.entry.id < b.entry.id ? -1 : 1));
  const focusCosts = focusCostsOf(
    { entries: dayEntries, day, working, deepBlockMinutes },
    meetingEntries.map((meeting) => meeting.entry),
  );
  const meetings: MeetingFact[] = meetingEntries.map((meeting, i) => ({
    ...toBlock(meeting),
    entryId: meeting.entry.id,
    seriesId: meeting.entry.seriesId,
    subtype: meeting.entry.subtype,
    focusCostMinutes: focusCosts[i] ?? 0,
  }));

  const work = [...makerRuns, ...managerRuns];
  const workMinutes = totalMinutes(work);

  const facts: DayFacts = {
    date,
    timeZone,
    deepBlockMinutes,
    dayMinutes: minutesOf(day),
    workingDay,
    workingMinutes: totalMinutes(working),
    makerMinutes: totalMinutes(makerRuns),
    managerMinutes: totalMinutes(managerRuns),
    neutralMinutes: totalMinutes(runsOf(segments, 'neutral')),
    managerBySubtype: minutesBySubtype(segments),
    deepBlocks: deep.length,
    deepMinutes: totalMinutes(deep),
    longestBlockMinutes: Math.max(0, ...makerRuns.map(minutesOf)),
    fragmentedMakerMinutes: totalMinutes(makerRuns) - totalMinutes(deep),
    makerBlocks: makerRuns.map((run) => ({ ...toBlock(run), deep: minutesOf(run) >= deepBlockMinutes })),
    capacityMinutes: totalMinutes(capacity),
    capacityBlockMinutes: totalMinutes(capacityBlocks),
    fragmentedCapacityMinutes: totalMinutes(capacity) - totalMinutes(capacityBlocks),
    capacityBlocks: capacityBlocks.map(toBlock),
    meetingCount: meetings.length,
    backToBackChains: countBackToBackChains(meetingEntries),
    meetings,
    focusCostMinutes: meetings.reduce((sum, meeting) => sum + meeting.focusCostMinutes, 0),
    // Work is maker and manager time; neutral time (lunch, travel) is not work done after hours.
    afterHoursMinutes: workingDay ? totalMinutes(subtractIntervals(work, working)) : 0,
    weekendMinutes: workingDay ? 0 : workMinutes,
    contextSwitches: countContextSwitches(segments),
  };
  return { facts, segments };
}

/**
 * The facts of one member-day: one row per member and local date, from which weeks are rolled up.
 * `entries` may hold entries of other days too (they are ignored); entries crossing local midnight
 * count on each day for the part that falls in it.
 */
export function computeDayFacts(
  entries: readonly MetricEntry[],
  date: string,
  context: DayContext,
): DayFacts {
  return computeDay(entries, date, context).facts;
}

/** A day's facts plus its resolved timeline, for the by-day view. */
export function computeDayDetail(
  entries: readonly MetricEntry[],
  date: string,
  context: DayContext,
): DayDetail {
  const { facts, segments } = computeDay(entries, date, context);
  const timeline: TimelineSegment[] = segments.map((segment) => ({
    ...toBlock(segment),
    category: segment.category,
    subtype: segment.subtype,
    entryId: segment.entryId,
  }));
  return { facts, timeline };
}
