import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../server/src/app.ts';
import { scopedDb } from '../../server/src/lib/tenant-db.ts';
import { addMembership } from '../../server/src/modules/members/members.service.ts';
import { installDefaultRules } from '../../server/src/modules/rules/rule-sets.ts';
import { generateApiToken } from '../../server/src/modules/tokens/token-secret.ts';

/**
 * The app's own origin in tests (PUBLIC_URL defaults to http://localhost:3000). Cookie-authenticated
 * POST/PATCH/PUT/DELETE requests must carry it, as a browser on the dashboard would.
 */
export const TEST_ORIGIN = 'http://localhost:3000';

export const TEST_PASSWORD = 'correct horse battery staple';

export type Role = 'member' | 'manager' | 'admin';

export interface TestMember {
  token: string;
  userId: string;
  memberId: string;
  orgId: string;
  email: string;
  headers: { authorization: string };
}

/**
 * A member (and, unless orgId is given, a new organization with the default rules) with an API
 * token, written straight to the database: the quickest way for a test to call /api/v1 as someone.
 * An existing email reuses its user, so one person can belong to several organizations.
 */
export async function createMemberWithToken(
  app: App,
  options: {
    orgId?: string;
    orgName?: string;
    email?: string;
    name?: string;
    role?: Role;
    timeZone?: string;
  } = {},
): Promise<TestMember> {
  const suffix = randomBytes(4).toString('hex');
  let orgId = options.orgId;
  if (!orgId) {
    const organization = await app.db.organization.create({
      data: { name: options.orgName ?? `Org ${suffix}`, slug: `org-${suffix}` },
    });
    orgId = organization.id;
    await installDefaultRules(scopedDb(app.db, orgId));
  }
  const email = (options.email ?? `user-${suffix}@example.test`).toLowerCase();
  const user = await app.db.user.upsert({
    where: { email },
    create: { name: options.name ?? `User ${suffix}`, email },
    update: {},
  });
  const { memberId } = await addMembership(app.db, {
    organizationId: orgId,
    userId: user.id,
    role: options.role ?? 'member',
    timeZone: options.timeZone ?? 'UTC',
  });
  const { token, prefix, hash } = generateApiToken();
  await app.db.apiToken.create({
    data: { organizationId: orgId, memberId, name: 'test', prefix, tokenHash: hash },
  });
  return { token, userId: user.id, memberId, orgId, email, headers: { authorization: `Bearer ${token}` } };
}

/** `name=value; name2=value2` from a response's Set-Cookie headers, ready for a `cookie` header. */
export function cookieFrom(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const cookies = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return cookies
    .map((cookie) => cookie.split(';')[0] ?? '')
    .filter((pair) => pair && !pair.endsWith('='))
    .join('; ');
}

export interface CookieUser {
  /** The session cookie, for a `cookie` header. */
  cookie: string;
  /** `{ cookie, origin }`: what a browser on the dashboard sends. */
  headers: { cookie: string; origin: string };
  userId: string;
  email: string;
  password: string;
  /** The organization sign-up made (null when signing up for an invitation). */
  orgId: string | null;
  memberId: string | null;
}

/**
 * Signs up through the real endpoint (better-auth, the organization it makes, the session cookie).
 * Slower than createMemberWithToken; use it when the test is about cookies and sessions.
 */
export async function signUpWithCookie(
  app: App,
  options: {
    email?: string;
    name?: string;
    password?: string;
    organizationName?: string;
    timeZone?: string;
    invitationId?: string;
  } = {},
): Promise<CookieUser> {
  const suffix = randomBytes(4).toString('hex');
  const email = (options.email ?? `person-${suffix}@example.test`).toLowerCase();
  const password = options.password ?? TEST_PASSWORD;
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    headers: { origin: TEST_ORIGIN },
    payload: {
      name: options.name ?? `Person ${suffix}`,
      email,
      password,
      ...(options.organizationName ? { organizationName: options.organizationName } : {}),
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      ...(options.invitationId ? { invitationId: options.invitationId } : {}),
    },
  });
  if (response.statusCode !== 200) {
    throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`);
  }
  const cookie = cookieFrom(response);
  const userId = (response.json() as { user: { id: string } }).user.id;
  const member = await app.db.member.findFirst({
    where: { userId },
    select: { id: true, organizationId: true },
  });
  return {
    cookie,
    headers: { cookie, origin: TEST_ORIGIN },
    userId,
    email,
    password,
    orgId: member?.organizationId ?? null,
    memberId: member?.id ?? null,
  };
}

/** Signs in through the real endpoint; returns the session cookie, or throws with the response. */
export async function signInWithCookie(
  app: App,
  email: string,
  password: string = TEST_PASSWORD,
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: TEST_ORIGIN },
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  return cookieFrom(response);
}

/** Sets a password for a user made with createMemberWithToken, so they can sign in with a cookie. */
export async function setPassword(app: App, userId: string, password: string = TEST_PASSWORD): Promise<void> {
  const { hashPassword } = await import('better-auth/crypto');
  const hash = await hashPassword(password);
  const existing = await app.db.account.findFirst({ where: { userId, providerId: 'credential' } });
  if (existing) {
    await app.db.account.update({ where: { id: existing.id }, data: { password: hash } });
  } else {
    await app.db.account.create({
      data: { userId, accountId: userId, providerId: 'credential', password: hash },
    });
  }
}
