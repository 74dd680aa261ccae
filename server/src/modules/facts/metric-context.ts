import {
  DEFAULT_WORKING_HOURS,
  type ResolvedThresholds,
  type RoleProfile,
  type ThresholdOverrides,
  ThresholdOverridesSchema,
  type WorkingHours,
  WorkingHoursSchema,
} from '@tiltmeter/shared';
import type { DayContext } from '../../engine/day-facts.ts';
import { resolveThresholds } from '../../engine/index.ts';
import type { TenantDb } from '../../lib/tenant-db.ts';

/** Everything the metric engines need to know about one member besides their entries. */
export interface MemberMetricContext extends DayContext {
  memberId: string;
  profile: RoleProfile;
  thresholds: ResolvedThresholds;
}

function parseOverrides(values: unknown): ThresholdOverrides | null {
  const parsed = ThresholdOverridesSchema.safeParse(values);
  return parsed.success ? parsed.data : null;
}

/**
 * Settings (zone, working hours, profile) and thresholds resolved through the organization, the
 * member's first team and the member. A member without settings yet is measured with the defaults.
 */
export async function loadMetricContext(db: TenantDb, memberId: string): Promise<MemberMetricContext> {
  const [settings, firstTeam] = await Promise.all([
    db.memberSettings.findUnique({
      where: { memberId },
      select: { timeZone: true, workingHours: true, roleProfile: true },
    }),
    db.teamMember.findFirst({
      where: { memberId, team: { archivedAt: null } },
      orderBy: { createdAt: 'asc' },
      select: { teamId: true },
    }),
  ]);
  const scopeKeys = ['org', `member:${memberId}`, ...(firstTeam ? [`team:${firstTeam.teamId}`] : [])];
  const layers = await db.thresholdSetting.findMany({
    where: { scopeKey: { in: scopeKeys } },
    select: { scopeKey: true, values: true },
  });
  const layer = (key: string) => parseOverrides(layers.find((row) => row.scopeKey === key)?.values);
  const profile = (settings?.roleProfile ?? 'hybrid') as RoleProfile;
  const thresholds = resolveThresholds({
    profile,
    org: layer('org'),
    team: firstTeam ? layer(`team:${firstTeam.teamId}`) : null,
    member: layer(`member:${memberId}`),
  });
  const workingHours = WorkingHoursSchema.safeParse(settings?.workingHours);
  return {
    memberId,
    profile,
    timeZone: settings?.timeZone ?? 'UTC',
    workingHours: workingHours.success ? workingHours.data : (DEFAULT_WORKING_HOURS as WorkingHours),
    deepBlockMinutes: thresholds.values.deepBlockMinutes,
    thresholds,
  };
}
