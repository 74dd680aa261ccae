import { describe, expect, it } from 'vitest';
import { scopedDb } from '../../../server/src/lib/tenant-db.ts';
import { isAggregateAllowed } from '../../../server/src/lib/visibility.ts';
import {
  authorizeIndividualMetrics,
  loadMinGroupSize,
  visibleIndividualMetrics,
} from '../../../server/src/modules/visibility/visibility.service.ts';
import type { AuthContext } from '../../../server/src/plugins/auth.ts';
import { createMemberWithToken, type TestMember } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

describe('visibility service: the rules applied to real teams, settings and the audit log', () => {
  const { app } = useTestApp();

  const authOf = (member: TestMember, role: AuthContext['role'] = 'member'): AuthContext => ({
    userId: member.userId,
    memberId: member.memberId,
    orgId: member.orgId,
    role,
    via: 'token',
  });

  async function setUp() {
    const admin = await createMemberWithToken(app(), { role: 'admin' });
    const orgId = admin.orgId;
    const lead = await createMemberWithToken(app(), { orgId });
    const shared = await createMemberWithToken(app(), { orgId });
    const unshared = await createMemberWithToken(app(), { orgId });
    const outsider = await createMemberWithToken(app());
    const call = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object, headers = admin.headers) =>
      app().inject({ method, url, headers, payload });
    const team = (await call('POST', '/api/v1/teams', { name: 'Team' })).json();
    await call('PUT', `/api/v1/teams/${team.id}/members/${lead.memberId}`, { isLead: true });
    await call('PUT', `/api/v1/teams/${team.id}/members/${shared.memberId}`, { isLead: false });
    await call('PUT', `/api/v1/teams/${team.id}/members/${unshared.memberId}`, { isLead: false });
    await call('PATCH', '/api/v1/me/settings', { shareWithTeamLeads: true }, shared.headers);
    await app().db.auditEvent.deleteMany();
    return { admin, lead, shared, unshared, outsider, team, db: scopedDb(app().db, orgId) };
  }

  it('lets a lead see a member who shares, audits it with the reason, and refuses the one who does not', async () => {
    const { lead, shared, unshared, team, db } = await setUp();
    const access = await authorizeIndividualMetrics(db, authOf(lead), shared.memberId);
    expect(access).toEqual({ reason: 'shared_with_lead', teamId: team.id });
    const audit = await app().db.auditEvent.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'metrics.individual_viewed',
      actorMemberId: lead.memberId,
      targetId: shared.memberId,
      details: { reason: 'shared_with_lead', teamId: team.id },
    });

    await expect(authorizeIndividualMetrics(db, authOf(lead), unshared.memberId)).rejects.toMatchObject({
      status: 403,
    });
    expect(await app().db.auditEvent.count()).toBe(1);
  });

  it('gives an admin no view of individual metrics for being admin, and nobody a view across organizations', async () => {
    const { admin, shared, outsider, db } = await setUp();
    await expect(
      authorizeIndividualMetrics(db, authOf(admin, 'admin'), shared.memberId),
    ).rejects.toMatchObject({
      status: 403,
    });
    // A member of another organization does not exist here.
    await expect(
      authorizeIndividualMetrics(db, authOf(admin, 'admin'), outsider.memberId),
    ).rejects.toMatchObject({
      status: 404,
    });
    // Own metrics: always, and not audited.
    expect(await authorizeIndividualMetrics(db, authOf(admin, 'admin'), admin.memberId)).toEqual({
      reason: 'own',
    });
    expect(await app().db.auditEvent.count()).toBe(0);
  });

  it('an open team shows its members to each other; archiving it or revoking consent takes views away', async () => {
    const { admin, lead, shared, unshared, team, db } = await setUp();
    const before = await visibleIndividualMetrics(db, authOf(unshared), [shared.memberId, lead.memberId]);
    expect([...before.keys()]).toEqual([]);

    await app().inject({
      method: 'PATCH',
      url: `/api/v1/teams/${team.id}`,
      headers: admin.headers,
      payload: { visibility: 'open' },
    });
    const open = await visibleIndividualMetrics(db, authOf(unshared), [
      shared.memberId,
      lead.memberId,
      admin.memberId,
    ]);
    expect(Object.fromEntries(open)).toEqual({
      [shared.memberId]: { reason: 'open_team', teamId: team.id },
      [lead.memberId]: { reason: 'open_team', teamId: team.id },
    });

    await app().inject({ method: 'POST', url: `/api/v1/teams/${team.id}/archive`, headers: admin.headers });
    expect((await visibleIndividualMetrics(db, authOf(unshared), [shared.memberId])).size).toBe(0);
    expect((await visibleIndividualMetrics(db, authOf(lead), [shared.memberId])).size).toBe(0);
  });

  it('allows a team aggregate at 5 members and not at 4, following the organization setting', async () => {
    const { admin, team, db } = await setUp();
    const teamSize = async () => db.teamMember.count({ where: { teamId: team.id } });
    const minimum = await loadMinGroupSize(db, authOf(admin, 'admin'));
    expect(minimum).toBe(5);

    const fourth = await createMemberWithToken(app(), { orgId: admin.orgId });
    await app().inject({
      method: 'PUT',
      url: `/api/v1/teams/${team.id}/members/${fourth.memberId}`,
      headers: admin.headers,
      payload: { isLead: false },
    });
    expect(await teamSize()).toBe(4);
    expect(isAggregateAllowed(await teamSize(), minimum)).toBe(false);

    await app().inject({
      method: 'PUT',
      url: `/api/v1/teams/${team.id}/members/${admin.memberId}`,
      headers: admin.headers,
      payload: { isLead: false },
    });
    expect(await teamSize()).toBe(5);
    expect(isAggregateAllowed(await teamSize(), minimum)).toBe(true);

    await app().inject({
      method: 'PATCH',
      url: '/api/v1/organizations/current',
      headers: admin.headers,
      payload: { minGroupSize: 6 },
    });
    expect(isAggregateAllowed(await teamSize(), await loadMinGroupSize(db, authOf(admin, 'admin')))).toBe(
      false,
    );
  });
});
