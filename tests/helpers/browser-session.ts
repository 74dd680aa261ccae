import { randomBytes } from 'node:crypto';
import type { APIResponse, BrowserContext } from 'playwright-core';
import { TEST_PASSWORD } from './auth.ts';

/**
 * Signed-in browser contexts for end-to-end tests, without clicking through the forms: requests made
 * with `context.request` share the context's cookie jar, so after `signUpThroughApi` every page of the
 * context is signed in.
 *
 * Cookie-authenticated writes must carry the app's own `Origin` (the server's CSRF rule); a page does
 * that by itself, `context.request` does not, so every write here sends `Origin: <baseUrl>`.
 */

export interface SessionUser {
  userId: string;
  name: string;
  email: string;
  password: string;
}

export interface SignUpOptions {
  name?: string;
  /** Default: a unique address at example.test. */
  email?: string;
  /** Default: TEST_PASSWORD. */
  password?: string;
  /** The new organization's name (ignored with `invitationId`). */
  organizationName?: string;
  /** IANA zone of the membership; default 'UTC'. */
  timeZone?: string;
  /** Sign up to accept this invitation: no organization of one's own is made; see `acceptInvitationThroughApi`. */
  invitationId?: string;
}

function originOf(baseUrl: string): string {
  return new URL(baseUrl).origin;
}

async function failIfNotOk(response: APIResponse, what: string): Promise<void> {
  if (response.ok()) return;
  throw new Error(`${what} failed: ${response.status()} ${await response.text()}`);
}

/** A unique, valid email address for a test user. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@example.test`;
}

/**
 * Creates a user (and, unless `invitationId`, an organization with them as admin) and signs the
 * context in as that user.
 */
export async function signUpThroughApi(
  context: BrowserContext,
  baseUrl: string,
  options: SignUpOptions = {},
): Promise<SessionUser> {
  const name = options.name ?? 'Test User';
  const email = (options.email ?? uniqueEmail()).toLowerCase();
  const password = options.password ?? TEST_PASSWORD;
  const response = await context.request.post(new URL('/api/auth/sign-up/email', baseUrl).toString(), {
    headers: { origin: originOf(baseUrl) },
    data: {
      name,
      email,
      password,
      timeZone: options.timeZone ?? 'UTC',
      ...(options.organizationName ? { organizationName: options.organizationName } : {}),
      ...(options.invitationId ? { invitationId: options.invitationId } : {}),
    },
  });
  await failIfNotOk(response, `Signing up ${email}`);
  const body = (await response.json()) as { user: { id: string } };
  return { userId: body.user.id, name, email, password };
}

/** Signs the context in as an existing user. */
export async function signInThroughApi(
  context: BrowserContext,
  baseUrl: string,
  credentials: { email: string; password?: string },
): Promise<void> {
  const response = await context.request.post(new URL('/api/auth/sign-in/email', baseUrl).toString(), {
    headers: { origin: originOf(baseUrl) },
    data: { email: credentials.email, password: credentials.password ?? TEST_PASSWORD },
  });
  await failIfNotOk(response, `Signing in ${credentials.email}`);
}

/** Accepts an invitation as the context's signed-in user (the invited address). */
export async function acceptInvitationThroughApi(
  context: BrowserContext,
  baseUrl: string,
  invitationId: string,
): Promise<void> {
  await sessionApi(context, baseUrl).post(`/api/v1/invitations/${encodeURIComponent(invitationId)}/accept`);
}

type Json = Record<string, unknown> | unknown[];

/**
 * JSON calls to the API as the context's signed-in user, for seeding data before a page is opened
 * (`await api.post('/api/v1/teams', { name: 'Platform' })`). Each call resolves to the parsed body
 * (undefined for an empty one) and throws with the status and body on anything but 2xx.
 */
export function sessionApi(context: BrowserContext, baseUrl: string) {
  const origin = originOf(baseUrl);
  async function call<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: Json) {
    const response = await context.request.fetch(new URL(path, baseUrl).toString(), {
      method,
      headers: { origin, accept: 'application/json' },
      ...(body === undefined ? {} : { data: body }),
    });
    await failIfNotOk(response, `${method} ${path}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return {
    get: <T = unknown>(path: string) => call<T>('GET', path),
    post: <T = unknown>(path: string, body?: Json) => call<T>('POST', path, body ?? {}),
    patch: <T = unknown>(path: string, body: Json) => call<T>('PATCH', path, body),
    put: <T = unknown>(path: string, body?: Json) => call<T>('PUT', path, body ?? {}),
    delete: <T = unknown>(path: string) => call<T>('DELETE', path),
  };
}
