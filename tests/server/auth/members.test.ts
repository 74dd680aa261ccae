import { ListAuditResponseSchema, ListMembersResponseSchema, MemberSchema } from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import { createMemberWithToken } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

describe('members: roles, removal, and the audit log', () => {
  const { app } = useTestApp();

  async function orgWithAdminAndMember() {
    const admin = await createMemberWithToken(app(), { role: 'admin', name: 'Alice Admin' });
    const member = await createMemberWithToken(app(), { orgId: admin.orgId, name: 'Bob Member' });
    return { admin, member };
  }

  it('lists the members of the current organization to every member', async () => {
    const { admin, member } = await orgWithAdminAndMember();
    await createMemberWithToken(app()); // someone in another organization
    const response = await app().inject({ method: 'GET', url: '/api/v1/members', headers: member.headers });
    expect(response.statusCode).toBe(200);
    const { items } = ListMembersResponseSchema.parse(response.json());
    expect(items.map((m) => [m.id, m.displayName, m.role])).toEqual([
      [admin.memberId, 'Alice Admin', 'admin'],
      [member.memberId, 'Bob Member', 'member'],
    ]);
  });

  it('an admin changes a role; the change is audited with from and to, and shows in GET /audit', async () => {
    const { admin, member } = await orgWithAdminAndMember();
    const response = await app().inject({
      method: 'PATCH',
      url: `/api/v1/members/${member.memberId}`,
      headers: admin.headers,
      payload: { role: 'manager' },
    });
    expect(response.statusCode).toBe(200);
    expect(MemberSchema.parse(response.json())).toMatchObject({ id: member.memberId, role: 'manager' });

    // The new role applies to the member's very next request.
    const me = await app().inject({ method: 'GET', url: '/api/v1/me', headers: member.headers });
    expect(me.json().role).toBe('manager');

    const audit = await app().inject({ method: 'GET', url: '/api/v1/audit', headers: admin.headers });
    expect(audit.statusCode).toBe(200);
    const events = ListAuditResponseSchema.parse(audit.json()).items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'member.role_changed',
      actor: { memberId: admin.memberId, displayName: 'Alice Admin' },
      targetType: 'member',
      targetId: member.memberId,
      details: { from: 'member', to: 'manager' },
    });
  });

  it('answers 403 to non-admins (members and managers) and changes nothing', async () => {
    const { admin, member } = await orgWithAdminAndMember();
    const manager = await createMemberWithToken(app(), { orgId: admin.orgId, role: 'manager' });
    for (const caller of [member, manager]) {
      const patch = await app().inject({
        method: 'PATCH',
        url: `/api/v1/members/${admin.memberId}`,
        headers: caller.headers,
        payload: { role: 'member' },
      });
      expect(patch.statusCode).toBe(403);
      const remove = await app().inject({
        method: 'DELETE',
        url: `/api/v1/members/${admin.memberId}`,
        headers: caller.headers,
      });
      expect(remove.statusCode).toBe(403);
      const audit = await app().inject({ method: 'GET', url: '/api/v1/audit', headers: caller.headers });
      expect(audit.statusCode).toBe(403);
    }
    expect((await app().db.member.findUniqueOrThrow({ where: { id: admin.memberId } })).role).toBe('admin');
    expect(await app().db.auditEvent.count()).toBe(0);
  });

  it('never leaves an organization without an admin', async () => {
    const { admin } = await orgWithAdminAndMember();
    const demote = await app().inject({
      method: 'PATCH',
      url: `/api/v1/members/${admin.memberId}`,
      headers: admin.headers,
      payload: { role: 'member' },
    });
    expect(demote.statusCode).toBe(409);
    const remove = await app().inject({
      method: 'DELETE',
      url: `/api/v1/members/${admin.memberId}`,
      headers: admin.headers,
    });
    expect(remove.statusCode).toBe(409);

    const second = await createMemberWithToken(app(), { orgId: admin.orgId, role: 'admin' });
    const nowOk = await app().inject({
      method: 'PATCH',
      url: `/api/v1/members/${admin.memberId}`,
      headers: second.headers,
      payload: { role: 'member' },
    });
    expect(nowOk.statusCode).toBe(200);
  });

  it('removing a member ends their access (token included) and is audited', async () => {
    const { admin, member } = await orgWithAdminAndMember();
    const response = await app().inject({
      method: 'DELETE',
      url: `/api/v1/members/${member.memberId}`,
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(204);
    expect(
      (await app().inject({ method: 'GET', url: '/api/v1/me', headers: member.headers })).statusCode,
    ).toBe(401);
    const events = await app().db.auditEvent.findMany({ where: { action: 'member.removed' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorMemberId: admin.memberId, targetId: member.memberId });
    expect(events[0]?.details).toMatchObject({ email: member.email, role: 'member' });
  });

  it('pages the audit log newest first and filters by action', async () => {
    const { admin, member } = await orgWithAdminAndMember();
    for (const role of ['manager', 'member', 'manager'] as const) {
      await app().inject({
        method: 'PATCH',
        url: `/api/v1/members/${member.memberId}`,
        headers: admin.headers,
        payload: { role },
      });
    }
    await app().inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin.headers,
      payload: { name: 'x' },
    });

    const first = ListAuditResponseSchema.parse(
      (await app().inject({ method: 'GET', url: '/api/v1/audit?limit=2', headers: admin.headers })).json(),
    );
    expect(first.items.map((e) => e.action)).toEqual(['token.created', 'member.role_changed']);
    expect(first.nextCursor).not.toBeNull();
    const second = ListAuditResponseSchema.parse(
      (
        await app().inject({
          method: 'GET',
          url: `/api/v1/audit?limit=2&cursor=${first.nextCursor}`,
          headers: admin.headers,
        })
      ).json(),
    );
    // The first page held the third change (member -> manager); these are the second and the first.
    expect(second.items.map((e) => e.details)).toEqual([
      { from: 'manager', to: 'member' },
      { from: 'member', to: 'manager' },
    ]);
    expect(second.nextCursor).toBeNull();

    const filtered = ListAuditResponseSchema.parse(
      (
        await app().inject({
          method: 'GET',
          url: '/api/v1/audit?action=token.created',
          headers: admin.headers,
        })
      ).json(),
    );
    expect(filtered.items.map((e) => e.action)).toEqual(['token.created']);
  });
});
