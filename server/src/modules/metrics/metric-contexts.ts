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

/** The organization-level thresholds (no profile, team or member layer): the org view's streak lengths. */
export async function loadOrgThresholds(db: TenantClient) {
  const row = await db.thresholdSetting.findFirst({ where: { scopeKey: 'org' }, select: { values: true } });
  return resolveThresholds({ org: row ? parseOverrides(row.values) : null }).values;
}
