import { ApiErrorSchema, ImportResultSchema, ListEntriesResponseSchema } from '@tiltmeter/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemberWithToken, type TestMember } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

const RANGE = 'from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z';

describe('POST /api/v1/imports/csv and the exports', () => {
  const { app } = useTestApp();
  let member: TestMember;

  beforeEach(async () => {
    member = await createMemberWithToken(app(), { email: 'dev@example.test', timeZone: 'Europe/Berlin' });
  });

  const upload = (csv: string, query = '') =>
    app().inject({
      method: 'POST',
      url: `/api/v1/imports/csv${query}`,
      headers: { ...member.headers, 'content-type': 'text/csv' },
      payload: csv,
    });
  const entries = async () =>
    ListEntriesResponseSchema.parse(
      (
        await app().inject({ method: 'GET', url: `/api/v1/entries?${RANGE}`, headers: member.headers })
      ).json(),
    ).items;

  const ownFormat = [
    'title,start,end,time_zone,attendees',
    'Focus time,2026-03-02T09:00,2026-03-02T11:00,Europe/Berlin,0',
    'Sprint planning,2026-03-02T13:00,2026-03-02T14:00,Europe/Berlin,6',
  ].join('\n');

  it('imports Tiltmeter CSV idempotently, classified', async () => {
    const first = ImportResultSchema.parse((await upload(ownFormat)).json());
    expect(first).toMatchObject({ calendar: 'tiltmeter', created: 2, updated: 0, removed: 0 });
    expect((await upload(ownFormat)).json()).toMatchObject({ created: 0, updated: 0 });
    expect(
      (await entries()).map((entry) => [entry.title, entry.start, entry.category, entry.source]),
    ).toEqual([
      ['Focus time', '2026-03-02T08:00:00.000Z', 'maker', 'csv'],
      ['Sprint planning', '2026-03-02T12:00:00.000Z', 'manager', 'csv'],
    ]);
  });

  it('imports a Toggl Track detailed export as solo work', async () => {
    const toggl = [
      'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount ()',
      'Dev,dev@example.test,,Platform,,Refactor billing module,No,2026-03-03,09:00:00,2026-03-03,11:30:00,02:30:00,,',
    ].join('\n');
    const result = ImportResultSchema.parse((await upload(toggl)).json());
    expect(result).toMatchObject({ calendar: 'toggl', created: 1 });
    const [entry] = await entries();
    expect(entry).toMatchObject({
      title: 'Refactor billing module',
      attendees: 0,
      start: '2026-03-03T08:00:00.000Z',
    });
  });

  it('refuses a bad row with its line and column, writing nothing', async () => {
    const bad = `${ownFormat}\nBroken,2026-03-04T10:00,not a time,Europe/Berlin,0`;
    const response = await upload(bad);
    expect(response.statusCode).toBe(400);
    const error = ApiErrorSchema.parse(response.json()).error;
    expect(error.issues?.[0]).toMatchObject({ path: ['body', 'end'], line: 4 });
    expect(await entries()).toEqual([]);
  });

  it('exports entries as CSV with category and reason', async () => {
    await upload(ownFormat);
    const response = await app().inject({
      method: 'GET',
      url: `/api/v1/exports/entries.csv?${RANGE}`,
      headers: member.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'id,title,start,end,time_zone,all_day,attendees,organizer,rsvp,show_as,source,category,subtype,reason,overridden',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',maker,,');
    expect(lines[2]).toContain(',manager,team_sync,');
  });

  it('serves a secret ICS feed of classified entries that stops working when replaced', async () => {
    // The feed shows the recent past and near future, so this entry is tomorrow.
    const start = new Date(Date.now() + 86_400_000);
    await app().inject({
      method: 'POST',
      url: '/api/v1/entries',
      headers: member.headers,
      payload: {
        title: 'Focus time',
        start: start.toISOString(),
        end: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
        timeZone: 'Europe/Berlin',
      },
    });
    const enabled = await app().inject({ method: 'POST', url: '/api/v1/me/feed', headers: member.headers });
    const url = new URL(enabled.json().url);
    expect(url.pathname).toMatch(/^\/api\/feeds\/[A-Za-z0-9_-]{32}\.ics$/);

    const feed = await app().inject({ method: 'GET', url: url.pathname });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('BEGIN:VCALENDAR');
    expect(feed.body).toContain('[maker] Focus time');

    await app().inject({ method: 'POST', url: '/api/v1/me/feed', headers: member.headers });
    expect((await app().inject({ method: 'GET', url: url.pathname })).statusCode).toBe(404);
  });
});
