import { describe, expect, it } from 'vitest';
import { createMemberWithToken, type TestMember } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';
import { MONTH, MONTH_ZONE, ONE_ON_ONE, SYNC } from './month.ts';

describe('metrics privacy', () => {
  const { app } = useTestApp();

  const get = (member: TestMember, url: string) =>
    app().inject({ method: 'GET', url, headers: member.headers });
  const send = (member: TestMember, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object) =>
    app().inject({ method, url, headers: member.headers, payload });

  async function withMonth(member: TestMember) {
    const response = await send(member, 'POST', '/api/v1/entries/bulk', { entries: MONTH });
    expect(response.statusCode).toBe(200);
  }

  async function createTeam(
    admin: TestMember,
    name: string,
    members: { member: TestMember; lead?: boolean }[],
  ) {
    const team = await send(admin, 'POST', '/api/v1/teams', { name });
    expect(team.statusCode, team.body).toBe(201);
    const teamId = team.json().id as string;
    for (const { member, lead } of members) {
      const put = await send(admin, 'PUT', `/api/v1/teams/${teamId}/members/${member.memberId}`, {
        isLead: lead ?? false,
      });
      expect(put.statusCode, put.body).toBe(200);
    }
    return teamId;
  }

  it("serves another member's weeks only with their consent or inside an open team, audits every view, and never their titles", async () => {
    const admin = await createMemberWithToken(app(), { role: 'admin' });
    const orgId = admin.orgId;
    const target = await createMemberWithToken(app(), { orgId, timeZone: MONTH_ZONE });
    const lead = await createMemberWithToken(app(), { orgId });
    const teammate = await createMemberWithToken(app(), { orgId });
    const outsider = await createMemberWithToken(app(), { orgId });
    const elsewhere = await createMemberWithToken(app(), { role: 'admin' });
    await withMonth(target);
    const teamId = await createTeam(admin, 'Builders', [
      { member: target },
      { member: lead, lead: true },
      { member: teammate },
    ]);
    const weeksUrl = `/api/v1/members/${target.memberId}/weeks?from=2026-W06&to=2026-W09`;
    const weekUrl = `/api/v1/members/${target.memberId}/weeks/2026-W06`;

    // Private team, no consent: nobody else, whatever their role.
    for (const viewer of [lead, teammate, outsider, admin]) {
      expect((await get(viewer, weeksUrl)).statusCode).toBe(403);
      expect((await get(viewer, weekUrl)).statusCode).toBe(403);
    }
    // Another organization's member does not exist here; neither does a made-up id.
    expect((await get(elsewhere, weeksUrl)).statusCode).toBe(404);
    expect((await get(admin, '/api/v1/members/no-such-member/weeks')).statusCode).toBe(404);

    // The member shares with their team leads: the lead sees exactly what the member sees.
    expect(
      (await send(target, 'PATCH', '/api/v1/me/settings', { shareWithTeamLeads: true })).statusCode,
    ).toBe(200);
    const asLead = await get(lead, weeksUrl);
    expect(asLead.statusCode).toBe(200);
    const own = await get(target, '/api/v1/me/weeks?from=2026-W06&to=2026-W09');
    expect(asLead.json().items).toEqual(own.json().items);
    expect((await get(teammate, weeksUrl)).statusCode).toBe(403);
    expect((await get(admin, weeksUrl)).statusCode).toBe(403);

    // The week by day: blocks and numbers, no titles, reasons or entries, opaque series ids.
    const detail = await get(lead, weekUrl);
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body).toMatchObject({ titlesShown: false, entries: [] });
    expect(body.series).toHaveLength(2);
    for (const series of body.series) {
      expect(series.title).toBeNull();
      expect(series.seriesId).toMatch(/^series-[0-9a-f]{16}$/);
    }
    for (const title of ['Focus time', 'Team sync', 'Alex', 'Design review', ONE_ON_ONE, SYNC]) {
      expect(detail.body).not.toContain(title);
    }
    const ownDetail = (await get(target, '/api/v1/me/weeks/2026-W06')).json();
    expect(body.metrics).toEqual(ownDetail.metrics);
    expect(body.days.map((d: { facts: { makerMinutes: number } }) => d.facts.makerMinutes)).toEqual(
      ownDetail.days.map((d: { facts: { makerMinutes: number } }) => d.facts.makerMinutes),
    );

    // Each view of someone else's metrics is in the audit log, with the reason; own views are not.
    const audit = await get(
      admin,
      `/api/v1/audit?action=metrics.individual_viewed&targetId=${target.memberId}`,
    );
    expect(audit.statusCode).toBe(200);
    const events = audit.json().items as { actor: { memberId: string }; details: { reason: string } }[];
    expect(events).toHaveLength(2);
    expect(
      events.every((e) => e.actor.memberId === lead.memberId && e.details.reason === 'shared_with_lead'),
    ).toBe(true);

    // Consent is revocable.
    await send(target, 'PATCH', '/api/v1/me/settings', { shareWithTeamLeads: false });
    expect((await get(lead, weeksUrl)).statusCode).toBe(403);

    // An open team: its members see each other; people outside it still do not.
    expect((await send(admin, 'PATCH', `/api/v1/teams/${teamId}`, { visibility: 'open' })).statusCode).toBe(
      200,
    );
    expect((await get(teammate, weeksUrl)).statusCode).toBe(200);
    expect((await get(outsider, weeksUrl)).statusCode).toBe(403);
    expect((await get(admin, weeksUrl)).statusCode).toBe(403);
  });

  it('suppresses team and org aggregates below five members with data, and shows them at five', async () => {
    const admin = await createMemberWithToken(app(), { role: 'admin' });
    const people: TestMember[] = [];
    for (let i = 0; i < 5; i++)
      people.push(await createMemberWithToken(app(), { orgId: admin.orgId, timeZone: MONTH_ZONE }));
    for (const person of people.slice(0, 4)) await withMonth(person);
    const teamId = await createTeam(
      admin,
      'Five',
      people.map((member) => ({ member })),
    );
    const teamUrl = `/api/v1/teams/${teamId}/metrics?from=2026-W06&to=2026-W07`;

    const four = (await get(admin, teamUrl)).json();
    expect(four.minGroupSize).toBe(5);
    expect(four.weeks).toEqual([
      {
        week: '2026-W06',
        suppressed: true,
        reason: '4 members of the team had classified time this week; aggregates need at least 5',
      },
      {
        week: '2026-W07',
        suppressed: true,
        reason: '4 members of the team had classified time this week; aggregates need at least 5',
      },
    ]);
    expect(four.summary).toEqual({
      suppressed: true,
      reason: 'No week of the range had at least 5 members with classified time',
    });
    expect(four.series).toEqual([]);
    const orgFour = (await get(admin, '/api/v1/org/metrics?from=2026-W06&to=2026-W07')).json();
    expect(orgFour.teams[0].weeks.every((cell: { suppressed: boolean }) => cell.suppressed)).toBe(true);
    expect(orgFour.teams[0].prevalence).toBeNull();

    await withMonth(people[4] as TestMember);
    const five = (await get(admin, teamUrl)).json();
    expect(
      five.weeks.map((cell: { suppressed: boolean; people?: number }) => [cell.suppressed, cell.people]),
    ).toEqual([
      [false, 5],
      [false, 5],
    ]);
    expect(five.summary).toMatchObject({ suppressed: false, people: 5, personWeeks: 10 });
    const orgFive = (await get(admin, '/api/v1/org/metrics?from=2026-W06&to=2026-W07')).json();
    expect(orgFive.teams[0].weeks.map((cell: { suppressed: boolean }) => cell.suppressed)).toEqual([
      false,
      false,
    ]);

    // A team of three is suppressed as a whole, whatever its members did.
    const small = await createTeam(
      admin,
      'Three',
      people.slice(0, 3).map((member) => ({ member })),
    );
    const three = (await get(admin, `/api/v1/teams/${small}/metrics?from=2026-W06&to=2026-W06`)).json();
    expect(three.weeks[0]).toEqual({
      week: '2026-W06',
      suppressed: true,
      reason: 'The team has 3 members; team aggregates need at least 5',
    });
  });

  it('refuses the org view to members and a team view to people outside the team', async () => {
    const admin = await createMemberWithToken(app(), { role: 'admin' });
    const member = await createMemberWithToken(app(), { orgId: admin.orgId });
    const manager = await createMemberWithToken(app(), { orgId: admin.orgId, role: 'manager' });
    const insider = await createMemberWithToken(app(), { orgId: admin.orgId });
    const elsewhere = await createMemberWithToken(app(), { role: 'admin' });
    const teamId = await createTeam(admin, 'Team', [{ member: insider }]);

    expect((await get(member, '/api/v1/org/metrics')).statusCode).toBe(403);
    expect((await get(manager, '/api/v1/org/metrics')).statusCode).toBe(200);
    expect((await get(member, `/api/v1/teams/${teamId}/metrics`)).statusCode).toBe(403);
    expect((await get(insider, `/api/v1/teams/${teamId}/metrics`)).statusCode).toBe(200);
    expect((await get(manager, `/api/v1/teams/${teamId}/metrics`)).statusCode).toBe(200);
    expect((await get(elsewhere, `/api/v1/teams/${teamId}/metrics`)).statusCode).toBe(404);
  });
});
