import {
  ListEntriesResponseSchema,
  ListRulesResponseSchema,
  PreviewRulesResponseSchema,
  type RecomputeStatus,
  RuleMutationResponseSchema,
} from '@tiltmeter/shared';
import pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemberWithToken, type TestMember } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

const RANGE = 'from=2026-03-01T00:00:00Z&to=2026-03-15T00:00:00Z';

describe('rules, preview, recompute and the inbox', () => {
  const { app, databaseUrl } = useTestApp();
  let admin: TestMember;
  let member: TestMember;

  beforeEach(async () => {
    admin = await createMemberWithToken(app(), { role: 'admin' });
    member = await createMemberWithToken(app(), { orgId: admin.orgId });
    await app().inject({
      method: 'POST',
      url: '/api/v1/entries/bulk',
      headers: member.headers,
      payload: {
        entries: [
          {
            externalUid: 'a',
            title: 'Bug bash',
            attendees: 6,
            start: '2026-03-02T09:00:00Z',
            end: '2026-03-02T11:00:00Z',
            timeZone: 'UTC',
          },
          {
            externalUid: 'b',
            title: 'Bug bash',
            attendees: 6,
            start: '2026-03-03T09:00:00Z',
            end: '2026-03-03T11:00:00Z',
            timeZone: 'UTC',
          },
          {
            externalUid: 'c',
            title: 'Focus time',
            start: '2026-03-04T09:00:00Z',
            end: '2026-03-04T12:00:00Z',
            timeZone: 'UTC',
          },
          {
            externalUid: 'd',
            title: 'Maybe',
            showAs: 'tentative',
            start: '2026-03-05T09:00:00Z',
            end: '2026-03-05T10:00:00Z',
            timeZone: 'UTC',
          },
        ],
      },
    });
  });

  const entriesOf = async (who: TestMember) =>
    ListEntriesResponseSchema.parse(
      (await app().inject({ method: 'GET', url: `/api/v1/entries?${RANGE}`, headers: who.headers })).json(),
    ).items;

  async function waitForRecompute(who: TestMember): Promise<RecomputeStatus> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const response = await app().inject({
        method: 'GET',
        url: '/api/v1/rules/recompute',
        headers: who.headers,
      });
      const status = response.json().recompute as RecomputeStatus | null;
      if (status && (status.status === 'succeeded' || status.status === 'failed')) return status;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the recompute did not finish');
  }

  const bugBashRule = {
    name: 'Bug bashes are building',
    conditions: { titleKeywords: ['bug bash'] },
    outcome: { category: 'maker', subtype: null },
  };

  it('gives every organization the default rules', async () => {
    const response = await app().inject({ method: 'GET', url: '/api/v1/rules', headers: member.headers });
    const rules = ListRulesResponseSchema.parse(response.json());
    expect(rules.items.length).toBe(20);
    expect(rules.items.map((rule) => rule.position)).toEqual([...Array(20).keys()]);
    expect(rules.items.every((rule) => rule.teamId === null)).toBe(true);
  });

  it('lets only admins change organization rules', async () => {
    const response = await app().inject({
      method: 'POST',
      url: '/api/v1/rules',
      headers: member.headers,
      payload: bugBashRule,
    });
    expect(response.statusCode).toBe(403);
  });

  it('previews a change exactly as applying it turns out, and recomputes entries and facts in the background', async () => {
    const before = await entriesOf(member);
    expect(before.filter((entry) => entry.title === 'Bug bash').map((entry) => entry.category)).toEqual([
      'manager',
      'manager',
    ]);

    const current = ListRulesResponseSchema.parse(
      (await app().inject({ method: 'GET', url: '/api/v1/rules', headers: member.headers })).json(),
    ).items;
    const preview = PreviewRulesResponseSchema.parse(
      (
        await app().inject({
          method: 'POST',
          url: '/api/v1/rules/preview',
          headers: member.headers,
          payload: {
            teamId: null,
            rules: [{ ...bugBashRule, position: 0 }, ...current.map(({ teamId: _teamId, ...rule }) => rule)],
            from: '2026-03-01T00:00:00Z',
            to: '2026-03-15T00:00:00Z',
          },
        })
      ).json(),
    );
    expect(preview.changed).toBe(2);
    expect(preview.after.maker.entries).toBe(preview.before.maker.entries + 2);

    const created = await app().inject({
      method: 'POST',
      url: '/api/v1/rules',
      headers: admin.headers,
      payload: { ...bugBashRule, position: 0 },
    });
    expect(created.statusCode).toBe(201);
    const mutation = RuleMutationResponseSchema.parse(created.json());
    expect(mutation.rule).toMatchObject({ name: 'Bug bashes are building', position: 0 });
    expect(['queued', 'running', 'succeeded']).toContain(mutation.recompute.status);

    const finished = await waitForRecompute(admin);
    expect(finished).toMatchObject({ status: 'succeeded', done: 2, total: 2 });

    const after = await entriesOf(member);
    const tally = (items: typeof after) => {
      const counts: Record<string, number> = {};
      for (const entry of items) counts[entry.category] = (counts[entry.category] ?? 0) + 1;
      return counts;
    };
    expect(tally(after)).toEqual(
      Object.fromEntries(
        Object.entries(preview.after)
          .filter(([, value]) => value.entries > 0)
          .map(([key, value]) => [key, value.entries]),
      ),
    );
    expect(after.find((entry) => entry.externalUid === 'a')?.reason).toBe(
      'maker: title has "bug bash" (rule "Bug bashes are building")',
    );

    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    const facts = await client.query(
      "SELECT maker_minutes, manager_minutes FROM member_day_facts WHERE member_id = $1 AND local_date = '2026-03-02'",
      [member.memberId],
    );
    await client.end();
    expect(facts.rows).toEqual([{ maker_minutes: 120, manager_minutes: 0 }]);
  });

  it('keeps overrides through a rule change', async () => {
    const target = (await entriesOf(member)).find((entry) => entry.externalUid === 'b');
    await app().inject({
      method: 'PATCH',
      url: `/api/v1/entries/${target?.id}`,
      headers: member.headers,
      payload: { category: 'neutral' },
    });
    await app().inject({
      method: 'POST',
      url: '/api/v1/rules',
      headers: admin.headers,
      payload: { ...bugBashRule, position: 0 },
    });
    await waitForRecompute(admin);
    const after = await entriesOf(member);
    expect(after.find((entry) => entry.externalUid === 'b')).toMatchObject({
      category: 'neutral',
      overridden: true,
    });
    expect(after.find((entry) => entry.externalUid === 'a')).toMatchObject({
      category: 'maker',
      overridden: false,
    });
  });

  it('reorders a rule set only when given every id once', async () => {
    const ids = ListRulesResponseSchema.parse(
      (await app().inject({ method: 'GET', url: '/api/v1/rules', headers: admin.headers })).json(),
    ).items.map((rule) => rule.id);
    const partial = await app().inject({
      method: 'PUT',
      url: '/api/v1/rules/order',
      headers: admin.headers,
      payload: { ids: ids.slice(1) },
    });
    expect(partial.statusCode).toBe(400);
    const reversed = await app().inject({
      method: 'PUT',
      url: '/api/v1/rules/order',
      headers: admin.headers,
      payload: { ids: [...ids].reverse() },
    });
    expect(reversed.statusCode).toBe(200);
    const after = ListRulesResponseSchema.parse(
      (await app().inject({ method: 'GET', url: '/api/v1/rules', headers: admin.headers })).json(),
    ).items.map((rule) => rule.id);
    expect(after).toEqual([...ids].reverse());
  });

  it('lists unclassified entries in the inbox and classifies them in bulk', async () => {
    const inbox = await app().inject({ method: 'GET', url: '/api/v1/inbox', headers: member.headers });
    expect(inbox.json().total).toBe(1);
    const [entry] = inbox.json().items;
    expect(entry).toMatchObject({
      title: 'Maybe',
      category: 'unclassified',
      reason: 'unclassified: no rule matched',
    });

    const classify = await app().inject({
      method: 'POST',
      url: '/api/v1/inbox/classify',
      headers: member.headers,
      payload: { ids: [entry.id], category: 'manager', subtype: 'coordination' },
    });
    expect(classify.json()).toEqual({ updated: 1 });
    expect(
      (await app().inject({ method: 'GET', url: '/api/v1/inbox', headers: member.headers })).json().total,
    ).toBe(0);

    const foreign = await app().inject({
      method: 'POST',
      url: '/api/v1/inbox/classify',
      headers: admin.headers,
      payload: { ids: [entry.id], category: 'maker' },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('recomputes every metric of the changed entries (through the metrics API)', async () => {
    const week = async () =>
      (
        await app().inject({
          method: 'GET',
          url: '/api/v1/me/weeks?from=2026-W10&to=2026-W10',
          headers: member.headers,
        })
      ).json().items[0];
    const before = await week();
    expect(before).toMatchObject({ week: '2026-W10', makerMinutes: 180, managerMinutes: 240, deepBlocks: 1 });

    await app().inject({
      method: 'POST',
      url: '/api/v1/rules',
      headers: admin.headers,
      payload: { ...bugBashRule, position: 0 },
    });
    await waitForRecompute(admin);

    // Both 2-hour bug bashes are now maker time: two more deep blocks, no manager time left.
    const after = await week();
    expect(after).toMatchObject({ makerMinutes: 420, managerMinutes: 0, deepBlocks: 3, makerShare: 1 });
  });
});
