import { CreatedApiTokenSchema, ListApiTokensResponseSchema } from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import { hashApiToken, looksLikeApiToken } from '../../../server/src/modules/tokens/token-secret.ts';
import { createMemberWithToken, signUpWithCookie } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

describe('personal API tokens', () => {
  const { app } = useTestApp();

  it('shows the secret once, stores only its hash, and lists tokens without it', async () => {
    const user = await signUpWithCookie(app());
    const created = await app().inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: user.headers,
      payload: { name: 'CI pipeline' },
    });
    expect(created.statusCode).toBe(201);
    const { token, secret } = CreatedApiTokenSchema.parse(created.json());
    expect(looksLikeApiToken(secret)).toBe(true);
    expect(secret.startsWith(token.prefix)).toBe(true);
    expect(token).toMatchObject({ name: 'CI pipeline', lastUsedAt: null });

    const row = await app().db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(hashApiToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret);

    const list = await app().inject({
      method: 'GET',
      url: '/api/v1/tokens',
      headers: { cookie: user.cookie },
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(secret);
    expect(ListApiTokensResponseSchema.parse(list.json()).items).toEqual([token]);

    const audit = await app().db.auditEvent.findMany({ where: { action: 'token.created' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.targetId).toBe(token.id);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('works as Authorization: Bearer on /api/v1 and records when it was last used', async () => {
    const user = await signUpWithCookie(app());
    const { token, secret } = CreatedApiTokenSchema.parse(
      (
        await app().inject({
          method: 'POST',
          url: '/api/v1/tokens',
          headers: user.headers,
          payload: { name: 'cli' },
        })
      ).json(),
    );
    const before = Date.now();
    const me = await app().inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { id: user.userId },
      organization: { id: user.orgId },
      role: 'admin',
    });
    expect(me.json().authenticatedWith).toBe('token');

    const row = await app().db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.lastUsedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const list = ListApiTokensResponseSchema.parse(
      (await app().inject({ method: 'GET', url: '/api/v1/tokens', headers: { cookie: user.cookie } })).json(),
    );
    expect(list.items[0]?.lastUsedAt).toBe(row.lastUsedAt?.toISOString());
  });

  it('stops working the moment it is revoked', async () => {
    const member = await createMemberWithToken(app());
    const created = CreatedApiTokenSchema.parse(
      (
        await app().inject({
          method: 'POST',
          url: '/api/v1/tokens',
          headers: member.headers,
          payload: { name: 'temp' },
        })
      ).json(),
    );
    const bearer = { authorization: `Bearer ${created.secret}` };
    expect((await app().inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(200);

    const revoked = await app().inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${created.token.id}`,
      headers: member.headers,
    });
    expect(revoked.statusCode).toBe(204);

    const after = await app().inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthorized');
    // Revoked tokens leave the list; the other token still works.
    const list = ListApiTokensResponseSchema.parse(
      (await app().inject({ method: 'GET', url: '/api/v1/tokens', headers: member.headers })).json(),
    );
    expect(list.items.map((t) => t.id)).not.toContain(created.token.id);
    expect(
      await app().db.auditEvent.count({ where: { action: 'token.revoked', targetId: created.token.id } }),
    ).toBe(1);
    // Revoking twice: already gone.
    const twice = await app().inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${created.token.id}`,
      headers: member.headers,
    });
    expect(twice.statusCode).toBe(404);
  });

  it("cannot revoke or list another member's tokens, even as admin", async () => {
    const admin = await createMemberWithToken(app(), { role: 'admin' });
    const colleague = await createMemberWithToken(app(), { orgId: admin.orgId });
    const colleagueToken = await app().db.apiToken.findFirstOrThrow({
      where: { memberId: colleague.memberId },
    });

    const list = await app().inject({ method: 'GET', url: '/api/v1/tokens', headers: admin.headers });
    expect(list.json().items.map((t: { id: string }) => t.id)).not.toContain(colleagueToken.id);
    const revoke = await app().inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${colleagueToken.id}`,
      headers: admin.headers,
    });
    expect(revoke.statusCode).toBe(404);
    expect(
      (await app().inject({ method: 'GET', url: '/api/v1/me', headers: colleague.headers })).statusCode,
    ).toBe(200);
  });

  it('carries the rights of its member: a member token cannot do admin things', async () => {
    const admin = await createMemberWithToken(app(), { role: 'admin' });
    const member = await createMemberWithToken(app(), { orgId: admin.orgId });
    const promote = await app().inject({
      method: 'PATCH',
      url: `/api/v1/members/${member.memberId}`,
      headers: member.headers,
      payload: { role: 'admin' },
    });
    expect(promote.statusCode).toBe(403);
    const audit = await app().inject({ method: 'GET', url: '/api/v1/audit', headers: member.headers });
    expect(audit.statusCode).toBe(403);
  });

  it('refuses malformed and unknown tokens with 401, and a bearer token wins over a cookie', async () => {
    for (const authorization of ['Bearer nope', `Bearer tm_${'a'.repeat(12)}_${'b'.repeat(32)}`, 'Bearer ']) {
      const response = await app().inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } });
      expect(response.statusCode, authorization).toBe(401);
    }
    const user = await signUpWithCookie(app());
    const mixed = await app().inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: user.cookie, authorization: 'Bearer nope' },
    });
    expect(mixed.statusCode).toBe(401);
  });
});
