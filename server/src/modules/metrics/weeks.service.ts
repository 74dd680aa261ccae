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
import type { MemberMetricContext } from '../facts/metric-context.ts';
import { authorizeIndividualMetrics } from '../visibility/visibility.service.ts';
import { selectMetricContexts } from './metric-contexts.ts';
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

/** One member's metric context, through the metric reads' own (postgres.js) loader. */
async function metricContextOf(deps: MetricsDeps, auth: AuthContext, memberId: string) {
  const contexts = await selectMetricContexts(deps.sql, auth.orgId, [memberId]);
  return contexts.get(memberId) as MemberMetricContext;
}

async function seriesOf(
  deps: MetricsDeps,
  auth: AuthContext,
  context: MemberMetricContext,
  range: WeekRange,
) {
  const lookback = addIsoWeeks(range.from, -lookbackWeeks(context.thresholds.values));
  const rows = await selectWeekAggregates(
    deps.sql,
    { organizationId: auth.orgId, memberIds: [context.memberId] },
    dateRangeOf({ from: lookback, to: range.to }),
  );
  return buildWeekSeries(rows, context, range);
}

export async function getWeekSeries(
  deps: MetricsDeps,
  auth: AuthContext,
  memberId: string,
  query: WeekRangeQuery,
): Promise<WeekSeriesResponse> {
  const context = await metricContextOf(deps, auth, memberId);
  const range = resolveWeekRange(query, context.timeZone);
  return {
    memberId,
    timeZone: context.timeZone,
    profile: context.profile,
    thresholds: context.thresholds,
    from: range.from,
    to: range.to,
    items: await seriesOf(deps, auth, context, range),
  };
}

const COUNTED = new Set(['maker', 'manager', 'neutral']);

export async function getWeekDetail(
  deps: MetricsDeps,
  auth: AuthContext,
  memberId: string,
  week: IsoWeek,
  options: { own: boolean },
): Promise<WeekDetailResponse> {
  const context = await metricContextOf(deps, auth, memberId);
  const bounds = isoWeekBounds(week, context.timeZone);
  const [entries, series] = await Promise.all([
    selectEntriesOfWeek(
      deps.sql,
      { organizationId: auth.orgId, memberId },
      { from: new Date(bounds.start), to: new Date(bounds.end) },
    ),
    seriesOf(deps, auth, context, { from: week, to: week }),
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
