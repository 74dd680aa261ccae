import type { OrgMetricsResponse, SignalCode, WeekSeriesResponse } from '@tiltmeter/shared';
import type { MemberMetricContext } from '../facts/metric-context.ts';
import type { TeamSeriesRow } from './metrics.sql.ts';

/**
 * What the metric reads keep in memory between requests: pure caches, never a source of truth.
 *
 * A member's computed weeks depend on their day facts, their metric context and the range. Every key
 * below holds the member's `members.facts_version` (a trigger bumps it in the transaction that changes
 * any of their day facts) and a key of everything their context was resolved from, both read in the
 * request: a write, a settings or threshold change, or a team change gives a new key, so a stale entry
 * is never served; it just ages out. The weeks are then computed once per change instead of once per
 * view. The caches belong to the app (one per process), so they are bounded: least recently used
 * entries go first.
 */

/** A Map that keeps at most `max` entries, dropping the least recently used. */
export class LruCache<V> {
  readonly #max: number;
  readonly #entries = new Map<string, V>();

  constructor(max: number) {
    this.#max = max;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      // Map iteration order is insertion order: re-inserting makes it the most recent.
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }
}

/**
 * One member's week in the compact form the team and org aggregates and the small multiples read:
 * the series item's numbers, with the member, their target and the distinct codes of the week's
 * signals (in the order the signals came).
 */
export interface PersonWeek {
  memberId: string;
  makerMinutes: number;
  managerMinutes: number;
  neutralMinutes: number;
  makerShare: number | null;
  deepBlocks: number;
  target: number;
  signalCodes: readonly SignalCode[];
}

/** A resolved metric context without the member it belongs to (members with equal inputs share one). */
export type SharedMetricContext = Omit<MemberMetricContext, 'memberId'>;

export interface MetricCaches {
  /** Resolved contexts by what they were resolved from (settings, first team, threshold layers). */
  contexts: LruCache<SharedMetricContext>;
  /** A member's weekly series (the trend view), by member, facts version, context and range. */
  series: LruCache<WeekSeriesResponse>;
  /** A member's weeks for team and org aggregates, aligned with the weeks of the range. */
  personWeeks: LruCache<PersonWeek[]>;
  /** A team's recurring series, their titles and weekday load, by its members' facts versions. */
  teamReads: LruCache<TeamReads>;
  /** Org views, by a hash of everything they are computed from (teams, settings, members' keys). */
  orgViews: LruCache<OrgMetricsResponse>;
}

/** What the team view reads of its members' meetings. */
export interface TeamReads {
  series: readonly TeamSeriesRow[];
  weekdays: readonly { weekday: number; managerMinutes: number; meetings: number }[];
  /** Series id to its latest title (empty when titles are not shown). */
  titles: ReadonlyMap<string, string>;
}

export function createMetricCaches(): MetricCaches {
  return {
    contexts: new LruCache(2_000),
    // About 50 KB each (52 weeks with their signals' messages), twice that once sent (its body).
    series: new LruCache(300),
    // About 8 KB each for two years of weeks: every member of a 1,000-member organization for the org
    // view and for team views, with room to spare.
    personWeeks: new LruCache(5_000),
    teamReads: new LruCache(1_000),
    // Up to a few MB each for a large organization; one per organization and range in use.
    orgViews: new LruCache(16),
  };
}

const deeplyFrozen = new WeakSet<object>();

/** Freezes a cached value and everything in it: it is shared by every request that reads it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !deeplyFrozen.has(value)) {
    deeplyFrozen.add(value);
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Whether `value` went through deepFreeze: it and everything in it can never change. */
export const isDeeplyFrozen = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && deeplyFrozen.has(value);

/** Joins the parts of a cache key (none of them contains a NUL). */
export const cacheKey = (...parts: readonly (string | number)[]) => parts.join('\u0000');
