import {
  type CreateRuleBody,
  type EngineEntry,
  type PreviewRulesBody,
  type PreviewRulesResponse,
  previewRules,
  type RecomputeStatus,
  type ReorderRulesBody,
  replaceRuleSet,
  ruleSetFromDraft,
  type StoredRule,
  type UpdateRuleBody,
} from '@tiltmeter/shared';
import type { FastifyInstance } from 'fastify';
import { AppError, notFound } from '../../lib/errors.ts';
import type { TenantDb } from '../../lib/tenant-db.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import type { JobRecord } from '../../plugins/jobs.ts';
import { toEngineEntry } from '../entries/entry-writer.ts';
import { loadRuleSetsForMember, ruleFromRow } from './rule-sets.ts';

export const RECOMPUTE_JOB = 'recompute-classifications';
const PREVIEW_WINDOW_DAYS = 28;

type RuleRow = Parameters<typeof ruleFromRow>[0];

export function toStoredRule(row: RuleRow): StoredRule {
  return { ...ruleFromRow(row), teamId: row.teamId };
}

export function toRecomputeStatus(job: JobRecord): RecomputeStatus {
  return {
    id: job.id,
    status: job.status as RecomputeStatus['status'],
    done: job.done,
    total: job.total,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    error: job.error,
  };
}

/** Organization rules are the admins'; a team's rules are its leads' (and the admins'). */
async function assertMayEditRuleSet(db: TenantDb, auth: AuthContext, teamId: string | null) {
  if (auth.role === 'admin') {
    if (teamId && !(await db.team.findUnique({ where: { id: teamId }, select: { id: true } })))
      throw notFound('Team');
    return;
  }
  if (teamId) {
    const lead = await db.teamMember.findFirst({ where: { teamId, memberId: auth.memberId, isLead: true } });
    if (lead) return;
    if (!(await db.team.findUnique({ where: { id: teamId }, select: { id: true } }))) throw notFound('Team');
  }
  throw new AppError(
    'forbidden',
    teamId
      ? 'Only the team’s leads and admins can change its rules'
      : 'Only admins can change the organization’s rules',
  );
}

export async function listRules(db: TenantDb, teamId: string | null): Promise<StoredRule[]> {
  const rows = await db.rule.findMany({
    where: { teamId },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
  });
  return rows.map(toStoredRule);
}

export async function latestRecompute(db: TenantDb): Promise<RecomputeStatus | null> {
  const job = await db.backgroundJob.findFirst({
    where: { kind: RECOMPUTE_JOB },
    orderBy: { createdAt: 'desc' },
  });
  return job ? toRecomputeStatus(job) : null;
}

async function scheduleRecompute(app: FastifyInstance, auth: AuthContext, teamId: string | null) {
  return toRecomputeStatus(await app.jobs.enqueue(RECOMPUTE_JOB, auth.orgId, { teamId }));
}

/** Positions 0..n-1 in the given order, so the stored order is always dense and unambiguous. */
async function renumber(db: TenantDb, ids: string[]) {
  await Promise.all(ids.map((id, position) => db.rule.update({ where: { id }, data: { position } })));
}

export async function createRule(
  app: FastifyInstance,
  db: TenantDb,
  auth: AuthContext,
  body: CreateRuleBody,
) {
  await assertMayEditRuleSet(db, auth, body.teamId);
  const rule = await db.$transaction(async (tx) => {
    const existing = await tx.rule.findMany({
      where: { teamId: body.teamId },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      select: { id: true },
    });
    const created = await tx.rule.create({
      data: {
        organizationId: auth.orgId,
        teamId: body.teamId,
        name: body.name,
        enabled: body.enabled,
        position: existing.length,
        conditions: body.conditions,
        category: body.outcome.category,
        subtype: body.outcome.subtype,
      },
    });
    const order = existing.map((row) => row.id);
    order.splice(Math.min(body.position ?? order.length, order.length), 0, created.id);
    await renumber(tx as TenantDb, order);
    return tx.rule.findUniqueOrThrow({ where: { id: created.id } });
  });
  return { rule: toStoredRule(rule), recompute: await scheduleRecompute(app, auth, body.teamId) };
}

export async function updateRule(
  app: FastifyInstance,
  db: TenantDb,
  auth: AuthContext,
  id: string,
  body: UpdateRuleBody,
) {
  const before = await db.rule.findUnique({ where: { id } });
  if (!before) throw notFound('Rule');
  await assertMayEditRuleSet(db, auth, before.teamId);
  const rule = await db.$transaction(async (tx) => {
    await tx.rule.update({
      where: { id },
      data: {
        name: body.name,
        enabled: body.enabled,
        conditions: body.conditions,
        category: body.outcome?.category,
        subtype: body.outcome ? body.outcome.subtype : undefined,
      },
    });
    if (body.position !== undefined) {
      const order = (
        await tx.rule.findMany({
          where: { teamId: before.teamId },
          orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
          select: { id: true },
        })
      )
        .map((row) => row.id)
        .filter((ruleId) => ruleId !== id);
      order.splice(Math.min(body.position, order.length), 0, id);
      await renumber(tx as TenantDb, order);
    }
    return tx.rule.findUniqueOrThrow({ where: { id } });
  });
  return { rule: toStoredRule(rule), recompute: await scheduleRecompute(app, auth, before.teamId) };
}

export async function deleteRule(app: FastifyInstance, db: TenantDb, auth: AuthContext, id: string) {
  const before = await db.rule.findUnique({ where: { id } });
  if (!before) throw notFound('Rule');
  await assertMayEditRuleSet(db, auth, before.teamId);
  await db.$transaction(async (tx) => {
    await tx.rule.delete({ where: { id } });
    const rest = await tx.rule.findMany({
      where: { teamId: before.teamId },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      select: { id: true },
    });
    await renumber(
      tx as TenantDb,
      rest.map((row) => row.id),
    );
  });
  return { rule: null, recompute: await scheduleRecompute(app, auth, before.teamId) };
}

export async function reorderRules(
  app: FastifyInstance,
  db: TenantDb,
  auth: AuthContext,
  body: ReorderRulesBody,
) {
  await assertMayEditRuleSet(db, auth, body.teamId);
  await db.$transaction(async (tx) => {
    const current = await tx.rule.findMany({ where: { teamId: body.teamId }, select: { id: true } });
    const known = new Set(current.map((row) => row.id));
    if (
      body.ids.length !== known.size ||
      new Set(body.ids).size !== body.ids.length ||
      body.ids.some((id) => !known.has(id))
    ) {
      throw new AppError('validation_failed', 'ids must list every rule of the set exactly once', [
        { path: ['body', 'ids'], message: `expected the ${known.size} ids of this rule set, each once` },
      ]);
    }
    await renumber(tx as TenantDb, body.ids);
  });
  return { rule: null, recompute: await scheduleRecompute(app, auth, body.teamId) };
}

/**
 * How a draft rule set would classify the caller's own recent entries (the last four weeks unless a
 * window is given), against how they are classified now. Nothing is saved.
 */
export async function previewRuleChange(
  db: TenantDb,
  auth: AuthContext,
  body: PreviewRulesBody,
  now = new Date(),
): Promise<PreviewRulesResponse> {
  const to = body.to ? new Date(body.to) : now;
  const from = body.from ? new Date(body.from) : new Date(to.getTime() - PREVIEW_WINDOW_DAYS * 86_400_000);
  const [ruleSets, rows, seriesOverrides] = await Promise.all([
    loadRuleSetsForMember(db, auth.memberId),
    db.entry.findMany({
      where: { memberId: auth.memberId, start: { lt: to }, end: { gt: from } },
      orderBy: { start: 'asc' },
      take: 5_000,
    }),
    db.seriesOverride.findMany({ where: { memberId: auth.memberId } }),
  ]);
  const entries: EngineEntry[] = rows.map(toEngineEntry);
  const overrides = [
    ...seriesOverrides.map((row) => ({
      scope: 'series' as const,
      seriesId: row.seriesId,
      category: row.category,
      subtype: row.subtype,
    })),
    ...rows
      .filter((row) => row.overrideCategory)
      .map((row) => ({
        scope: 'entry' as const,
        entryId: row.id,
        category: row.overrideCategory,
        subtype: row.overrideSubtype,
      })),
  ] as Parameters<typeof previewRules>[0]['overrides'];
  const draft = replaceRuleSet(ruleSets, ruleSetFromDraft(body.teamId, body.rules));
  return previewRules({ entries, current: { ruleSets }, draft, overrides, sampleSize: body.sampleSize });
}
