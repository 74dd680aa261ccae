import { createHash } from 'node:crypto';
import type {
  DayDetail,
  IsoWeek,
  WeekDetailResponse,
  WeekRangeQuery,
  WeekSeriesResponse,
} from '@tiltmeter/shared';
import { addIsoWeeks, computeWeekDetail, isoWeekBounds, type MetricEntry } from '../../engine/index.ts';
import type { TenantDb } from '../../lib/tenant-db.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import type { Sql } from '../../plugins/database.ts';
import { authorizeIndividualMetrics } from '../visibility/visibility.service.ts';
import { cacheKey, deepFreeze, type MetricCaches } from './metric-cache.ts';
import { type MetricContextRow, selectMetricContextRows } from './metric-contexts.ts';
import { selectEntriesOfWeek, selectWeekAggregates } from './metrics.sql.ts';
import {
  buildWeekSeries,
  dateRangeOf,
  lookbackWeeks,
  resolveWeekRange,
  type WeekRange,
} from './week-series.ts';

export interface MetricsDeps {
  db: TenantDb;
  sql: Sql;
  /** The app's metric caches (metric-cache.ts). */
  caches: MetricCaches;
}

/**
 * A member's weeks and a week by day. The routes decide who may see whom (the visibility service,
 * which also audits) before calling these; `own` says whether the viewer is the member, which decides
 * whether titles, reasons and series ids are served.
 */

/** An opaque, stable stand-in for a series id: ids of imported series are calendar UIDs, which can name things. */
export function opaqueSeriesKey(organizationId: string, seriesId: string): string {
  return `series-${createHash('sha256').update(`${organizationId}\u0000${seriesId}`).digest('hex').slice(0, 16)}`;
}

/**
 * One member's metric context and facts version, through the metric reads' own (postgres.js) loader,
 * unless the route has it already (`preloaded`: the caller's, read with their API token).
 */
async function metricContextOf(
  deps: MetricsDeps,
  auth: AuthContext,
  memberId: string,
  preloaded?: MetricContextRow,
) {
  if (preloaded?.context.memberId === memberId) return preloaded;
  const rows = await selectMetricContextRows(deps.sql, auth.orgId, [memberId], deps.caches.contexts);
  return rows.get(memberId) as MetricContextRow;
}

/**
 * A member's weekly series over `range`: computed from their stored day facts once per change of their
 * facts or context, then served from the cache (deeply frozen: every view shares it).
 */
async function seriesOf(
  deps: MetricsDeps,
  auth: AuthContext,
  row: MetricContextRow,
  range: WeekRange,
): Promise<WeekSeriesResponse> {
  const { context } = row;
  const key =
    row.factsVersion === null
      ? null
      : cacheKey(auth.orgId, context.memberId, row.factsVersion, row.contextKey, range.from, range.to);
  const cached = key === null ? undefined : deps.caches.series.get(key);
  if (cached) return cached;
  const lookback = addIsoWeeks(range.from, -lookbackWeeks(context.thresholds.values));
  const rows = await selectWeekAggregates(
    deps.sql,
    { organizationId: auth.orgId, memberIds: [context.memberId] },
    dateRangeOf({ from: lookback, to: range.to }),
  );
  const series = deepFreeze({
    memberId: context.memberId,
    timeZone: context.timeZone,
    profile: context.profile,
    thresholds: context.thresholds,
    from: range.from,
    to: range.to,
    items: buildWeekSeries(rows, context, range),
  });
  if (key !== null) deps.caches.series.set(key, series);
  return series;
}

export async function getWeekSeries(
  deps: MetricsDeps,
  auth: AuthContext,
  memberId: string,
  query: WeekRangeQuery,
  preloaded?: MetricContextRow,
): Promise<WeekSeriesResponse> {
  const row = await metricContextOf(deps, auth, memberId, preloaded);
  return seriesOf(deps, auth, row, resolveWeekRange(query, row.context.timeZone));
}

const COUNTED = new Set(['maker', 'manager', 'neutral']);

export async function getWeekDetail(
  deps: MetricsDeps,
  auth: AuthContext,
  memberId: string,
  week: IsoWeek,
  options: { own: boolean; preloaded?: MetricContextRow },
): Promise<WeekDetailResponse> {
  const row = await metricContextOf(deps, auth, memberId, options.preloaded);
  const { context } = row;
  const bounds = isoWeekBounds(week, context.timeZone);
  const [entries, series] = await Promise.all([
    selectEntriesOfWeek(
      deps.sql,
      { organizationId: auth.orgId, memberId },
      { from: new Date(bounds.start), to: new Date(bounds.end) },
    ),
    seriesOf(deps, auth, row, { from: week, to: week }).then((series) => series.items),
  ]);
  const counted: MetricEntry[] = entries
    .filter((entry) => COUNTED.has(entry.category))
    .map((entry) => ({
      id: entry.id,
      start: entry.start,
      end: entry.end,
      seriesId: entry.seriesId,
      category: entry.category as MetricEntry['category'],
      subtype: entry.subtype,
    }));
  const detail = computeWeekDetail(counted, week, context);
  const metrics = series[0];
  if (!metrics) throw new Error(`no series item for ${week}`);

  if (options.own) {
    // The latest occurrence's title names the series (entries are ordered by start).
    const titles = new Map<string, string>();
    for (const entry of entries) if (entry.seriesId && entry.title) titles.set(entry.seriesId, entry.title);
    return {
      memberId,
      week,
      timeZone: detail.timeZone,
      days: detail.days,
      series: detail.series.map((s) => ({ ...s, title: titles.get(s.seriesId) ?? null })),
      metrics,
      entries: entries.map((entry) => ({
        id: entry.id,
        title: entry.title,
        start: entry.start.toISOString(),
        end: entry.end.toISOString(),
        category: entry.category,
        subtype: entry.subtype,
        reason: entry.reason,
        seriesId: entry.seriesId,
        overridden: entry.overridden,
      })),
      titlesShown: true,
    };
  }

  // Another member: blocks and numbers only. No titles, no reasons (they quote titles), no entry list,
  // and series ids replaced by opaque keys.
  const opaque = (seriesId: string | null) =>
    seriesId === null ? null : opaqueSeriesKey(auth.orgId, seriesId);
  const days: DayDetail[] = detail.days.map((day) => ({
    ...day,
    facts: {
      ...day.facts,
      meetings: day.facts.meetings.map((meeting) => ({ ...meeting, seriesId: opaque(meeting.seriesId) })),
    },
  }));
  return {
    memberId,
    week,
    timeZone: detail.timeZone,
    days,
    series: detail.series.map((s) => ({ ...s, seriesId: opaque(s.seriesId) as string, title: null })),
    metrics,
    entries: [],
    titlesShown: false,
  };
}

/**
 * Another member's weeks (or the caller's own, by id): 404 outside the organization, 403 unless the
 * privacy rules allow; a view of someone else's is audited (the visibility service does both).
 */
export async function getMemberWeekSeries(
  deps: MetricsDeps,
  auth: AuthContext,
  memberId: string,
  query: WeekRangeQuery,
): Promise<WeekSeriesResponse> {
  await authorizeIndividualMetrics(deps.db, auth, memberId);
  return getWeekSeries(deps, auth, memberId, query);
}

/** Another member's week by day, on the same terms, without their titles. */
export async function getMemberWeekDetail(
  deps: MetricsDeps,
  auth: AuthContext,
  memberId: string,
  week: IsoWeek,
): Promise<WeekDetailResponse> {
  const access = await authorizeIndividualMetrics(deps.db, auth, memberId);
  return getWeekDetail(deps, auth, memberId, week, { own: access.reason === 'own' });
}
