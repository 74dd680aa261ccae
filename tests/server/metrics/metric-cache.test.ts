import { metricsEndpoints } from '@tiltmeter/shared';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../server/src/app.ts';
import { addDays } from '../../../server/src/engine/index.ts';
import { deepFreeze } from '../../../server/src/modules/metrics/metric-cache.ts';
import { canonicalSerializerCompiler } from '../../../server/src/modules/metrics/response-serializer.ts';
import { createMemberWithToken, type TestMember } from '../../helpers/auth.ts';
import { buildTestApp, useTestApp } from '../../helpers/test-app.ts';

/**
 * The metric views keep computed weeks in memory (server/src/modules/metrics/metric-cache.ts), keyed
 * by each member's facts version (bumped by a trigger on member_day_facts) and what their context was
 * resolved from. Every change a view depends on must show on the very next request: after each one,
 * the long-lived app (warm caches) must answer exactly what a fresh app (no caches) answers.
 */

const MONDAY = '2026-03-02';
const RANGE = 'from=2026-W10&to=2026-W11';

function week(monday: string, focusDays: number, seriesTitle = 'Team standup') {
  const entries: object[] = [];
  for (let day = 0; day < 5; day++) {
    const date = addDays(monday, day);
    entries.push({
      externalUid: `${date}-standup`,
      title: seriesTitle,
      start: `${date}T10:30:00Z`,
      end: `${date}T11:00:00Z`,
      timeZone: 'UTC',
      attendees: 5,
      seriesId: 'standup',
    });
    if (day < focusDays) {
      entries.push({
        externalUid: `${date}-focus`,
        title: 'Focus time',
        start: `${date}T11:00:00Z`,
        end: `${date}T17:00:00Z`,
        timeZone: 'UTC',
        attendees: 0,
      });
    }
  }
  return entries;
}

describe('metric caches', () => {
  const { app, databaseUrl } = useTestApp();
  // A second app on the same database whose caches are emptied before every comparison.
  let fresh: App | undefined;
  beforeAll(async () => {
    fresh = await buildTestApp(databaseUrl());
    await fresh.ready();
  });
  afterAll(async () => {
    await fresh?.close();
  });

  const send = (
    member: TestMember,
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => app().inject({ method, url, headers: member.headers, ...(payload ? { payload } : {}) });

  /** The view from the warm app, checked against an app that computes it from scratch. */
  async function view(member: TestMember, url: string) {
    const warm = await app().inject({ method: 'GET', url, headers: member.headers });
    expect(warm.statusCode, warm.body).toBe(200);
    await fresh?.close();
    fresh = await buildTestApp(databaseUrl());
    const cold = await fresh.inject({ method: 'GET', url, headers: member.headers });
    expect(cold.statusCode, cold.body).toBe(200);
    expect(warm.body).toBe(cold.body);
    return warm.json();
  }

  /** Waits for the organization's background recompute (a zone change rebuilds the member's facts). */
  async function settled(admin: TestMember) {
    for (let attempt = 0; attempt < 200; attempt++) {
      const { recompute } = (
        await app().inject({ method: 'GET', url: '/api/v1/rules/recompute', headers: admin.headers })
      ).json();
      if (!recompute || recompute.status === 'succeeded' || recompute.status === 'failed') return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function factsVersion(member: TestMember): Promise<number> {
    const [row] = await app().sql<{ version: number }[]>`
      SELECT facts_version AS version FROM members WHERE id = ${member.memberId}`;
    return row?.version ?? -1;
  }

  it('serves the weekly series anew after entries, settings or thresholds change', async () => {
    // An admin, who may follow the background recompute.
    const member = await createMemberWithToken(app(), { role: 'admin' });
    const url = `/api/v1/me/weeks?${RANGE}`;
    expect((await view(member, url)).items[0].makerMinutes).toBe(0);

    const before = await factsVersion(member);
    expect(
      (await send(member, 'POST', '/api/v1/entries/bulk', { entries: week(MONDAY, 2) })).statusCode,
    ).toBe(200);
    expect(await factsVersion(member)).toBeGreaterThan(before);
    expect((await view(member, url)).items[0].makerMinutes).toBe(720);

    // A change of one entry (its days are rebuilt).
    const entries = (
      await app().inject({
        method: 'GET',
        url: '/api/v1/entries?from=2026-03-01T00:00:00Z&to=2026-03-09T00:00:00Z',
        headers: member.headers,
      })
    ).json().items as { id: string; title: string }[];
    const focus = entries.find((entry) => entry.title === 'Focus time') as { id: string };
    expect((await send(member, 'DELETE', `/api/v1/entries/${focus.id}`)).statusCode).toBe(204);
    expect((await view(member, url)).items[0].makerMinutes).toBe(360);

    // Settings and thresholds are not day facts: the context key carries them.
    expect((await send(member, 'PATCH', '/api/v1/me/settings', { timeZone: 'Asia/Tokyo' })).statusCode).toBe(
      200,
    );
    await settled(member);
    expect((await view(member, url)).timeZone).toBe('Asia/Tokyo');
    expect((await send(member, 'PUT', '/api/v1/thresholds/me', { targetMakerShare: 0.4 })).statusCode).toBe(
      200,
    );
    await settled(member);
    const series = await view(member, url);
    expect(series.thresholds.values.targetMakerShare).toBe(0.4);
    expect(series.items[0].target).toBe(0.4);
  });

  it('serves team and org views anew after a member’s entries, the team, or the organization change', async () => {
    const admin = await createMemberWithToken(app(), { role: 'admin' });
    const squad: TestMember[] = [];
    for (let k = 0; k < 6; k++) {
      const member = await createMemberWithToken(app(), { orgId: admin.orgId });
      await send(member, 'POST', '/api/v1/entries/bulk', { entries: week(MONDAY, k % 5) });
      squad.push(member);
    }
    const teamId = (await send(admin, 'POST', '/api/v1/teams', { name: 'Squad' })).json().id as string;
    for (const member of squad.slice(0, 5))
      await send(admin, 'PUT', `/api/v1/teams/${teamId}/members/${member.memberId}`, {});
    const teamUrl = `/api/v1/teams/${teamId}/metrics?${RANGE}`;
    const orgUrl = `/api/v1/org/metrics?${RANGE}`;
    const team = await view(admin, teamUrl);
    expect(team.weeks[0].suppressed).toBe(false);
    expect(team.series[0].title).toBe('Team standup');
    await view(admin, orgUrl);

    // One member's new week: their facts version changes, and only their weeks are computed again.
    const [first] = squad as [TestMember];
    await send(first, 'POST', '/api/v1/entries/bulk', {
      entries: week(addDays(MONDAY, 7), 3, 'Daily standup'),
    });
    const after = await view(admin, teamUrl);
    expect(after.weeks[1]).not.toEqual(team.weeks[1]);
    expect((await view(admin, orgUrl)).teams[0].weeks).toHaveLength(2);

    // A renamed occurrence renames the series (titles are kept with the facts versions).
    const occurrences = (
      await app().inject({
        method: 'GET',
        url: '/api/v1/entries?from=2026-03-09T00:00:00Z&to=2026-03-16T00:00:00Z',
        headers: first.headers,
      })
    ).json().items as { id: string; title: string; start: string }[];
    const latest = occurrences
      .filter((entry) => entry.title === 'Daily standup')
      .sort((a, b) => b.start.localeCompare(a.start))[0] as { id: string };
    expect(
      (await send(first, 'PATCH', `/api/v1/entries/${latest.id}`, { title: 'Standup' })).statusCode,
    ).toBe(200);
    await view(admin, teamUrl);

    // Team membership, the organization's floor and a threshold layer are read on every request.
    await send(admin, 'PUT', `/api/v1/teams/${teamId}/members/${(squad[5] as TestMember).memberId}`, {});
    expect((await view(admin, teamUrl)).team.memberCount).toBe(6);
    await app().db.organization.update({ where: { id: admin.orgId }, data: { minGroupSize: 7 } });
    expect((await view(admin, orgUrl)).minGroupSize).toBe(7);
    expect((await view(admin, teamUrl)).summary.suppressed).toBe(true);
    await app().db.organization.update({ where: { id: admin.orgId }, data: { minGroupSize: 5 } });
    expect(
      (await send(admin, 'PUT', '/api/v1/thresholds/organization', { targetMakerShare: 0.95 })).statusCode,
    ).toBe(200);
    await settled(admin);
    await view(admin, teamUrl);
    expect((await view(admin, orgUrl)).teams[0].weeks[0].belowTargetShare).toBe(1);
    expect((await send(admin, 'POST', `/api/v1/teams/${teamId}/archive`)).statusCode).toBe(200);
    expect((await view(admin, orgUrl)).teams).toEqual([]);
  });

  it('bumps a member’s facts version with every change of their day facts, in the writer’s transaction', async () => {
    const member = await createMemberWithToken(app());
    await send(member, 'POST', '/api/v1/entries/bulk', { entries: week(MONDAY, 1) });
    const before = await factsVersion(member);
    // A transaction that is rolled back leaves the version as it was.
    await app()
      .sql.begin(async (tx) => {
        await tx`DELETE FROM member_day_facts WHERE member_id = ${member.memberId}`;
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(await factsVersion(member)).toBe(before);
    await app().sql`DELETE FROM member_day_facts WHERE member_id = ${member.memberId}`;
    expect(await factsVersion(member)).toBe(before + 1);
    // Deleting a member deletes their facts too; the bump must not get in the way.
    expect(
      (await send(member, 'POST', '/api/v1/entries/bulk', { entries: week(MONDAY, 1) })).statusCode,
    ).toBe(200);
    await app().db.member.delete({ where: { id: member.memberId } });
    expect(await factsVersion(member)).toBe(-1);
  });
});

describe('canonicalSerializerCompiler', () => {
  const schema = metricsEndpoints.orgMetrics.schema.response[200];
  const route = { schema, method: 'GET', url: '/api/v1/org/metrics', httpStatus: '200' } as never;
  const zod = serializerCompiler(route);
  const response = () => ({
    from: '2026-W10',
    to: '2026-W11',
    minGroupSize: 5,
    sustainedTiltWeeks: 4,
    burnoutWeeks: 26,
    teams: [],
    burnoutTeams: [],
  });

  it('answers exactly what the zod serializer answers, stripping, reordering and refusing alike', () => {
    const serialize = canonicalSerializerCompiler(route);
    const inOrder = response();
    expect(serialize(inOrder)).toBe(zod(inOrder));
    // The second time, the same JSON is recognised as already canonical.
    expect(serialize(response())).toBe(JSON.stringify(inOrder));
    const { from, ...rest } = response();
    const reordered = { ...rest, from, secret: 'not in the contract' };
    expect(serialize(reordered)).toBe(zod(reordered));
    expect(serialize(reordered)).not.toContain('secret');
    expect(() => serialize({ ...response(), minGroupSize: 2 })).toThrow();
  });

  it('serializes a deeply frozen response once', () => {
    const serialize = canonicalSerializerCompiler(route);
    const frozen = deepFreeze(response());
    const first = serialize(frozen);
    expect(first).toBe(zod(frozen));
    expect(serialize(frozen)).toBe(first);
  });
});
