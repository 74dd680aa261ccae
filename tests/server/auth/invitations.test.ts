import { InvitationSchema, ListInvitationsResponseSchema, MeSchema } from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import { createMemberWithToken, signUpWithCookie, TEST_ORIGIN } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

describe('invitations', () => {
  const { app } = useTestApp();

  async function invite(headers: Record<string, string>, payload: Record<string, unknown>) {
    return app().inject({ method: 'POST', url: '/api/v1/invitations', headers, payload });
  }

  it('an invitee without an account signs up for the invitation and accepts it: member with the role, in the team', async () => {
    const admin = await signUpWithCookie(app(), { organizationName: 'Inviting Org' });
    const team = await app().inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: admin.headers,
      payload: { name: 'Platform' },
    });
    const teamId = team.json().id as string;

    const created = await invite(admin.headers, {
      email: 'New.Person@Example.test',
      role: 'manager',
      teamId,
    });
    expect(created.statusCode).toBe(201);
    const invitation = InvitationSchema.parse(created.json());
    expect(invitation).toMatchObject({
      email: 'new.person@example.test',
      role: 'manager',
      teamId,
      status: 'pending',
    });

    // Signing up with the invitation makes no organization of their own.
    const invitee = await signUpWithCookie(app(), {
      email: 'new.person@example.test',
      invitationId: invitation.id,
    });
    expect(invitee.orgId).toBeNull();
    const before = MeSchema.parse(
      (await app().inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: invitee.cookie } })).json(),
    );
    expect(before).toMatchObject({ organization: null, role: null, settings: null });
    // Tenant routes need an organization.
    const members = await app().inject({
      method: 'GET',
      url: '/api/v1/members',
      headers: { cookie: invitee.cookie },
    });
    expect(members.statusCode).toBe(403);

    const accepted = await app().inject({
      method: 'POST',
      url: `/api/v1/invitations/${invitation.id}/accept`,
      headers: invitee.headers,
    });
    expect(accepted.statusCode).toBe(200);
    const me = MeSchema.parse(accepted.json());
    expect(me).toMatchObject({
      organization: { name: 'Inviting Org' },
      role: 'manager',
      user: { emailVerified: true },
    });
    expect(me.settings?.timeZone).toBe('UTC');

    // The session now acts in the new organization, and the invitee is in the team.
    const after = await app().inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: invitee.cookie },
    });
    expect(after.json().organization.id).toBe(admin.orgId);
    const teams = await app().inject({
      method: 'GET',
      url: '/api/v1/teams',
      headers: { cookie: invitee.cookie },
    });
    expect(teams.json().items[0].members.map((m: { memberId: string }) => m.memberId)).toContain(
      me.member?.id,
    );

    const list = ListInvitationsResponseSchema.parse(
      (
        await app().inject({ method: 'GET', url: '/api/v1/invitations', headers: { cookie: admin.cookie } })
      ).json(),
    );
    expect(list.items.map((i) => i.status)).toEqual(['accepted']);
    const actions = (
      await app().db.auditEvent.findMany({ where: { organizationId: admin.orgId ?? '' } })
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['invitation.created', 'member.joined']));

    // Used once.
    const again = await app().inject({
      method: 'POST',
      url: `/api/v1/invitations/${invitation.id}/accept`,
      headers: invitee.headers,
    });
    expect(again.statusCode).toBe(200);
    expect(await app().db.member.count({ where: { userId: invitee.userId } })).toBe(1);
  });

  it('someone with an account in another organization accepts, and then belongs to both', async () => {
    const admin = await signUpWithCookie(app(), { organizationName: 'Second Org' });
    const existing = await signUpWithCookie(app(), {
      email: 'both@example.test',
      organizationName: 'First Org',
    });
    const invitation = (await invite(admin.headers, { email: 'both@example.test' })).json();
    const accepted = await app().inject({
      method: 'POST',
      url: `/api/v1/invitations/${invitation.id}/accept`,
      headers: existing.headers,
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ organization: { name: 'Second Org' }, role: 'member' });
    const orgs = await app().inject({
      method: 'GET',
      url: '/api/v1/organizations',
      headers: { cookie: existing.cookie },
    });
    expect(orgs.json().items.map((o: { name: string; current: boolean }) => [o.name, o.current])).toEqual([
      ['First Org', false],
      ['Second Org', true],
    ]);
  });

  it('cannot be accepted by another account, nor with an API token', async () => {
    const admin = await signUpWithCookie(app());
    const invitation = (await invite(admin.headers, { email: 'right@example.test' })).json();
    const wrong = await signUpWithCookie(app(), { email: 'wrong@example.test' });
    const refused = await app().inject({
      method: 'POST',
      url: `/api/v1/invitations/${invitation.id}/accept`,
      headers: wrong.headers,
    });
    expect(refused.statusCode).toBe(404);

    const right = await createMemberWithToken(app(), { email: 'right@example.test' });
    const byToken = await app().inject({
      method: 'POST',
      url: `/api/v1/invitations/${invitation.id}/accept`,
      headers: right.headers,
    });
    expect(byToken.statusCode).toBe(403);
    expect(await app().db.member.count({ where: { organizationId: admin.orgId ?? '' } })).toBe(1);
  });

  it('sign-up with an invitation for another email is refused before creating anything', async () => {
    const admin = await signUpWithCookie(app());
    const invitation = (await invite(admin.headers, { email: 'invited@example.test' })).json();
    const response = await app().inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: TEST_ORIGIN },
      payload: {
        name: 'Eve',
        email: 'eve@example.test',
        password: 'long enough pw',
        invitationId: invitation.id,
      },
    });
    expect(response.statusCode).toBe(404);
    expect(await app().db.user.count({ where: { email: 'eve@example.test' } })).toBe(0);
  });

  it('only admins invite, list and cancel; a canceled invitation cannot be accepted', async () => {
    const admin = await createMemberWithToken(app(), { role: 'admin' });
    const member = await createMemberWithToken(app(), { orgId: admin.orgId });
    expect((await invite(member.headers, { email: 'x@example.test' })).statusCode).toBe(403);
    expect(
      (await app().inject({ method: 'GET', url: '/api/v1/invitations', headers: member.headers })).statusCode,
    ).toBe(403);

    const invitation = (await invite(admin.headers, { email: 'cancel.me@example.test' })).json();
    expect(
      (
        await app().inject({
          method: 'DELETE',
          url: `/api/v1/invitations/${invitation.id}`,
          headers: member.headers,
        })
      ).statusCode,
    ).toBe(403);
    const canceled = await app().inject({
      method: 'DELETE',
      url: `/api/v1/invitations/${invitation.id}`,
      headers: admin.headers,
    });
    expect(canceled.statusCode).toBe(204);
    const invitee = await signUpWithCookie(app(), { email: 'cancel.me@example.test' });
    const accept = await app().inject({
      method: 'POST',
      url: `/api/v1/invitations/${invitation.id}/accept`,
      headers: invitee.headers,
    });
    expect(accept.statusCode).toBe(404);
  });

  it('refuses to invite an existing member; inviting again replaces the open invitation', async () => {
    const admin = await createMemberWithToken(app(), { role: 'admin' });
    const member = await createMemberWithToken(app(), { orgId: admin.orgId, email: 'already@example.test' });
    expect(member.email).toBe('already@example.test');
    expect((await invite(admin.headers, { email: 'already@example.test' })).statusCode).toBe(409);

    const first = (await invite(admin.headers, { email: 'twice@example.test' })).json();
    const second = (await invite(admin.headers, { email: 'twice@example.test', role: 'admin' })).json();
    const statuses = await app().db.invitation.findMany({ select: { id: true, status: true, role: true } });
    expect(statuses).toEqual(
      expect.arrayContaining([
        { id: first.id, status: 'canceled', role: 'member' },
        { id: second.id, status: 'pending', role: 'admin' },
      ]),
    );
  });

  it('expired invitations are shown as expired and cannot be accepted', async () => {
    const admin = await createMemberWithToken(app(), { role: 'admin' });
    const invitation = (await invite(admin.headers, { email: 'late@example.test' })).json();
    await app().db.invitation.update({
      where: { id: invitation.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const list = await app().inject({ method: 'GET', url: '/api/v1/invitations', headers: admin.headers });
    expect(list.json().items[0].status).toBe('expired');
    const invitee = await signUpWithCookie(app(), { email: 'late@example.test' });
    const accept = await app().inject({
      method: 'POST',
      url: `/api/v1/invitations/${invitation.id}/accept`,
      headers: invitee.headers,
    });
    expect(accept.statusCode).toBe(409);
    expect(accept.json().error.message).toMatch(/expired/);
  });
});
