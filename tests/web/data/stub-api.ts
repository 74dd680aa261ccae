import type { Me, MemberRole } from '@tiltmeter/shared/accounts';
import type { Entry } from '@tiltmeter/shared/entries';
import { vi } from 'vitest';
import { jsonResponse } from '../render-app.tsx';

/**
 * A fake API at the browser boundary (`fetch`), for the data pages: a signed-in member by default,
 * plus the routes a test gives as `'METHOD /path'` (no query string). Every request is recorded.
 */
export interface RecordedCall {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
}

type Reply = Response | { status?: number; body: unknown };
export type RouteHandler = (call: RecordedCall) => Reply | Promise<Reply>;

export const MEMBER_ID = 'member-1';

export function meFor(role: MemberRole): Me {
  return {
    user: {
      id: 'user-1',
      name: 'Ada Lovelace',
      email: 'ada@example.test',
      emailVerified: true,
      createdAt: '2026-01-05T09:00:00.000Z',
    },
    organization: {
      id: 'org-1',
      name: 'Analytical Engines',
      slug: 'analytical-engines',
      minGroupSize: 5,
      titlePolicy: 'show',
      createdAt: '2026-01-05T09:00:00.000Z',
    },
    member: { id: MEMBER_ID, role },
    role,
    settings: {
      displayName: null,
      timeZone: 'UTC',
      workingHours: { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] },
      roleProfile: 'hybrid',
      calendarEmails: [],
      shareWithTeamLeads: false,
      shareChangedAt: null,
    },
    authenticatedWith: 'session',
  };
}

export function stubApi(
  routes: Record<string, RouteHandler>,
  { role = 'admin' }: { role?: MemberRole } = {},
) {
  const calls: RecordedCall[] = [];
  const defaults: Record<string, RouteHandler> = {
    'GET /api/auth/get-session': () => ({
      body: {
        user: { id: 'user-1', name: 'Ada Lovelace', email: 'ada@example.test', emailVerified: true },
        session: { expiresAt: '2099-01-01T00:00:00.000Z' },
      },
    }),
    'GET /api/v1/me': () => ({ body: meFor(role) }),
    'GET /api/health': () => ({ body: { status: 'ok', database: 'ok' } }),
    'GET /api/v1/organizations': () => ({ body: { items: [] } }),
    'GET /api/v1/inbox': () => ({ body: { items: [], total: 0 } }),
    'GET /api/v1/teams': () => ({ body: { items: [] } }),
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
    if (!handler)
      return jsonResponse(404, {
        error: { code: 'not_found', message: `No stub for ${method} ${url.pathname}` },
      });
    const reply = await handler(call);
    if (reply instanceof Response) return reply;
    return reply.body === null && reply.status === 204
      ? new Response(null, { status: 204 })
      : jsonResponse(reply.status ?? 200, reply.body);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    fetchMock,
    callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
  };
}

/**
 * For the first query of a test: the page is a lazy chunk, compiled on first use, which takes longer
 * than testing-library's default second when the whole suite runs in parallel.
 */
export const PAGE_LOAD = { timeout: 10_000 };

let entrySeq = 0;

/** An unclassified entry as the inbox returns it. */
export function entry(overrides: Partial<Entry> = {}): Entry {
  entrySeq += 1;
  return {
    id: `entry-${entrySeq}`,
    title: `Entry ${entrySeq}`,
    start: '2026-03-03T10:00:00.000Z',
    end: '2026-03-03T11:00:00.000Z',
    timeZone: 'UTC',
    allDay: false,
    attendees: 0,
    organizer: true,
    rsvp: 'accepted',
    showAs: 'tentative',
    status: 'confirmed',
    source: 'ics_file',
    calendar: 'Work',
    externalUid: null,
    seriesId: null,
    category: 'unclassified',
    subtype: null,
    reason: 'unclassified: no rule matched',
    overridden: false,
    editedByMember: false,
    ...overrides,
  };
}

/** Per-category totals of a preview, all zero; pass overrides per category. */
export function emptyTotals(
  counts: Partial<
    Record<'maker' | 'manager' | 'neutral' | 'excluded' | 'unclassified', [number, number]>
  > = {},
) {
  const categories = ['maker', 'manager', 'neutral', 'excluded', 'unclassified'] as const;
  return Object.fromEntries(
    categories.map((category) => {
      const [entries, minutes] = counts[category] ?? [0, 0];
      return [category, { entries, minutes }];
    }),
  ) as Record<(typeof categories)[number], { entries: number; minutes: number }>;
}
