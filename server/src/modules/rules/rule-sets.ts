import { DEFAULT_RULES, type Rule, RuleConditionsSchema, type RuleSet } from '@tiltmeter/shared';
import type { TenantDb } from '../../lib/tenant-db.ts';

type RuleRow = {
  id: string;
  teamId: string | null;
  name: string;
  enabled: boolean;
  position: number;
  conditions: unknown;
  category: string;
  subtype: string | null;
};

export function ruleFromRow(row: RuleRow): Rule {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    position: row.position,
    // Stored conditions were validated on write; parsing again guards against hand-edited rows.
    conditions: RuleConditionsSchema.parse(row.conditions),
    outcome: { category: row.category, subtype: row.subtype } as Rule['outcome'],
  };
}

/** The rule sets that classify one member's entries: their teams' sets first, then the organization's. */
export async function loadRuleSetsForMember(db: TenantDb, memberId: string): Promise<RuleSet[]> {
  const teams = await db.teamMember.findMany({
    where: { memberId, team: { archivedAt: null } },
    select: { teamId: true },
    orderBy: { createdAt: 'asc' },
  });
  const teamIds = teams.map((team) => team.teamId);
  const rows = await db.rule.findMany({
    where: { OR: [{ teamId: null }, { teamId: { in: teamIds } }] },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
  });
  const sets: RuleSet[] = teamIds.map((teamId) => ({
    teamId,
    rules: rows.filter((row) => row.teamId === teamId).map(ruleFromRow),
  }));
  sets.push({ teamId: null, rules: rows.filter((row) => row.teamId === null).map(ruleFromRow) });
  return sets;
}

/** Every new organization starts with the default rules, as its own editable rows. */
export async function installDefaultRules(db: TenantDb): Promise<void> {
  await db.rule.createMany({
    data: DEFAULT_RULES.map((rule) => ({
      // organizationId is stamped by the tenant-scoped client.
      organizationId: '',
      name: rule.name,
      enabled: rule.enabled,
      position: rule.position,
      conditions: rule.conditions,
      category: rule.outcome.category,
      subtype: rule.outcome.subtype ?? null,
    })),
  });
}
