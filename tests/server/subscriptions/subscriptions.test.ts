import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListEntriesResponseSchema, SubscriptionSchema } from '@tiltmeter/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { refreshDueSubscriptions } from '../../../server/src/modules/subscriptions/subscriptions.service.ts';
import { createMemberWithToken, type TestMember } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

/** A calendar server on loopback that honours conditional requests and can be told to fail. */
function calendarServer() {
  const state = { body: '', etag: '"v1"', status: 200, requests: [] as { ifNoneMatch?: string }[] };
  const server: Server = createServer((request, response) => {
    state.requests.push({ ifNoneMatch: request.headers['if-none-match'] });
    if (state.status !== 200) {
      response.writeHead(state.status).end('nope');
      return;
    }
    if (request.headers['if-none-match'] === state.etag) {
      response.writeHead(304).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/calendar', etag: state.etag }).end(state.body);
  });
  return { state, server };
}

function calendar(events: { uid: string; title: string; day: number }[]) {
  const now = new Date();
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//tests//EN'];
  for (const event of events) {
    const start = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - event.day, 9),
    );
    const stamp = (date: Date) => `${date.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART:${stamp(start)}`,
      `DTEND:${stamp(new Date(start.getTime() + 3_600_000))}`,
      `SUMMARY:${event.title}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}

describe('ICS subscriptions', () => {
  const { app } = useTestApp();
  const { state, server } = calendarServer();
  let baseUrl = '';
  let member: TestMember;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(async () => {
    member = await createMemberWithToken(app());
    state.body = calendar([
      { uid: 'a', title: 'Focus time', day: 1 },
      { uid: 'b', title: 'Weekly sync', day: 2 },
    ]);
    state.etag = '"v1"';
    state.status = 200;
    state.requests.length = 0;
  });

  const entries = async () => {
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const response = await app().inject({
      method: 'GET',
      url: `/api/v1/entries?from=${from}&to=${to}`,
      headers: member.headers,
    });
    return ListEntriesResponseSchema.parse(response.json()).items;
  };
  const subscribe = () =>
    app().inject({
      method: 'POST',
      url: '/api/v1/subscriptions',
      headers: member.headers,
      payload: { url: `${baseUrl}/team.ics`, name: 'Team' },
    });

  it('imports on subscribe, then refreshes conditionally and follows changes', async () => {
    const created = await subscribe();
    expect(created.statusCode).toBe(201);
    const subscription = SubscriptionSchema.parse(created.json());
    expect(subscription).toMatchObject({
      name: 'Team',
      lastError: null,
      consecutiveFailures: 0,
      lastCounts: { created: 2, updated: 0, removed: 0, skipped: 0 },
    });
    expect((await entries()).map((entry) => [entry.title, entry.source])).toEqual([
      ['Weekly sync', 'ics_url'],
      ['Focus time', 'ics_url'],
    ]);

    // Unchanged on the server: a conditional request, answered 304, changes nothing.
    const refreshUrl = `/api/v1/subscriptions/${subscription.id}/refresh`;
    await app().inject({ method: 'POST', url: refreshUrl, headers: member.headers });
    expect(state.requests.at(-1)?.ifNoneMatch).toBe('"v1"');

    state.body = calendar([{ uid: 'a', title: 'Deep work', day: 1 }]);
    state.etag = '"v2"';
    const refreshed = SubscriptionSchema.parse(
      (await app().inject({ method: 'POST', url: refreshUrl, headers: member.headers })).json(),
    );
    expect(refreshed.lastCounts).toEqual({ created: 0, updated: 1, removed: 1, skipped: 0 });
    expect((await entries()).map((entry) => entry.title)).toEqual(['Deep work']);
  });

  it('records failures, backs off, keeps the entries, and recovers', async () => {
    const subscription = SubscriptionSchema.parse((await subscribe()).json());
    state.status = 500;
    const now = new Date(Date.parse(subscription.nextRefreshAt) + 1000);
    expect(await refreshDueSubscriptions({ db: app().db, sql: app().sql }, { allowHttp: true, now })).toBe(1);

    const [failed] = (
      await app().inject({ method: 'GET', url: '/api/v1/subscriptions', headers: member.headers })
    ).json().items;
    expect(failed).toMatchObject({
      consecutiveFailures: 1,
      lastError: 'The calendar server answered 500 Internal Server Error',
    });
    expect(Date.parse(failed.nextRefreshAt) - now.getTime()).toBe(15 * 60_000);
    expect(await entries()).toHaveLength(2);

    state.status = 200;
    const later = new Date(Date.parse(failed.nextRefreshAt) + 1000);
    await refreshDueSubscriptions({ db: app().db, sql: app().sql }, { allowHttp: true, now: later });
    const [recovered] = (
      await app().inject({ method: 'GET', url: '/api/v1/subscriptions', headers: member.headers })
    ).json().items;
    expect(recovered).toMatchObject({ consecutiveFailures: 0, lastError: null });
  });

  it('refuses addresses that are not https or webcal', async () => {
    const response = await app().inject({
      method: 'POST',
      url: '/api/v1/subscriptions',
      headers: member.headers,
      payload: { url: 'ftp://example.test/cal.ics' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0].path).toEqual(['body', 'url']);
  });

  it('removes the entries of a subscription with it', async () => {
    const subscription = SubscriptionSchema.parse((await subscribe()).json());
    const response = await app().inject({
      method: 'DELETE',
      url: `/api/v1/subscriptions/${subscription.id}`,
      headers: member.headers,
    });
    expect(response.statusCode).toBe(204);
    expect(await entries()).toEqual([]);
  });
});
