import type { Me, MemberRole, MemberSettings, Organization } from '@tiltmeter/shared/accounts';
import { DEFAULT_WORKING_HOURS } from '@tiltmeter/shared/metrics';
import { vi } from 'vitest';
import { jsonResponse } from '../render-app.tsx';

/**
 * A fake API at the browser boundary (`fetch`) for the account pages. The session is a variable of
 * the stub (`api.signIn(me)`, `api.signOut()`), so a test can sign in half-way and the app's next
 * session check sees it. Routes are `'METHOD /path'` (no query string); every request is recorded.
 */

export interface RecordedCall {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
}

type Reply = Response | { status?: number; body?: unknown };
export type RouteHandler = (call: RecordedCall) => Reply | Promise<Reply>;

export const MEMBER_ID = 'member-ada';

export const ORGANIZATION: Organization = {
  id: 'org-1',
  name: 'Analytical Engines',
  slug: 'analytical-engines',
  minGroupSize: 5,
  titlePolicy: 'show',
  createdAt: '2026-01-05T09:00:00.000Z',
};

export const SETTINGS: MemberSettings = {
  displayName: null,
  timeZone: 'Europe/London',
  workingHours: DEFAULT_WORKING_HOURS,
  roleProfile: 'hybrid',
  calendarEmails: [],
  shareWithTeamLeads: false,
  shareChangedAt: null,
};

export function signedInMe(role: MemberRole = 'admin', overrides: Partial<Me> = {}): Me {
  return {
    user: {
      id: 'user-ada',
      name: 'Ada Lovelace',
      email: 'ada@example.test',
      emailVerified: true,
      createdAt: '2026-01-05T09:00:00.000Z',
    },
    organization: ORGANIZATION,
    member: { id: MEMBER_ID, role },
    role,
    settings: SETTINGS,
    authenticatedWith: 'session',
    ...overrides,
  };
}

/** A signed-in user who belongs to no organization (an invitee before accepting). */
export function meWithoutOrganization(): Me {
  return {
    ...signedInMe(),
    organization: null,
    member: null,
    role: null,
    settings: null,
  };
}

export function apiError(status: number, code: string, message: string, issues?: unknown[]): Reply {
  return { status, body: { error: { code, message, ...(issues ? { issues } : {}) } } };
}

export function stubApi(routes: Record<string, RouteHandler> = {}, { me = null as Me | null } = {}) {
  let current: Me | null = me;
  const calls: RecordedCall[] = [];
  const defaults: Record<string, RouteHandler> = {
    'GET /api/auth/get-session': () => ({
      body: current
        ? {
            user: {
              id: current.user.id,
              name: current.user.name,
              email: current.user.email,
              emailVerified: true,
            },
            session: { expiresAt: '2099-01-01T00:00:00.000Z' },
          }
        : null,
    }),
    'GET /api/v1/me': () =>
      current ? { body: current } : apiError(401, 'unauthorized', 'Sign in, or send an API token'),
    'POST /api/auth/sign-out': () => {
      current = null;
      return { body: { success: true } };
    },
    'GET /api/health': () => ({ body: { status: 'ok', database: 'ok' } }),
    'GET /api/v1/organizations': () => ({
      body: {
        items: current?.organization
          ? [{ ...current.organization, role: current.role, current: true }].map(
              ({ id, name, slug, role }) => ({
                id,
                name,
                slug,
                role,
                current: true,
              }),
            )
          : [],
      },
    }),
    'GET /api/v1/inbox': () => ({ body: { items: [], total: 0 } }),
    'GET /api/v1/teams': () => ({ body: { items: [] } }),
    'GET /api/v1/members': () => ({ body: { items: [] } }),
  };
  const all = { ...defaults, ...routes };
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const call: RecordedCall = {
      method,
      path: url.pathname,
      search: url.searchParams,
      body: text ? JSON.parse(text) : undefined,
    };
    calls.push(call);
    const handler = all[`${method} ${url.pathname}`];
    if (!handler) {
      return jsonResponse(404, {
        error: { code: 'not_found', message: `No stub for ${method} ${url.pathname}` },
      });
    }
    const reply = await handler(call);
    if (reply instanceof Response) return reply;
    if (reply.status === 204) return new Response(null, { status: 204 });
    return jsonResponse(reply.status ?? 200, reply.body ?? null);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
    signIn: (next: Me) => {
      current = next;
    },
    signOut: () => {
      current = null;
    },
  };
}
