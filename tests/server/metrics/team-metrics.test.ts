import { describe, expect, it } from 'vitest';
import { addDays } from '../../../server/src/engine/index.ts';
import { scopedDb } from '../../../server/src/lib/tenant-db.ts';
import { loadMetricContext } from '../../../server/src/modules/facts/metric-context.ts';
import { loadMetricContexts } from '../../../server/src/modules/metrics/metric-contexts.ts';
import { createMemberWithToken, type TestMember } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

/**
 * A team of five ("Squad", UTC, 09:00-17:00) with numbers worked out by hand. Member k (0..4) has:
 * - the team's standup every weekday 10:30-11:00 (series `standup`, 5 people): 150 manager minutes,
 *   each one stranding 09:00-10:30 (a focus cost of 90, or 60 on a day that starts with another
 *   meeting at 09:00);
 * - "Focus time" 11:00-17:00 on the first k + 1 weekdays: 360 (k + 1) maker minutes, k + 1 deep blocks;
 * - members 0 and 1: a 1:1 on Tuesday 09:00-09:30 (series `one-on-one`, two people);
 * - members 0 to 3: a design sync on Wednesday 09:00-09:30 (series `design-sync`, four people).
 *
 * 2026-W10 maker / manager: 360/210, 720/210, 1080/180, 1440/180, 1800/150; shares 0.632, 0.774,
 * 0.857, 0.889, 0.923 (median 0.857); deep blocks 1..5 (median 3). Member 0 has the maker profile
 * (target 0.7, floor 5): below target and below the deep-work floor; the others are hybrid (0.5, 2).
 * Standup focus cost per member 390, 390, 420, 420, 450 (2070).
 * 2026-W11: member 4 is away, so only four members have data: suppressed. 2026-W12 repeats W10.
 */
const MONDAYS = { W10: '2026-03-02', W11: '2026-03-09', W12: '2026-03-16' };

function squadWeek(k: number, monday: string) {
  const entries: object[] = [];
  const add = (date: string, from: string, to: string, title: string, attendees = 0, seriesId?: string) =>
    entries.push({
      externalUid: `${date}-${from}`,
      title,
      start: `${date}T${from}:00Z`,
      end: `${date}T${to}:00Z`,
      timeZone: 'UTC',
      attendees,
      ...(seriesId ? { seriesId } : {}),
    });
  for (let day = 0; day < 5; day++) {
    const date = addDays(monday, day);
    add(date, '10:30', '11:00', 'Team standup', 5, 'standup');
    if (day <= k) add(date, '11:00', '17:00', 'Focus time');
  }
  if (k <= 1) add(addDays(monday, 1), '09:00', '09:30', '1:1 Sam', 2, 'one-on-one');
  if (k <= 3) add(addDays(monday, 2), '09:00', '09:30', 'Design sync', 4, 'design-sync');
  return entries;
}

describe('team and org aggregates', () => {
  const { app } = useTestApp();

  const get = (member: TestMember, url: string) =>
    app().inject({ method: 'GET', url, headers: member.headers });
  const send = (member: TestMember, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object) =>
    app().inject({ method, url, headers: member.headers, payload });

  async function setUp() {
    const admin = await createMemberWithToken(app(), { role: 'admin' });
    const squad: TestMember[] = [];
    for (let k = 0; k < 5; k++) squad.push(await createMemberWithToken(app(), { orgId: admin.orgId }));
    await send(squad[0] as TestMember, 'PATCH', '/api/v1/me/settings', { roleProfile: 'maker' });
    for (const [k, member] of squad.entries()) {
      const weeks = k === 4 ? [MONDAYS.W10, MONDAYS.W12] : [MONDAYS.W10, MONDAYS.W11, MONDAYS.W12];
      const response = await send(member, 'POST', '/api/v1/entries/bulk', {
        entries: weeks.flatMap((monday) => squadWeek(k, monday)),
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    const extra = await createMemberWithToken(app(), { orgId: admin.orgId });
    await send(extra, 'POST', '/api/v1/entries/bulk', { entries: squadWeek(4, MONDAYS.W10) });

    const team = async (name: string, members: TestMember[]) => {
      const id = (await send(admin, 'POST', '/api/v1/teams', { name })).json().id as string;
      for (const member of members)
        await send(admin, 'PUT', `/api/v1/teams/${id}/members/${member.memberId}`, {});
      return id;
    };
    const squadId = await team('Squad', squad);
    const plusOneId = await team('Squad plus one', [...squad, extra]);
    return { admin, squad, extra, squadId, plusOneId };
  }

  it('aggregates a team of five by week: distribution, medians, signal counts, costly series; suppresses the week with four', async () => {
    const { admin, squadId } = await setUp();
    const response = await get(admin, `/api/v1/teams/${squadId}/metrics?from=2026-W10&to=2026-W12`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.team).toEqual({ id: squadId, name: 'Squad', visibility: 'private', memberCount: 5 });

    const w10 = {
      suppressed: false,
      people: 5,
      personWeeks: 5,
      distribution: {
        makerMinutes: 5400,
        managerMinutes: 930,
        neutralMinutes: 0,
        makerFraction: 5400 / 6330,
        managerFraction: 930 / 6330,
        neutralFraction: 0,
      },
      medianMakerShare: 1080 / 1260,
      medianDeepBlocks: 3,
      meanDeepBlocks: 3,
      belowTargetShare: 0.2,
      signalCounts: {
        maker_share_below_target: 1,
        zero_maker_week: 0,
        heavy_meeting_day: 0,
        sustained_tilt: 0,
        burnout_pattern: 0,
        drift: 0,
        deep_work_floor: 1,
        after_hours: 0,
        weekend: 0,
      },
    };
    expect(body.weeks).toEqual([
      { week: '2026-W10', ...w10 },
      {
        week: '2026-W11',
        suppressed: true,
        reason: '4 members of the team had classified time this week; aggregates need at least 5',
      },
      { week: '2026-W12', ...w10 },
    ]);
    // The range adds up the shown weeks only, so two ranges cannot be subtracted to reveal W11.
    expect(body.summary).toMatchObject({
      suppressed: false,
      people: 5,
      personWeeks: 10,
      medianMakerShare: 1080 / 1260,
      distribution: { makerMinutes: 10_800, managerMinutes: 1860 },
      signalCounts: { maker_share_below_target: 2, deep_work_floor: 2 },
    });
    // Manager time by weekday over the two shown weeks (W11 is left out with its cell).
    expect(body.weekdays).toEqual([
      { weekday: 1, managerMinutes: 300, meetings: 10 },
      { weekday: 2, managerMinutes: 420, meetings: 14 },
      { weekday: 3, managerMinutes: 540, meetings: 18 },
      { weekday: 4, managerMinutes: 300, meetings: 10 },
      { weekday: 5, managerMinutes: 300, meetings: 10 },
      { weekday: 6, managerMinutes: 0, meetings: 0 },
      { weekday: 7, managerMinutes: 0, meetings: 0 },
    ]);
    // The standup is shared by five; the 1:1 (two) and the design sync (four) never appear.
    expect(body.series).toEqual([
      {
        seriesId: 'standup',
        title: 'Team standup',
        people: 5,
        weeks: 2,
        occurrences: 50,
        managerMinutes: 1500,
        focusCostMinutes: 4140,
      },
    ]);
    // The admin is not in the team: aggregates yes, individuals no.
    expect(body.individuals).toEqual({
      shown: [],
      omitted: 5,
      omittedReason: expect.stringContaining('5 of 5 members are not shown individually'),
    });
  });

  it('hides series titles and ids unless the title policy is show', async () => {
    const { admin, squadId } = await setUp();
    expect(
      (await send(admin, 'PATCH', '/api/v1/organizations/current', { titlePolicy: 'hide' })).statusCode,
    ).toBe(200);
    const body = (await get(admin, `/api/v1/teams/${squadId}/metrics?from=2026-W10&to=2026-W12`)).json();
    expect(body.series).toEqual([
      expect.objectContaining({
        title: null,
        seriesId: expect.stringMatching(/^series-[0-9a-f]{16}$/),
        focusCostMinutes: 4140,
      }),
    ]);
    expect(JSON.stringify(body)).not.toContain('standup');
  });

  it('shows individual small multiples only where the privacy rules allow, and audits them', async () => {
    const { admin, squad, squadId } = await setUp();
    const viewer = squad[1] as TestMember;
    const url = `/api/v1/teams/${squadId}/metrics?from=2026-W10&to=2026-W12`;
    const private_ = (await get(viewer, url)).json();
    expect(
      private_.individuals.shown.map((s: { memberId: string; access: string }) => [s.memberId, s.access]),
    ).toEqual([[viewer.memberId, 'own']]);
    expect(private_.individuals.omitted).toBe(4);

    await send(admin, 'PATCH', `/api/v1/teams/${squadId}`, { visibility: 'open' });
    const open = (await get(viewer, url)).json();
    expect(open.individuals.shown).toHaveLength(5);
    const first = open.individuals.shown.find((s: { memberId: string }) => s.memberId === squad[0]?.memberId);
    expect(first).toMatchObject({ access: 'open_team' });
    expect(first.weeks[0]).toEqual({
      week: '2026-W10',
      makerMinutes: 360,
      managerMinutes: 210,
      makerShare: 360 / 570,
      deepBlocks: 1,
      target: 0.7,
      signals: ['maker_share_below_target', 'deep_work_floor'],
    });
    const audit = (await get(admin, '/api/v1/audit?action=metrics.individual_viewed')).json();
    expect(audit.items).toHaveLength(4);
  });

  it('suppresses a team whose members differ from another team’s by fewer than five, in both views', async () => {
    const { admin, squadId, plusOneId } = await setUp();
    const reason =
      'This week\'s members with data differ from those of team "Squad" by fewer than 5; showing both would let a subtraction isolate them';
    const plusOne = (await get(admin, `/api/v1/teams/${plusOneId}/metrics?from=2026-W10&to=2026-W10`)).json();
    expect(plusOne.weeks).toEqual([{ week: '2026-W10', suppressed: true, reason }]);
    expect(plusOne.summary.suppressed).toBe(true);

    const org = (await get(admin, '/api/v1/org/metrics?from=2026-W10&to=2026-W12')).json();
    expect(org.teams.map((team: { name: string }) => team.name)).toEqual(['Squad', 'Squad plus one']);
    const [squad, other] = org.teams;
    expect(squad.id).toBe(squadId);
    expect(squad.weeks).toEqual([
      {
        week: '2026-W10',
        suppressed: false,
        people: 5,
        medianMakerShare: 1080 / 1260,
        belowTargetShare: 0.2,
      },
      {
        week: '2026-W11',
        suppressed: true,
        reason: '4 members of the team had classified time this week; aggregates need at least 5',
      },
      {
        week: '2026-W12',
        suppressed: false,
        people: 5,
        medianMakerShare: 1080 / 1260,
        belowTargetShare: 0.2,
      },
    ]);
    expect(squad.prevalence).toEqual({
      personWeeks: 10,
      shares: {
        maker_share_below_target: 0.2,
        zero_maker_week: 0,
        heavy_meeting_day: 0,
        sustained_tilt: 0,
        burnout_pattern: 0,
        drift: 0,
        deep_work_floor: 0.2,
        after_hours: 0,
        weekend: 0,
      },
    });
    expect(squad.tilt).toEqual({ weeksMostlyBelowTarget: 0, pattern: null });
    expect(other.weeks[0]).toEqual({ week: '2026-W10', suppressed: true, reason });
    expect(org).toMatchObject({ minGroupSize: 5, sustainedTiltWeeks: 4, burnoutWeeks: 26, burnoutTeams: [] });
  });

  it('finds teams in the tilt and burnout patterns from their members’ own targets, carrying over suppressed weeks', async () => {
    const { admin, squadId } = await setUp();
    await app().db.thresholdSetting.create({
      data: {
        organizationId: admin.orgId,
        scopeKey: 'org',
        values: { targetMakerShare: 0.95, sustainedTiltWeeks: 1, burnoutWeeks: 2 },
      },
    });
    const w10 = (await get(admin, '/api/v1/org/metrics?from=2026-W10&to=2026-W10')).json();
    expect(w10.teams[0]).toMatchObject({
      id: squadId,
      tilt: { weeksMostlyBelowTarget: 1, pattern: 'sustained_tilt' },
    });
    expect(w10.burnoutTeams).toEqual([]);
    const w12 = (await get(admin, '/api/v1/org/metrics?from=2026-W10&to=2026-W12')).json();
    expect(w12.teams[0].tilt).toEqual({ weeksMostlyBelowTarget: 2, pattern: 'burnout_pattern' });
    expect(w12.burnoutTeams).toEqual([{ id: squadId, name: 'Squad', weeksMostlyBelowTarget: 2 }]);
  });

  it('loads many members’ metric contexts exactly as loadMetricContext does one', async () => {
    const { admin, squad, squadId, extra } = await setUp();
    await app().db.thresholdSetting.createMany({
      data: [
        { organizationId: admin.orgId, scopeKey: 'org', values: { heavyMeetingDayMinutes: 240 } },
        { organizationId: admin.orgId, scopeKey: `team:${squadId}`, values: { weekendMinutes: 30 } },
        {
          organizationId: admin.orgId,
          scopeKey: `member:${squad[2]?.memberId}`,
          values: { profiles: { hybrid: { targetMakerShare: 0.6 } } },
        },
      ],
    });
    const db = scopedDb(app().db, admin.orgId);
    const ids = [...squad, extra, admin].map((m) => m.memberId);
    const many = await loadMetricContexts(db, ids);
    for (const id of ids) expect(many.get(id)).toEqual(await loadMetricContext(db, id));
    expect(many.get(squad[2]?.memberId as string)?.thresholds.values.targetMakerShare).toBe(0.6);
  });
});
