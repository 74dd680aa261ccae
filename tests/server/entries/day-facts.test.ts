import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createMemberWithToken } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

/**
 * Stored day facts change in the same transaction as the entries: the brief's example, written
 * through the API and read back from member_day_facts.
 */
describe('stored member-day facts', () => {
  const { app, databaseUrl } = useTestApp();

  async function factsOf(memberId: string) {
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    const result = await client.query(
      `SELECT to_char(local_date, 'YYYY-MM-DD') AS date, iso_week, maker_minutes, manager_minutes,
              deep_blocks, deep_minutes, fragmented_maker_minutes, focus_cost_minutes
         FROM member_day_facts WHERE member_id = $1 ORDER BY local_date`,
      [memberId],
    );
    await client.end();
    return result.rows;
  }

  it('follow every create, edit and delete of the entries of a day', async () => {
    const member = await createMemberWithToken(app(), { timeZone: 'Europe/Berlin' });
    const post = (payload: object) =>
      app().inject({ method: 'POST', url: '/api/v1/entries', headers: member.headers, payload });
    // Monday 2 March 2026, Berlin (UTC+1): a 09:00-17:00 focus block and a 10:00 meeting.
    await post({
      title: 'Focus time',
      start: '2026-03-02T08:00:00Z',
      end: '2026-03-02T16:00:00Z',
      timeZone: 'Europe/Berlin',
    });
    const meeting = (
      await post({
        title: 'Design review',
        attendees: 4,
        start: '2026-03-02T09:00:00Z',
        end: '2026-03-02T09:30:00Z',
        timeZone: 'Europe/Berlin',
      })
    ).json();
    expect(meeting.category).toBe('manager');
    expect(await factsOf(member.memberId)).toEqual([
      {
        date: '2026-03-02',
        iso_week: '2026-W10',
        maker_minutes: 450,
        manager_minutes: 30,
        deep_blocks: 1,
        deep_minutes: 390,
        fragmented_maker_minutes: 60,
        focus_cost_minutes: 60,
      },
    ]);

    await app().inject({
      method: 'PATCH',
      url: `/api/v1/entries/${meeting.id}`,
      headers: member.headers,
      payload: { start: '2026-03-02T13:00:00Z', end: '2026-03-02T13:30:00Z' },
    });
    expect((await factsOf(member.memberId))[0]).toMatchObject({
      maker_minutes: 450,
      deep_blocks: 2,
      deep_minutes: 450,
      fragmented_maker_minutes: 0,
      focus_cost_minutes: 0,
    });

    await app().inject({ method: 'DELETE', url: `/api/v1/entries/${meeting.id}`, headers: member.headers });
    expect((await factsOf(member.memberId))[0]).toMatchObject({
      maker_minutes: 480,
      manager_minutes: 0,
      deep_blocks: 1,
      deep_minutes: 480,
    });
  });

  it('are rebuilt in the member’s new time zone when it changes', async () => {
    const member = await createMemberWithToken(app(), { timeZone: 'UTC' });
    await app().inject({
      method: 'POST',
      url: '/api/v1/entries',
      headers: member.headers,
      payload: {
        title: 'Focus time',
        start: '2026-03-02T23:00:00Z',
        end: '2026-03-03T01:00:00Z',
        timeZone: 'UTC',
      },
    });
    expect((await factsOf(member.memberId)).map((row) => [row.date, row.maker_minutes])).toEqual([
      ['2026-03-02', 60],
      ['2026-03-03', 60],
    ]);
    const patch = await app().inject({
      method: 'PATCH',
      url: '/api/v1/me/settings',
      headers: member.headers,
      payload: { timeZone: 'Asia/Tokyo' },
    });
    expect(patch.statusCode).toBe(200);
    for (let attempt = 0; attempt < 100; attempt++) {
      const status = (
        await app().inject({ method: 'GET', url: '/api/v1/rules/recompute', headers: member.headers })
      ).json().recompute;
      if (status?.status === 'succeeded') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // 23:00-01:00 UTC is 08:00-10:00 in Tokyo: one local day, one deep block.
    expect(
      (await factsOf(member.memberId)).map((row) => [row.date, row.maker_minutes, row.deep_blocks]),
    ).toEqual([['2026-03-03', 120, 1]]);
  });
});
