import { ThresholdSettingsResponseSchema } from '@tiltmeter/shared';
import pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemberWithToken, type TestMember } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

describe('/api/v1/thresholds', () => {
  const { app, databaseUrl } = useTestApp();
  let admin: TestMember;
  let member: TestMember;

  beforeEach(async () => {
    admin = await createMemberWithToken(app(), { role: 'admin' });
    member = await createMemberWithToken(app(), { orgId: admin.orgId });
  });

  it('shows the defaults with where each comes from, and the caller’s resolved values with their sources', async () => {
    const response = await app().inject({
      method: 'GET',
      url: '/api/v1/thresholds',
      headers: member.headers,
    });
    const settings = ThresholdSettingsResponseSchema.parse(response.json());
    expect(settings.defaults.values.heavyMeetingDayMinutes).toBe(300);
    expect(settings.defaults.origins.heavyMeetingDayMinutes).toBe(
      '"spending 5 hours on meetings, it\'s easy, but exhausting"',
    );
    expect(settings.me.resolved.values.targetMakerShare).toBe(0.5);
    expect(settings.me.resolved.sources.targetMakerShare).toMatchObject({
      layer: 'default',
      profile: 'hybrid',
    });
  });

  it('lets a member set a personal target, and only admins the organization’s', async () => {
    const mine = await app().inject({
      method: 'PUT',
      url: '/api/v1/thresholds/me',
      headers: member.headers,
      payload: { targetMakerShare: 0.4 },
    });
    expect(mine.statusCode).toBe(200);
    const settings = ThresholdSettingsResponseSchema.parse(mine.json());
    expect(settings.me.resolved.values.targetMakerShare).toBe(0.4);
    expect(settings.me.resolved.sources.targetMakerShare.layer).toBe('member');

    const refused = await app().inject({
      method: 'PUT',
      url: '/api/v1/thresholds/organization',
      headers: member.headers,
      payload: { heavyMeetingDayMinutes: 240 },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses overrides that contradict each other, naming the field', async () => {
    const response = await app().inject({
      method: 'PUT',
      url: '/api/v1/thresholds/organization',
      headers: admin.headers,
      payload: { sustainedTiltWeeks: 30 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0]).toMatchObject({
      path: ['body', 'sustainedTiltWeeks'],
      message: 'sustainedTiltWeeks cannot exceed burnoutWeeks',
    });
  });

  it('rebuilds the stored day facts when the deep-block length changes', async () => {
    await app().inject({
      method: 'POST',
      url: '/api/v1/entries',
      headers: member.headers,
      payload: {
        title: 'Focus time',
        start: '2026-03-02T09:00:00Z',
        end: '2026-03-02T12:00:00Z',
        timeZone: 'UTC',
      },
    });
    const facts = async () => {
      const client = new pg.Client({ connectionString: databaseUrl() });
      await client.connect();
      const result = await client.query(
        'SELECT deep_block_minutes, deep_blocks FROM member_day_facts WHERE member_id = $1',
        [member.memberId],
      );
      await client.end();
      return result.rows;
    };
    expect(await facts()).toEqual([{ deep_block_minutes: 120, deep_blocks: 1 }]);
    await app().inject({
      method: 'PUT',
      url: '/api/v1/thresholds/organization',
      headers: admin.headers,
      payload: { deepBlockMinutes: 240 },
    });
    for (let attempt = 0; attempt < 100; attempt++) {
      const status = (
        await app().inject({ method: 'GET', url: '/api/v1/rules/recompute', headers: admin.headers })
      ).json().recompute;
      if (status?.status === 'succeeded') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await facts()).toEqual([{ deep_block_minutes: 240, deep_blocks: 0 }]);
  });
});
