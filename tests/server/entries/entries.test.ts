import { ApiErrorSchema, EntrySchema, ListEntriesResponseSchema } from '@tiltmeter/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemberWithToken, type TestMember } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

const RANGE = 'from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z';

describe('/api/v1/entries', () => {
  const { app } = useTestApp();
  let alice: TestMember;

  beforeEach(async () => {
    alice = await createMemberWithToken(app(), { timeZone: 'Europe/Berlin' });
  });

  const post = (member: TestMember, payload: object) =>
    app().inject({ method: 'POST', url: '/api/v1/entries', headers: member.headers, payload });
  const list = async (member: TestMember) => {
    const response = await app().inject({
      method: 'GET',
      url: `/api/v1/entries?${RANGE}`,
      headers: member.headers,
    });
    expect(response.statusCode).toBe(200);
    return ListEntriesResponseSchema.parse(response.json()).items;
  };

  it('creates an entry, classifies it with a reason, and lists it', async () => {
    const response = await post(alice, {
      title: 'Focus time',
      start: '2026-03-02T08:00:00Z',
      end: '2026-03-02T10:00:00Z',
      timeZone: 'Europe/Berlin',
    });
    expect(response.statusCode).toBe(201);
    const entry = EntrySchema.parse(response.json());
    expect(entry).toMatchObject({
      title: 'Focus time',
      start: '2026-03-02T08:00:00.000Z',
      end: '2026-03-02T10:00:00.000Z',
      source: 'manual',
      category: 'maker',
      subtype: null,
      overridden: false,
    });
    expect(entry.reason).toBe('maker: title has "focus" (rule "Focus blocks")');
    expect((await list(alice)).map((item) => item.id)).toEqual([entry.id]);
  });

  it('rejects bad input with the field and writes nothing', async () => {
    const backwards = await post(alice, {
      start: '2026-03-02T10:00:00Z',
      end: '2026-03-02T09:00:00Z',
      timeZone: 'Mars/Olympus',
    });
    expect(backwards.statusCode).toBe(400);
    const error = ApiErrorSchema.parse(backwards.json()).error;
    expect(error.code).toBe('validation_failed');
    expect(error.issues?.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([
        ['body', 'timeZone'],
        ['body', 'end'],
      ]),
    );
    expect(await list(alice)).toEqual([]);
  });

  it('never shows one member the entries of another, even in the same organization', async () => {
    const bob = await createMemberWithToken(app(), { orgId: alice.orgId });
    const created = EntrySchema.parse(
      (
        await post(alice, { start: '2026-03-02T08:00:00Z', end: '2026-03-02T09:00:00Z', timeZone: 'UTC' })
      ).json(),
    );
    expect(await list(bob)).toEqual([]);
    const patch = await app().inject({
      method: 'PATCH',
      url: `/api/v1/entries/${created.id}`,
      headers: bob.headers,
      payload: { title: 'mine now' },
    });
    expect(patch.statusCode).toBe(404);
    const remove = await app().inject({
      method: 'DELETE',
      url: `/api/v1/entries/${created.id}`,
      headers: bob.headers,
    });
    expect(remove.statusCode).toBe(404);
    expect((await list(alice))[0]?.title).toBeNull();
  });

  it('overrides a classification ("set by you") and hands it back to the rules with category null', async () => {
    const created = EntrySchema.parse(
      (
        await post(alice, {
          title: 'Weekly sync',
          attendees: 6,
          start: '2026-03-03T09:00:00Z',
          end: '2026-03-03T10:00:00Z',
          timeZone: 'UTC',
        })
      ).json(),
    );
    expect(created).toMatchObject({ category: 'manager', subtype: 'team_sync' });

    const override = await app().inject({
      method: 'PATCH',
      url: `/api/v1/entries/${created.id}`,
      headers: alice.headers,
      payload: { category: 'maker' },
    });
    expect(override.statusCode).toBe(200);
    expect(override.json()).toMatchObject({
      category: 'maker',
      subtype: null,
      overridden: true,
      reason: 'maker: set by you',
    });

    const back = await app().inject({
      method: 'PATCH',
      url: `/api/v1/entries/${created.id}`,
      headers: alice.headers,
      payload: { category: null },
    });
    expect(back.json()).toMatchObject({ category: 'manager', subtype: 'team_sync', overridden: false });
    expect(back.json().reason).toBe(created.reason);
  });

  it('asks for a subtype when overriding to manager', async () => {
    const created = EntrySchema.parse(
      (
        await post(alice, { start: '2026-03-02T08:00:00Z', end: '2026-03-02T09:00:00Z', timeZone: 'UTC' })
      ).json(),
    );
    const response = await app().inject({
      method: 'PATCH',
      url: `/api/v1/entries/${created.id}`,
      headers: alice.headers,
      payload: { category: 'manager' },
    });
    expect(response.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(response.json()).error.issues?.[0]?.path).toEqual(['body', 'subtype']);
  });

  it('overrides a whole recurring series at once', async () => {
    const bulk = await app().inject({
      method: 'POST',
      url: '/api/v1/entries/bulk',
      headers: alice.headers,
      payload: {
        entries: [2, 3, 4].map((day) => ({
          externalUid: `standup-${day}`,
          seriesId: 'standup',
          title: 'Daily standup',
          attendees: 7,
          start: `2026-03-0${day}T09:00:00Z`,
          end: `2026-03-0${day}T09:15:00Z`,
          timeZone: 'UTC',
        })),
      },
    });
    expect(bulk.json()).toEqual({ created: 3, updated: 0 });
    const [first] = await list(alice);
    const response = await app().inject({
      method: 'PATCH',
      url: `/api/v1/entries/${first?.id}`,
      headers: alice.headers,
      payload: { category: 'neutral', scope: 'series' },
    });
    expect(response.statusCode).toBe(200);
    const after = await list(alice);
    expect(after.map((entry) => [entry.category, entry.overridden, entry.reason])).toEqual([
      ['neutral', true, 'neutral: set by you'],
      ['neutral', true, 'neutral: set by you'],
      ['neutral', true, 'neutral: set by you'],
    ]);
  });

  it('deletes an entry', async () => {
    const created = EntrySchema.parse(
      (
        await post(alice, { start: '2026-03-02T08:00:00Z', end: '2026-03-02T09:00:00Z', timeZone: 'UTC' })
      ).json(),
    );
    const response = await app().inject({
      method: 'DELETE',
      url: `/api/v1/entries/${created.id}`,
      headers: alice.headers,
    });
    expect(response.statusCode).toBe(204);
    expect(await list(alice)).toEqual([]);
  });

  it('requires authentication', async () => {
    const response = await app().inject({ method: 'GET', url: `/api/v1/entries?${RANGE}` });
    expect(response.statusCode).toBe(401);
    const revoked = await app().inject({
      method: 'GET',
      url: `/api/v1/entries?${RANGE}`,
      headers: { authorization: 'Bearer tm_aaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' },
    });
    expect(revoked.statusCode).toBe(401);
  });
});
