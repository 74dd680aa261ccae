import { describe, expect, it } from 'vitest';
import { generateData } from '../../../server/src/demo/generate.ts';
import { useTestApp } from '../../helpers/test-app.ts';
import { tokenFor } from '../reliability/support.ts';

/** `npm run tiltmeter -- generate`: realistic, deterministic, idempotent per seed, through the write path. */
describe('the data generator', () => {
  const { app } = useTestApp();

  it('generates teams of about eight with classified calendars, and changes nothing the second time', async () => {
    const options = { orgs: 1, members: 17, weeks: 6, seed: 5, toWeek: '2026-W02' as const };
    const first = await generateData({ db: app().db, sql: app().sql }, options);
    const organization = first.organizations[0];
    if (!organization) throw new Error('no organization');
    // Six weeks over the new year: Christmas and New Year's Day fall in them in every zone.
    expect(first.fromWeek).toBe('2025-W49');
    expect(organization.memberIds).toHaveLength(17);
    expect(organization.teams.map((team) => team.memberIds.length)).toEqual([9, 8]);
    expect(first.entries.created).toBe(first.generated);
    expect(first.generated).toBeGreaterThan(17 * 6 * 15);

    // Every kind of entry the generator promises, classified by the default rules.
    const orgId = organization.organizationId;
    const count = (where: object) => app().db.entry.count({ where: { organizationId: orgId, ...where } });
    expect(await count({ category: 'maker' })).toBeGreaterThan(0);
    expect(await count({ category: 'manager', subtype: 'one_on_one' })).toBeGreaterThan(0);
    expect(await count({ category: 'manager', title: 'Daily standup' })).toBeGreaterThan(0);
    expect(await count({ category: 'excluded', title: 'Vacation' })).toBeGreaterThan(0);
    expect(await count({ title: { startsWith: 'Public holiday' } })).toBeGreaterThan(0);
    expect(await count({ category: 'unclassified' })).toBe(0);
    // Day facts were written with the entries, as any import writes them.
    expect(first.dayFacts).toBeGreaterThan(17 * 6 * 5 * 0.8);

    // Aggregates work: a team of eight shows its weeks.
    const admin = await tokenFor(app(), orgId, organization.memberIds[0] as string);
    const team = await app().inject({
      method: 'GET',
      url: `/api/v1/teams/${organization.teams[1]?.id}/metrics?from=2025-W49&to=2026-W02`,
      headers: admin.headers,
    });
    expect(team.statusCode).toBe(200);
    expect(team.json().summary.suppressed).toBe(false);

    // Same seed, same options: everything is found in place.
    const again = await generateData({ db: app().db, sql: app().sql }, options);
    expect(again.organizations[0]?.organizationId).toBe(orgId);
    expect(again.entries).toEqual({ created: 0, updated: 0, removed: 0, unchanged: first.generated });
    expect(await app().db.member.count({ where: { organizationId: orgId } })).toBe(17);
    expect(again.dayFacts).toBe(first.dayFacts);
  });
});
