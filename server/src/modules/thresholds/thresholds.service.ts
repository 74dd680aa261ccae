import {
  ROLE_PROFILES,
  THRESHOLD_DEFAULTS,
  type ThresholdOverrides,
  ThresholdOverridesSchema,
  type ThresholdSettingsResponse,
  ThresholdsSchema,
} from '@tiltmeter/shared';
import type { FastifyInstance } from 'fastify';
import { resolveThresholds } from '../../engine/index.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { TenantDb } from '../../lib/tenant-db.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import { loadMetricContext } from '../facts/metric-context.ts';
import { RECOMPUTE_JOB } from '../rules/rules.service.ts';

const parse = (values: unknown) => {
  const parsed = ThresholdOverridesSchema.safeParse(values);
  return parsed.success ? parsed.data : null;
};

export async function getThresholdSettings(
  db: TenantDb,
  auth: AuthContext,
): Promise<ThresholdSettingsResponse> {
  const [rows, teams, context] = await Promise.all([
    db.thresholdSetting.findMany({ select: { scopeKey: true, values: true } }),
    db.team.findMany({
      where: { archivedAt: null },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
    loadMetricContext(db, auth.memberId),
  ]);
  const byScope = new Map(rows.map((row) => [row.scopeKey, parse(row.values)]));
  return {
    defaults: THRESHOLD_DEFAULTS,
    organization: byScope.get('org') ?? null,
    teams: teams.map((team) => ({
      teamId: team.id,
      name: team.name,
      overrides: byScope.get(`team:${team.id}`) ?? null,
    })),
    me: { overrides: byScope.get(`member:${auth.memberId}`) ?? null, resolved: context.thresholds },
  };
}

/**
 * Overrides must leave a coherent set for every profile (e.g. the sustained-tilt streak no longer than
 * the burnout one): checked against every role profile with the layer applied on the defaults.
 */
function assertCoherent(layer: 'org' | 'team' | 'member', overrides: ThresholdOverrides) {
  for (const profile of ROLE_PROFILES) {
    const resolved = resolveThresholds({ profile, [layer]: overrides });
    const check = ThresholdsSchema.safeParse(resolved.values);
    if (!check.success) {
      const issue = check.error.issues[0];
      throw new AppError('validation_failed', `Invalid body.${issue?.path.join('.')}: ${issue?.message}`, [
        {
          path: [
            'body',
            ...(issue?.path ?? []).map((part) => (typeof part === 'symbol' ? String(part) : part)),
          ],
          message: issue?.message ?? 'is invalid',
        },
      ]);
    }
  }
}

async function save(db: TenantDb, auth: AuthContext, scopeKey: string, overrides: ThresholdOverrides) {
  await db.thresholdSetting.upsert({
    where: { organizationId_scopeKey: { organizationId: auth.orgId, scopeKey } },
    create: { organizationId: auth.orgId, scopeKey, values: overrides },
    update: { values: overrides },
  });
}

/**
 * Saves one scope's overrides. Signals are computed when read, so most changes take effect at once;
 * the deep-block length N is baked into the stored day facts, so changing it rebuilds them.
 */
export async function putThresholds(
  app: FastifyInstance,
  db: TenantDb,
  auth: AuthContext,
  scope: { kind: 'org' } | { kind: 'team'; teamId: string } | { kind: 'member' },
  overrides: ThresholdOverrides,
): Promise<ThresholdSettingsResponse> {
  let scopeKey: string;
  if (scope.kind === 'org') {
    if (auth.role !== 'admin')
      throw new AppError('forbidden', 'Only admins can change the organization’s thresholds');
    scopeKey = 'org';
  } else if (scope.kind === 'team') {
    const team = await db.team.findUnique({ where: { id: scope.teamId }, select: { id: true } });
    if (!team) throw notFound('Team');
    const lead = await db.teamMember.findFirst({
      where: { teamId: team.id, memberId: auth.memberId, isLead: true },
    });
    if (auth.role !== 'admin' && !lead)
      throw new AppError('forbidden', 'Only the team’s leads and admins can change its thresholds');
    scopeKey = `team:${team.id}`;
  } else {
    scopeKey = `member:${auth.memberId}`;
  }
  assertCoherent(scope.kind, overrides);
  const before = await db.thresholdSetting.findUnique({
    where: { organizationId_scopeKey: { organizationId: auth.orgId, scopeKey } },
    select: { values: true },
  });
  await save(db, auth, scopeKey, overrides);
  if (parse(before?.values)?.deepBlockMinutes !== overrides.deepBlockMinutes) {
    await app.jobs.enqueue(RECOMPUTE_JOB, auth.orgId, {
      allFacts: true,
      teamId: scope.kind === 'team' ? scope.teamId : null,
      memberId: scope.kind === 'member' ? auth.memberId : null,
    });
  }
  return getThresholdSettings(db, auth);
}
