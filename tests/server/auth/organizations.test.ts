import { MemberSettingsSchema, MeSchema } from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import { createMemberWithToken, setPassword, signInWithCookie, TEST_ORIGIN } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

describe('several organizations, switching, and settings', () => {
  const { app } = useTestApp();

  it('a member of two organizations switches between them; tokens stay bound to theirs', async () => {
    const inFirst = await createMemberWithToken(app(), {
      email: 'two@example.test',
      orgName: 'First',
      role: 'admin',
    });
    const inSecond = await createMemberWithToken(app(), { email: 'two@example.test', orgName: 'Second' });
    await setPassword(app(), inFirst.userId);
    const cookie = await signInWithCookie(app(), 'two@example.test');
    const headers = { cookie, origin: TEST_ORIGIN };

    // A fresh session starts in the oldest membership.
    const start = MeSchema.parse((await app().inject({ method: 'GET', url: '/api/v1/me', headers })).json());
    expect(start).toMatchObject({ organization: { id: inFirst.orgId }, role: 'admin' });

    const switched = await app().inject({
      method: 'POST',
      url: '/api/v1/organizations/switch',
      headers,
      payload: { organizationId: inSecond.orgId },
    });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({ organization: { name: 'Second' }, role: 'member' });
    const now = await app().inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(now.json()).toMatchObject({
      organization: { id: inSecond.orgId },
      member: { id: inSecond.memberId },
    });

    // The token made in the first organization still acts there, and cannot switch.
    const byToken = await app().inject({ method: 'GET', url: '/api/v1/me', headers: inFirst.headers });
    expect(byToken.json().organization.id).toBe(inFirst.orgId);
    const tokenSwitch = await app().inject({
      method: 'POST',
      url: '/api/v1/organizations/switch',
      headers: inFirst.headers,
      payload: { organizationId: inSecond.orgId },
    });
    expect(tokenSwitch.statusCode).toBe(403);
    const tokenOrgs = await app().inject({
      method: 'GET',
      url: '/api/v1/organizations',
      headers: inFirst.headers,
    });
    expect(tokenOrgs.json().items.map((o: { id: string }) => o.id)).toEqual([inFirst.orgId]);
  });

  it('cannot switch to an organization the user does not belong to', async () => {
    const me = await createMemberWithToken(app(), { role: 'admin' });
    const stranger = await createMemberWithToken(app());
    await setPassword(app(), me.userId);
    const cookie = await signInWithCookie(app(), me.email);
    const response = await app().inject({
      method: 'POST',
      url: '/api/v1/organizations/switch',
      headers: { cookie, origin: TEST_ORIGIN },
      payload: { organizationId: stranger.orgId },
    });
    expect(response.statusCode).toBe(404);
    // Nor through better-auth's own session update: the active organization is not client input.
    const direct = await app().inject({
      method: 'POST',
      url: '/api/auth/update-session',
      headers: { cookie, origin: TEST_ORIGIN },
      payload: { activeOrganizationId: stranger.orgId },
    });
    expect(direct.statusCode).toBe(400);
    const after = await app().inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(after.json().organization.id).toBe(me.orgId);
  });

  it('a removed membership is dropped from the session: the next request falls back to another organization', async () => {
    const first = await createMemberWithToken(app(), { email: 'moving@example.test', role: 'admin' });
    const second = await createMemberWithToken(app(), { email: 'moving@example.test' });
    const secondAdmin = await createMemberWithToken(app(), { orgId: second.orgId, role: 'admin' });
    await setPassword(app(), first.userId);
    const cookie = await signInWithCookie(app(), 'moving@example.test');
    await app().inject({
      method: 'POST',
      url: '/api/v1/organizations/switch',
      headers: { cookie, origin: TEST_ORIGIN },
      payload: { organizationId: second.orgId },
    });
    await app().inject({
      method: 'DELETE',
      url: `/api/v1/members/${second.memberId}`,
      headers: secondAdmin.headers,
    });
    const me = await app().inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.json().organization.id).toBe(first.orgId);
  });

  it('updates my settings, validates the time zone and working hours, and audits sharing changes', async () => {
    const member = await createMemberWithToken(app());
    const updated = await app().inject({
      method: 'PATCH',
      url: '/api/v1/me/settings',
      headers: member.headers,
      payload: {
        displayName: '  Sam  ',
        timeZone: 'America/New_York',
        workingHours: {
          '1': [
            { start: '08:00', end: '12:00' },
            { start: '13:00', end: '16:00' },
          ],
        },
        roleProfile: 'maker',
        calendarEmails: ['Sam@Work.example', 'sam@work.example', 'sam@home.example'],
        shareWithTeamLeads: true,
      },
    });
    expect(updated.statusCode).toBe(200);
    const settings = MemberSettingsSchema.parse(updated.json());
    expect(settings).toMatchObject({
      displayName: 'Sam',
      timeZone: 'America/New_York',
      roleProfile: 'maker',
      calendarEmails: ['sam@work.example', 'sam@home.example'],
      shareWithTeamLeads: true,
    });
    expect(settings.workingHours['1']).toHaveLength(2);
    expect(settings.workingHours['2']).toEqual([]);
    expect(settings.shareChangedAt).not.toBeNull();

    const revoke = await app().inject({
      method: 'PATCH',
      url: '/api/v1/me/settings',
      headers: member.headers,
      payload: { shareWithTeamLeads: false },
    });
    expect(revoke.json().shareWithTeamLeads).toBe(false);
    const audit = await app().db.auditEvent.findMany({
      where: { action: 'settings.sharing_changed' },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.map((e) => e.details)).toEqual([
      { shareWithTeamLeads: true },
      { shareWithTeamLeads: false },
    ]);

    for (const payload of [
      { timeZone: 'Europe/Atlantis' },
      { workingHours: { '1': [{ start: '17:00', end: '09:00' }] } },
      { roleProfile: 'ceo' },
      { calendarEmails: ['not an email'] },
      {},
    ]) {
      const bad = await app().inject({
        method: 'PATCH',
        url: '/api/v1/me/settings',
        headers: member.headers,
        payload,
      });
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
      expect(bad.json().error.code).toBe('validation_failed');
    }
  });

  it('admins set the organization minimum group size, never below 5', async () => {
    const admin = await createMemberWithToken(app(), { role: 'admin' });
    const member = await createMemberWithToken(app(), { orgId: admin.orgId });
    const ok = await app().inject({
      method: 'PATCH',
      url: '/api/v1/organizations/current',
      headers: admin.headers,
      payload: { minGroupSize: 8 },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().minGroupSize).toBe(8);
    const tooSmall = await app().inject({
      method: 'PATCH',
      url: '/api/v1/organizations/current',
      headers: admin.headers,
      payload: { minGroupSize: 4 },
    });
    expect(tooSmall.statusCode).toBe(400);
    const notAdmin = await app().inject({
      method: 'PATCH',
      url: '/api/v1/organizations/current',
      headers: member.headers,
      payload: { name: 'Mine now' },
    });
    expect(notAdmin.statusCode).toBe(403);
    expect(await app().db.auditEvent.count({ where: { action: 'organization.updated' } })).toBe(1);
  });
});
