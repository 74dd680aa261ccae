import type { Classification, EngineEntry, ManagerSubtype } from '@tiltmeter/shared';
import { type Interval, MINUTE_MS } from './time.ts';

/** What the metric engines need of a classified entry. */
export type MetricEntry = Pick<EngineEntry, 'id' | 'start' | 'end' | 'seriesId'> &
  Pick<Classification, 'category' | 'subtype'>;

export type CountedCategory = 'maker' | 'manager' | 'neutral';

/** One stretch of resolved time: exactly one entry owns every minute of it. */
export interface Segment extends Interval {
  category: CountedCategory;
  subtype: ManagerSubtype | null;
  entryId: string;
}

// You cannot build during a meeting you attend, so manager time wins over maker time; neutral time
// (lunch, travel) only counts where nothing else does. Excluded and unclassified entries count nowhere.
const PRECEDENCE: Record<CountedCategory, number> = { manager: 3, maker: 2, neutral: 1 };

const isCounted = (category: string): category is CountedCategory => category in PRECEDENCE;

/**
 * Calendar entries live on minute boundaries; snapping instants to the minute keeps every metric an
 * exact whole number of minutes, so the per-day numbers always add up to the week's.
 */
export const toMinute = (ms: number) => Math.round(ms / MINUTE_MS) * MINUTE_MS;

export const minutesOf = (interval: Interval) => Math.round((interval.end - interval.start) / MINUTE_MS);

export const totalMinutes = (intervals: readonly Interval[]) =>
  intervals.reduce((sum, interval) => sum + minutesOf(interval), 0);

interface Clipped extends Interval {
  entry: MetricEntry;
  category: CountedCategory;
}

function clipCounted(entries: readonly MetricEntry[], window: Interval): Clipped[] {
  const clipped: Clipped[] = [];
  for (const entry of entries) {
    if (!isCounted(entry.category)) continue;
    const start = Math.max(toMinute(entry.start.getTime()), window.start);
    const end = Math.min(toMinute(entry.end.getTime()), window.end);
    if (end > start) clipped.push({ start, end, entry, category: entry.category });
  }
  return clipped;
}

/**
 * Overlapping entries of the same category need one owner too (for per-subtype minutes): the one that
 * started first holds the time, so a meeting that overruns into the next keeps its own label.
 */
function outranks(a: Clipped, b: Clipped): boolean {
  const rank = PRECEDENCE[a.category] - PRECEDENCE[b.category];
  if (rank !== 0) return rank > 0;
  if (a.start !== b.start) return a.start < b.start;
  if (a.end !== b.end) return a.end > b.end;
  return a.entry.id < b.entry.id;
}

/**
 * Resolves overlapping entries inside a window into non-overlapping segments, so every minute counts
 * at most once and for the category that takes precedence. Adjacent pieces owned by the same entry are
 * joined. Sorted by start.
 */
export function resolveTimeline(entries: readonly MetricEntry[], window: Interval): Segment[] {
  const clipped = clipCounted(entries, window).sort((a, b) => a.start - b.start);
  const cuts = [...new Set(clipped.flatMap((c) => [c.start, c.end]))].sort((a, b) => a - b);
  const segments: Segment[] = [];
  // Sweep: only the entries open at a cut can own the stretch after it, and few overlap at once.
  let active: Clipped[] = [];
  let next = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] as number;
    const end = cuts[i + 1] as number;
    while (next < clipped.length && (clipped[next] as Clipped).start <= start)
      active.push(clipped[next++] as Clipped);
    active = active.filter((candidate) => candidate.end > start);
    let owner: Clipped | undefined;
    for (const candidate of active) {
      if (!owner || outranks(candidate, owner)) owner = candidate;
    }
    if (!owner) continue;
    const last = segments.at(-1);
    if (last && last.end === start && last.entryId === owner.entry.id) {
      last.end = end;
      continue;
    }
    segments.push({
      start,
      end,
      category: owner.category,
      subtype: owner.category === 'manager' ? owner.entry.subtype : null,
      entryId: owner.entry.id,
    });
  }
  return segments;
}

/** The union of intervals, merged where they touch or overlap, sorted. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ start: interval.start, end: interval.end });
  }
  return merged;
}

/** `base` minus `cut`: the parts of base that no cut interval covers. */
export function subtractIntervals(base: readonly Interval[], cut: readonly Interval[]): Interval[] {
  const cuts = mergeIntervals(cut);
  const result: Interval[] = [];
  for (const interval of mergeIntervals(base)) {
    let cursor = interval.start;
    for (const c of cuts) {
      if (c.end <= cursor || c.start >= interval.end) continue;
      if (c.start > cursor) result.push({ start: cursor, end: c.start });
      cursor = Math.max(cursor, c.end);
    }
    if (cursor < interval.end) result.push({ start: cursor, end: interval.end });
  }
  return result;
}

/** Minutes that two interval sets share. */
export function overlapMinutes(a: readonly Interval[], b: readonly Interval[]): number {
  const left = mergeIntervals(a);
  const right = mergeIntervals(b);
  let ms = 0;
  for (const x of left) {
    for (const y of right) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (end > start) ms += end - start;
    }
  }
  return Math.round(ms / MINUTE_MS);
}

/** Uninterrupted runs of one category: its segments joined where they touch. */
export function runsOf(segments: readonly Segment[], category: CountedCategory): Interval[] {
  return mergeIntervals(segments.filter((s) => s.category === category));
}
