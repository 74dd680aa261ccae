import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../server/src/demo/prng.ts';
import {
  dayBounds,
  focusCostsOf,
  focusEligible,
  type Interval,
  type MetricEntry,
  resolveTimeline,
  workingIntervals,
} from '../../../server/src/engine/index.ts';
import { dayContext, MONDAY } from './fixtures.ts';

const MINUTE = 60_000;

/**
 * focusCostsOf frees only each meeting's own interval instead of replaying the day without it. This is
 * the replay (the definition): on random days, overlapping meetings of every kind included, both must
 * charge every meeting the same.
 */
function replayCosts(
  entries: readonly MetricEntry[],
  day: Interval,
  working: readonly Interval[],
  deepBlockMinutes: number,
  meetings: readonly MetricEntry[],
): number[] {
  const minutes = (runs: readonly Interval[]) =>
    runs.reduce((sum, run) => sum + (run.end - run.start) / MINUTE, 0);
  const deep = (runs: readonly Interval[]) =>
    runs.filter((run) => (run.end - run.start) / MINUTE >= deepBlockMinutes);
  const deepWith = minutes(deep(focusEligible(resolveTimeline(entries, day), working)));
  return meetings.map((meeting) => {
    const without = deep(
      focusEligible(
        resolveTimeline(
          entries.filter((e) => e !== meeting),
          day,
        ),
        working,
      ),
    );
    const own = {
      start: Math.max(Math.round(meeting.start.getTime() / MINUTE) * MINUTE, day.start),
      end: Math.min(Math.round(meeting.end.getTime() / MINUTE) * MINUTE, day.end),
    };
    let shared = 0;
    for (const run of without)
      shared += Math.max(0, Math.min(run.end, own.end) - Math.max(run.start, own.start));
    return Math.max(0, minutes(without) - deepWith - Math.round(shared / MINUTE));
  });
}

describe('focusCostsOf', () => {
  it('charges every meeting what replaying the day without it says, on 2,000 random days', () => {
    const context = dayContext();
    const day = dayBounds(MONDAY, context.timeZone);
    const working = workingIntervals(MONDAY, context.workingHours, context.timeZone);
    let charged = 0;
    for (let seed = 1; seed <= 2_000; seed++) {
      const random = mulberry32(seed);
      const entries: MetricEntry[] = [];
      const count = 1 + Math.floor(random() * 14);
      for (let i = 0; i < count; i++) {
        // From 06:00 to 22:00 in 15-minute steps, some crossing the day's ends.
        const start =
          day.start +
          (6 * 60 + 15 * Math.floor(random() * 64)) * MINUTE -
          (random() < 0.05 ? 8 * 60 * MINUTE : 0);
        const length = 15 * (1 + Math.floor(random() * 16)) * MINUTE + (random() < 0.1 ? 20_000 : 0);
        const roll = random();
        entries.push({
          id: `e${i}`,
          start: new Date(start),
          end: new Date(start + length),
          seriesId: null,
          category: roll < 0.5 ? 'manager' : roll < 0.8 ? 'maker' : roll < 0.9 ? 'neutral' : 'excluded',
          subtype: null,
        } as MetricEntry);
      }
      const meetings = entries.filter((entry) => entry.category === 'manager');
      const deepBlockMinutes = random() < 0.5 ? 120 : 90;
      const expected = replayCosts(entries, day, working, deepBlockMinutes, meetings);
      const actual = focusCostsOf({ entries, day, working, deepBlockMinutes }, meetings);
      expect(actual, `seed ${seed}`).toEqual(expected);
      // A maker entry, an entry not of the day's list: neither destroys anything.
      const others = [entries.find((entry) => entry.category === 'maker'), { ...entries[0] } as MetricEntry];
      for (const other of others) {
        if (other) expect(focusCostsOf({ entries, day, working, deepBlockMinutes }, [other])).toEqual([0]);
      }
      charged += actual.filter((cost) => cost > 0).length;
    }
    // The days were not all trivial.
    expect(charged).toBeGreaterThan(1_000);
  });
});
