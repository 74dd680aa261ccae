import { ListTeamsResponseSchema, TeamSchema } from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import { createMemberWithToken } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

describe('teams', () => {
  const { app } = useTestApp();

  it('create (private by default), rename, make open, add members and leads, remove, archive', async () => {
    const admin = await createMemberWithToken(app(), { role: 'admin' });
    const ana = await createMemberWithToken(app(), { orgId: admin.orgId, name: 'Ana' });
    const ben = await createMemberWithToken(app(), { orgId: admin.orgId, name: 'Ben' });

    const created = await app().inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: admin.headers,
      payload: { name: 'Core' },
    });
    expect(created.statusCode).toBe(201);
    const team = TeamSchema.parse(created.json());
    expect(team).toMatchObject({
      name: 'Core',
      visibility: 'private',
      sprintDays: 14,
      archivedAt: null,
      members: [],
    });

    const renamed = await app().inject({
      method: 'PATCH',
      url: `/api/v1/teams/${team.id}`,
      headers: admin.headers,
      payload: { name: 'Core Platform', visibility: 'open' },
    });
    expect(renamed.json()).toMatchObject({ name: 'Core Platform', visibility: 'open' });

    const put = (memberId: string, isLead: boolean) =>
      app().inject({
        method: 'PUT',
        url: `/api/v1/teams/${team.id}/members/${memberId}`,
        headers: admin.headers,
        payload: { isLead },
      });
    await put(ana.memberId, true);
    await put(ben.memberId, false);
    const twoLeads = TeamSchema.parse((await put(ben.memberId, true)).json());
    expect(twoLeads.members).toEqual([
      { memberId: ana.memberId, displayName: 'Ana', isLead: true },
      { memberId: ben.memberId, displayName: 'Ben', isLead: true },
    ]);

    const removed = await app().inject({
      method: 'DELETE',
      url: `/api/v1/teams/${team.id}/members/${ben.memberId}`,
      headers: admin.headers,
    });
    expect(removed.json().members.map((m: { memberId: string }) => m.memberId)).toEqual([ana.memberId]);

    const archived = await app().inject({
      method: 'POST',
      url: `/api/v1/teams/${team.id}/archive`,
      headers: admin.headers,
    });
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    // Archived teams are left out of the list unless asked for, and cannot change.
    const list = ListTeamsResponseSchema.parse(
      (await app().inject({ method: 'GET', url: '/api/v1/teams', headers: ana.headers })).json(),
    );
    expect(list.items).toEqual([]);
    const all = await app().inject({
      method: 'GET',
      url: '/api/v1/teams?includeArchived=true',
      headers: ana.headers,
    });
    expect(all.json().items).toHaveLength(1);
    expect((await put(ben.memberId, false)).statusCode).toBe(409);

    const actions = (await app().db.auditEvent.findMany({ orderBy: { createdAt: 'asc' } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual([
      'team.created',
      'team.updated',
      'team.member_added',
      'team.member_added',
      'team.lead_changed',
      'team.member_removed',
      'team.archived',
    ]);
    const visibilityChange = await app().db.auditEvent.findFirstOrThrow({
      where: { action: 'team.updated' },
    });
    expect(visibilityChange.details).toMatchObject({ visibility: { from: 'private', to: 'open' } });
  });

  it('managers may manage teams; members and leads may not', async () => {
    const admin = await createMemberWithToken(app(), { role: 'admin' });
    const manager = await createMemberWithToken(app(), { orgId: admin.orgId, role: 'manager' });
    const lead = await createMemberWithToken(app(), { orgId: admin.orgId });
    const other = await createMemberWithToken(app(), { orgId: admin.orgId });
    const team = (
      await app().inject({
        method: 'POST',
        url: '/api/v1/teams',
        headers: manager.headers,
        payload: { name: 'Ops' },
      })
    ).json();
    expect(team.id).toBeTruthy();
    await app().inject({
      method: 'PUT',
      url: `/api/v1/teams/${team.id}/members/${lead.memberId}`,
      headers: manager.headers,
      payload: { isLead: true },
    });

    const attempts = [
      { method: 'POST' as const, url: '/api/v1/teams', payload: { name: 'Mine' } },
      { method: 'PATCH' as const, url: `/api/v1/teams/${team.id}`, payload: { visibility: 'open' } },
      {
        method: 'PUT' as const,
        url: `/api/v1/teams/${team.id}/members/${other.memberId}`,
        payload: { isLead: false },
      },
      { method: 'DELETE' as const, url: `/api/v1/teams/${team.id}/members/${lead.memberId}` },
      { method: 'POST' as const, url: `/api/v1/teams/${team.id}/archive` },
    ];
    for (const attempt of attempts) {
      const response = await app().inject({ ...attempt, headers: lead.headers });
      expect(response.statusCode, `${attempt.method} ${attempt.url}`).toBe(403);
    }
    const unchanged = await app().db.team.findUniqueOrThrow({
      where: { id: team.id },
      include: { members: true },
    });
    expect(unchanged).toMatchObject({ visibility: 'private', archivedAt: null });
    expect(unchanged.members).toHaveLength(1);
  });

  it('answers 409 for a duplicate name and 404 for a member of another organization', async () => {
    const admin = await createMemberWithToken(app(), { role: 'admin' });
    const outsider = await createMemberWithToken(app());
    const team = (
      await app().inject({
        method: 'POST',
        url: '/api/v1/teams',
        headers: admin.headers,
        payload: { name: 'Dup' },
      })
    ).json();
    const dup = await app().inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: admin.headers,
      payload: { name: 'Dup' },
    });
    expect(dup.statusCode).toBe(409);
    const foreign = await app().inject({
      method: 'PUT',
      url: `/api/v1/teams/${team.id}/members/${outsider.memberId}`,
      headers: admin.headers,
      payload: { isLead: true },
    });
    expect(foreign.statusCode).toBe(404);
    expect(await app().db.teamMember.count()).toBe(0);
  });
});
