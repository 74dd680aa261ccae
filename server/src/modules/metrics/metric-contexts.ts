import {
  DEFAULT_WORKING_HOURS,
  type RoleProfile,
  type ThresholdOverrides,
  ThresholdOverridesSchema,
  type WorkingHours,
  WorkingHoursSchema,
} from '@tiltmeter/shared';
import { resolveThresholds } from '../../engine/index.ts';
import type { TenantClient } from '../../lib/tenant-client.ts';
import type { Sql } from '../../plugins/database.ts';
import type { MemberMetricContext } from '../facts/metric-context.ts';
import { deepFreeze, type LruCache, type SharedMetricContext } from './metric-cache.ts';

function parseOverrides(values: unknown): ThresholdOverrides | null {
  const parsed = ThresholdOverridesSchema.safeParse(values);
  return parsed.success ? parsed.data : null;
}

/**
 * `loadMetricContext` for many members in three Prisma queries. Same resolution: settings, then
 * thresholds through the organization, the member's first active team and the member. A test holds the
 * two equal; the metric reads themselves use `selectMetricContextRows` (one postgres.js statement).
 */
export async function loadMetricContexts(
  db: TenantClient,
  memberIds: readonly string[],
): Promise<Map<string, MemberMetricContext>> {
  const ids = [...new Set(memberIds)];
  if (ids.length === 0) return new Map();
  const [settings, teamRows, layerRows] = await Promise.all([
    db.memberSettings.findMany({
      where: { memberId: { in: ids } },
      select: { memberId: true, timeZone: true, workingHours: true, roleProfile: true },
    }),
    db.teamMember.findMany({
      where: { memberId: { in: ids }, team: { archivedAt: null } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { memberId: true, teamId: true },
    }),
    db.thresholdSetting.findMany({ select: { scopeKey: true, values: true } }),
  ]);
  const bySettings = new Map(settings.map((row) => [row.memberId, row]));
  const firstTeam = new Map<string, string>();
  for (const row of teamRows) if (!firstTeam.has(row.memberId)) firstTeam.set(row.memberId, row.teamId);
  return resolveContexts(ids, bySettings, firstTeam, layerRows);
}

interface SettingsRow {
  timeZone: string;
  workingHours: unknown;
  roleProfile: string;
}

/** The resolution both loaders share: settings, then thresholds through org, first team and member. */
function resolveContexts(
  ids: readonly string[],
  bySettings: ReadonlyMap<string, SettingsRow>,
  firstTeam: ReadonlyMap<string, string>,
  layerRows: readonly { scopeKey: string; values: unknown }[],
): Map<string, MemberMetricContext> {
  const layers = new Map(layerRows.map((row) => [row.scopeKey, parseOverrides(row.values)]));
  const orgLayer = layers.get('org') ?? null;

  const contexts = new Map<string, MemberMetricContext>();
  for (const memberId of ids) {
    const row = bySettings.get(memberId);
    const teamId = firstTeam.get(memberId);
    const profile = (row?.roleProfile ?? 'hybrid') as RoleProfile;
    const thresholds = resolveThresholds({
      profile,
      org: orgLayer,
      team: teamId ? (layers.get(`team:${teamId}`) ?? null) : null,
      member: layers.get(`member:${memberId}`) ?? null,
    });
    const workingHours = WorkingHoursSchema.safeParse(row?.workingHours);
    contexts.set(memberId, {
      memberId,
      profile,
      timeZone: row?.timeZone ?? 'UTC',
      workingHours: workingHours.success ? workingHours.data : (DEFAULT_WORKING_HOURS as WorkingHours),
      deepBlockMinutes: thresholds.values.deepBlockMinutes,
      thresholds,
    });
  }
  return contexts;
}

/** A member's metric context as the metric reads load it, with what their cached weeks are keyed by. */
export interface MetricContextRow {
  context: MemberMetricContext;
  /** members.facts_version: changes whenever the member's day facts do; null outside the organization. */
  factsVersion: number | null;
  /** Everything the context was resolved from: equal keys give equal contexts. */
  contextKey: string;
}

/** What a member's metric context is resolved from, as the statements below select it (JSON as text). */
export interface MetricContextColumns {
  factsVersion: number | null;
  hasSettings: boolean;
  timeZone: string | null;
  workingHours: string | null;
  roleProfile: string | null;
  teamId: string | null;
  orgLayer: string | null;
  teamLayer: string | null;
  memberLayer: string | null;
}

interface RawContextRow extends MetricContextColumns {
  memberId: string;
}

/** The same resolution as resolveContexts, from one member's raw row (JSON columns as text). */
function resolveRow(row: MetricContextColumns): SharedMetricContext {
  const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));
  const profile = (row.roleProfile ?? 'hybrid') as RoleProfile;
  const thresholds = resolveThresholds({
    profile,
    org: row.orgLayer === null ? null : parseOverrides(parse(row.orgLayer)),
    team: row.teamId && row.teamLayer !== null ? parseOverrides(parse(row.teamLayer)) : null,
    member: row.memberLayer === null ? null : parseOverrides(parse(row.memberLayer)),
  });
  const workingHours = WorkingHoursSchema.safeParse(row.hasSettings ? parse(row.workingHours) : undefined);
  // Shared by every member (and request) with the same inputs: frozen, so nobody can change it for all
  // (the defaults are copied first: freezing is for the cached context, not the shared constant).
  return deepFreeze({
    profile,
    timeZone: (row.hasSettings ? row.timeZone : null) ?? 'UTC',
    workingHours: workingHours.success
      ? workingHours.data
      : (structuredClone(DEFAULT_WORKING_HOURS) as WorkingHours),
    deepBlockMinutes: thresholds.values.deepBlockMinutes,
    thresholds,
  });
}

/**
 * `loadMetricContexts` in one statement through postgres.js, for the metric reads that run on every
 * dashboard view (series, team, org), with each member's facts version: the same rows and the same
 * resolution, at a fraction of the per-query CPU of Prisma's client. Members with the same inputs
 * (zone, working hours, profile, threshold layers) share one resolved context, kept in `cache`.
 * A test holds the contexts equal to loadMetricContext.
 */
export async function selectMetricContextRows(
  sql: Sql,
  organizationId: string,
  memberIds: readonly string[],
  cache?: LruCache<SharedMetricContext>,
): Promise<Map<string, MetricContextRow>> {
  const ids = [...new Set(memberIds)];
  if (ids.length === 0) return new Map();
  // One member (the trend view, on every request) is a plain parameter: PostgreSQL then keeps one
  // generic plan for the statement, where for an array it plans every execution afresh (about a
  // millisecond of planning for this join, more than running it).
  const requested =
    ids.length === 1 ? sql`VALUES (${ids[0] as string}::text)` : sql`SELECT unnest(${ids}::text[])`;
  const rows = await sql<RawContextRow[]>`
    WITH ids(member_id) AS (${requested})
    SELECT ids.member_id AS "memberId",
           m.facts_version AS "factsVersion",
           s.member_id IS NOT NULL AS "hasSettings",
           s.time_zone AS "timeZone", s.working_hours::text AS "workingHours", s.role_profile AS "roleProfile",
           first_team.team_id AS "teamId",
           org_layer.values::text AS "orgLayer",
           team_layer.values::text AS "teamLayer",
           member_layer.values::text AS "memberLayer"
      FROM ids
      LEFT JOIN members m ON m.organization_id = ${organizationId} AND m.id = ids.member_id
      LEFT JOIN member_settings s ON s.organization_id = ${organizationId} AND s.member_id = ids.member_id
      LEFT JOIN (
        -- Each member's first active team, for all of them in one pass (a per-member subquery
        -- rescans the memberships once per member).
        SELECT DISTINCT ON (tm.member_id) tm.member_id, tm.team_id
          FROM team_members tm
          JOIN teams t ON t.id = tm.team_id AND t.organization_id = tm.organization_id
         WHERE tm.organization_id = ${organizationId} AND tm.member_id IN (SELECT member_id FROM ids)
           AND t.archived_at IS NULL
         ORDER BY tm.member_id, tm.created_at, tm.id) AS first_team ON first_team.member_id = ids.member_id
      LEFT JOIN threshold_settings org_layer
             ON org_layer.organization_id = ${organizationId} AND org_layer.scope_key = 'org'
      LEFT JOIN threshold_settings team_layer
             ON team_layer.organization_id = ${organizationId} AND team_layer.scope_key = 'team:' || first_team.team_id
      LEFT JOIN threshold_settings member_layer
             ON member_layer.organization_id = ${organizationId} AND member_layer.scope_key = 'member:' || ids.member_id`;
  const result = new Map<string, MetricContextRow>();
  for (const row of rows) result.set(row.memberId, toMetricContextRow(row.memberId, row, cache));
  // In the order asked for, as the contexts were before.
  return new Map(ids.flatMap((id) => (result.has(id) ? [[id, result.get(id) as MetricContextRow]] : [])));
}

/**
 * One member's selected columns, resolved: members with the same inputs share one resolved context,
 * kept in `cache`.
 */
export function toMetricContextRow(
  memberId: string,
  row: MetricContextColumns,
  cache?: LruCache<SharedMetricContext>,
): MetricContextRow {
  const contextKey = JSON.stringify([
    row.hasSettings,
    row.timeZone,
    row.workingHours,
    row.roleProfile,
    row.teamId === null ? null : row.teamLayer,
    row.orgLayer,
    row.memberLayer,
  ]);
  let shared = cache?.get(contextKey);
  if (!shared) {
    shared = resolveRow(row);
    cache?.set(contextKey, shared);
  }
  return { context: { memberId, ...shared }, factsVersion: row.factsVersion, contextKey };
}

/**
 * The MetricContextColumns of the caller, as a LATERAL subquery over their `members` row (alias `m`):
 * the bearer-token lookup selects them in its own statement on the routes of the caller's own weeks
 * (`config.bearerPreload`, plugins/auth.ts), so that serving a cached series takes one round trip
 * instead of two. The same joins as selectMetricContextRows, each limited to the member's own
 * organization; the first team by the same order, per member instead of for a set of them.
 */
export function callerMetricContextSql(sql: Sql) {
  return sql`
    SELECT m.facts_version AS "factsVersion",
           s.member_id IS NOT NULL AS "hasSettings",
           s.time_zone AS "timeZone", s.working_hours::text AS "workingHours", s.role_profile AS "roleProfile",
           first_team.team_id AS "teamId",
           org_layer.values::text AS "orgLayer",
           team_layer.values::text AS "teamLayer",
           member_layer.values::text AS "memberLayer"
      FROM (SELECT m.id AS member_id, m.organization_id) AS caller
      LEFT JOIN member_settings s
             ON s.organization_id = caller.organization_id AND s.member_id = caller.member_id
      LEFT JOIN LATERAL (
        SELECT tm.team_id
          FROM team_members tm
          JOIN teams t ON t.id = tm.team_id AND t.organization_id = tm.organization_id
         WHERE tm.organization_id = caller.organization_id AND tm.member_id = caller.member_id
           AND t.archived_at IS NULL
         ORDER BY tm.created_at, tm.id
         LIMIT 1) AS first_team ON true
      LEFT JOIN threshold_settings org_layer
             ON org_layer.organization_id = caller.organization_id AND org_layer.scope_key = 'org'
      LEFT JOIN threshold_settings team_layer
             ON team_layer.organization_id = caller.organization_id
            AND team_layer.scope_key = 'team:' || first_team.team_id
      LEFT JOIN threshold_settings member_layer
             ON member_layer.organization_id = caller.organization_id
            AND member_layer.scope_key = 'member:' || caller.member_id`;
}

/** The contexts of `selectMetricContextRows`, alone. */
export async function selectMetricContexts(
  sql: Sql,
  organizationId: string,
  memberIds: readonly string[],
): Promise<Map<string, MemberMetricContext>> {
  const rows = await selectMetricContextRows(sql, organizationId, memberIds);
  return new Map([...rows].map(([memberId, row]) => [memberId, row.context]));
}

/** The organization-level thresholds (no profile, team or member layer): the org view's streak lengths. */
export async function loadOrgThresholds(db: TenantClient) {
  const row = await db.thresholdSetting.findFirst({ where: { scopeKey: 'org' }, select: { values: true } });
  return orgThresholdsOf(row ? row.values : null);
}

/** `loadOrgThresholds` from the org layer's stored values (null: none). */
export function orgThresholdsOf(values: unknown) {
  return resolveThresholds({ org: values === null ? null : parseOverrides(values) }).values;
}
