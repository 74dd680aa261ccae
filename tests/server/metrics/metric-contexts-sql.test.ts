import { describe, expect, it } from 'vitest';
import { scopedDb } from '../../../server/src/lib/tenant-db.ts';
import { loadMetricContext } from '../../../server/src/modules/facts/metric-context.ts';
import {
  callerMetricContextSql,
  type MetricContextColumns,
  selectMetricContextRows,
  selectMetricContexts,
  toMetricContextRow,
} from '../../../server/src/modules/metrics/metric-contexts.ts';
import { createMemberWithToken } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

/**
 * The metric reads load contexts through postgres.js (selectMetricContexts); entry writes and the
 * thresholds API through Prisma (loadMetricContext). Both must resolve every member the same way.
 */
describe('selectMetricContexts', () => {
  const { app } = useTestApp();

  it('resolves settings, first active team and threshold layers exactly as loadMetricContext', async () => {
    const admin = await createMemberWithToken(app(), { role: 'admin', timeZone: 'Europe/Berlin' });
    const orgId = admin.orgId;
    const plain = await createMemberWithToken(app(), { orgId, timeZone: 'America/New_York' });
    const custom = await createMemberWithToken(app(), { orgId, timeZone: 'Asia/Kolkata' });
    const twoTeams = await createMemberWithToken(app(), { orgId });
    const archivedOnly = await createMemberWithToken(app(), { orgId });
    const noSettings = await createMemberWithToken(app(), { orgId });
    await app().db.memberSettings.delete({ where: { memberId: noSettings.memberId } });
    await app().db.memberSettings.update({
      where: { memberId: custom.memberId },
      data: {
        roleProfile: 'maker',
        workingHours: {
          '1': [{ start: '08:00', end: '12:00' }],
          '2': [],
          '3': [],
          '4': [],
          '5': [],
          '6': [],
          '7': [],
        },
      },
    });

    const archived = await app().db.team.create({
      data: { organizationId: orgId, name: 'Old', archivedAt: new Date('2026-01-01T00:00:00Z') },
    });
    const first = await app().db.team.create({ data: { organizationId: orgId, name: 'First' } });
    const second = await app().db.team.create({ data: { organizationId: orgId, name: 'Second' } });
    // Membership order decides the "first team": archived teams do not count.
    await app().db.teamMember.create({
      data: {
        organizationId: orgId,
        teamId: archived.id,
        memberId: twoTeams.memberId,
        createdAt: new Date('2026-01-01'),
      },
    });
    await app().db.teamMember.create({
      data: {
        organizationId: orgId,
        teamId: second.id,
        memberId: twoTeams.memberId,
        createdAt: new Date('2026-01-02'),
      },
    });
    await app().db.teamMember.create({
      data: {
        organizationId: orgId,
        teamId: first.id,
        memberId: twoTeams.memberId,
        createdAt: new Date('2026-01-03'),
      },
    });
    await app().db.teamMember.create({
      data: { organizationId: orgId, teamId: archived.id, memberId: archivedOnly.memberId },
    });
    await app().db.teamMember.create({
      data: { organizationId: orgId, teamId: first.id, memberId: custom.memberId },
    });
    await app().db.thresholdSetting.createMany({
      data: [
        { organizationId: orgId, scopeKey: 'org', values: { heavyMeetingDayMinutes: 240 } },
        { organizationId: orgId, scopeKey: `team:${second.id}`, values: { weekendMinutes: 30 } },
        { organizationId: orgId, scopeKey: `team:${archived.id}`, values: { weekendMinutes: 5 } },
        {
          organizationId: orgId,
          scopeKey: `member:${custom.memberId}`,
          values: { profiles: { maker: { targetMakerShare: 0.8 } } },
        },
      ],
    });
    // Another organization's layers must not leak in.
    const other = await createMemberWithToken(app(), { role: 'admin' });
    await app().db.thresholdSetting.create({
      data: { organizationId: other.orgId, scopeKey: 'org', values: { heavyMeetingDayMinutes: 60 } },
    });

    const ids = [admin, plain, custom, twoTeams, archivedOnly, noSettings].map((m) => m.memberId);
    const selected = await selectMetricContexts(app().sql, orgId, [...ids, ids[0] as string]);
    expect([...selected.keys()]).toEqual(ids);
    const db = scopedDb(app().db, orgId);
    for (const id of ids) expect(selected.get(id)).toEqual(await loadMetricContext(db, id));

    // The layers did apply (so the equality above is not between two sets of defaults).
    expect(selected.get(custom.memberId)?.thresholds.values.targetMakerShare).toBe(0.8);
    expect(selected.get(custom.memberId)?.workingHours['1']).toEqual([{ start: '08:00', end: '12:00' }]);
    expect(selected.get(twoTeams.memberId)?.thresholds.values.weekendMinutes).toBe(30);
    expect(selected.get(archivedOnly.memberId)?.thresholds.values.weekendMinutes).not.toBe(5);
    expect(selected.get(plain.memberId)?.thresholds.values.heavyMeetingDayMinutes).toBe(240);
    expect(selected.get(noSettings.memberId)?.timeZone).toBe('UTC');
    expect(await selectMetricContexts(app().sql, orgId, [])).toEqual(new Map());

    // The caller's own, as the API-token lookup selects it with the token (auth.ts, bearerPreload):
    // the same context, facts version and cache key.
    const rows = await selectMetricContextRows(app().sql, orgId, ids);
    const preloaded = await app().sql<(MetricContextColumns & { memberId: string })[]>`
      SELECT m.id AS "memberId", preload.*
        FROM members m
        LEFT JOIN LATERAL (${callerMetricContextSql(app().sql)}) AS preload ON true
       WHERE m.organization_id = ${orgId} AND m.id IN ${app().sql(ids)}`;
    expect(preloaded).toHaveLength(ids.length);
    for (const row of preloaded)
      expect(toMetricContextRow(row.memberId, row)).toEqual(rows.get(row.memberId));
  });
});
