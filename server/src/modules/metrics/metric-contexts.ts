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

function parseOverrides(values: unknown): ThresholdOverrides | null {
  const parsed = ThresholdOverridesSchema.safeParse(values);
  return parsed.success ? parsed.data : null;
}

/**
 * `loadMetricContext` for many members in three queries, for the team and org views (one query per
 * member would not scale with the organization). Same resolution: settings, then thresholds through
 * the organization, the member's first active team and the member. A test holds the two equal.
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

/**
 * `loadMetricContexts` in two statements through postgres.js, for the metric reads that run on every
 * dashboard view (series, team, org): the same rows and the same resolution, at a fraction of the
 * per-query CPU of Prisma's client. A test holds it equal to loadMetricContext.
 */
export async function selectMetricContexts(
  sql: Sql,
  organizationId: string,
  memberIds: readonly string[],
): Promise<Map<string, MemberMetricContext>> {
  const ids = [...new Set(memberIds)];
  if (ids.length === 0) return new Map();
  const [members, layerRows] = await Promise.all([
    sql<(SettingsRow & { memberId: string; teamId: string | null; hasSettings: boolean })[]>`
      SELECT ids.member_id AS "memberId",
             s.member_id IS NOT NULL AS "hasSettings",
             s.time_zone AS "timeZone", s.working_hours AS "workingHours", s.role_profile AS "roleProfile",
             (SELECT tm.team_id
                FROM team_members tm
                JOIN teams t ON t.id = tm.team_id AND t.organization_id = tm.organization_id
               WHERE tm.organization_id = ${organizationId} AND tm.member_id = ids.member_id
                 AND t.archived_at IS NULL
               ORDER BY tm.created_at, tm.id
               LIMIT 1) AS "teamId"
        FROM unnest(${ids}::text[]) AS ids(member_id)
        LEFT JOIN member_settings s ON s.organization_id = ${organizationId} AND s.member_id = ids.member_id`,
    sql<{ scopeKey: string; values: unknown }[]>`
      SELECT scope_key AS "scopeKey", values FROM threshold_settings WHERE organization_id = ${organizationId}`,
  ]);
  const bySettings = new Map<string, SettingsRow>();
  const firstTeam = new Map<string, string>();
  for (const row of members) {
    if (row.hasSettings) bySettings.set(row.memberId, row);
    if (row.teamId) firstTeam.set(row.memberId, row.teamId);
  }
  return resolveContexts(ids, bySettings, firstTeam, layerRows);
}

/** The organization-level thresholds (no profile, team or member layer): the org view's streak lengths. */
export async function loadOrgThresholds(db: TenantClient) {
  const row = await db.thresholdSetting.findFirst({ where: { scopeKey: 'org' }, select: { values: true } });
  return resolveThresholds({ org: row ? parseOverrides(row.values) : null }).values;
}
