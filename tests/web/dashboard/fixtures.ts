import type { Me, MemberRole } from '@tiltmeter/shared/accounts';
import {
  type DayDetail,
  type DayFacts,
  type ResolvedThresholds,
  type Signal,
  THRESHOLD_KEYS,
  type ThresholdKey,
} from '@tiltmeter/shared/metrics';
import {
  type GroupAggregate,
  type OrgMetricsResponse,
  OrgMetricsResponseSchema,
  type TeamMetricsResponse,
  TeamMetricsResponseSchema,
  type WeekDetailResponse,
  WeekDetailResponseSchema,
  type WeekEntry,
  type WeekSeriesItem,
  type WeekSeriesResponse,
  WeekSeriesResponseSchema,
} from '@tiltmeter/shared/metrics-api';
import type { Team } from '@tiltmeter/shared/teams';
import { vi } from 'vitest';
import { daysOfWeek } from '../../../web/src/lib/iso-week.ts';
import { jsonResponse } from '../render-app.tsx';

/**
 * Fixtures of the dashboard's API answers. Each builder returns a response that passes the shared
 * schema (the client parses every answer with it), so a test fails on a contract change rather
 * than rendering something the server could never send.
 */

export const MEMBER_ID = 'member-dana';

export function me(role: MemberRole = 'admin', timeZone = 'UTC'): Me {
  return {
    user: {
      id: 'user-1',
      name: 'Dana Whitaker',
      email: 'dana@example.test',
      emailVerified: true,
      createdAt: '2026-01-05T09:00:00.000Z',
    },
    organization: {
      id: 'org-1',
      name: 'Northwind',
      slug: 'northwind',
      minGroupSize: 5,
      titlePolicy: 'show',
      createdAt: '2026-01-05T09:00:00.000Z',
    },
    member: { id: MEMBER_ID, role },
    role,
    settings: {
      displayName: 'Dana',
      timeZone,
      workingHours: {
        '1': [{ start: '09:00', end: '17:00' }],
        '2': [{ start: '09:00', end: '17:00' }],
        '3': [{ start: '09:00', end: '17:00' }],
        '4': [{ start: '09:00', end: '17:00' }],
        '5': [{ start: '09:00', end: '17:00' }],
        '6': [],
        '7': [],
      },
      roleProfile: 'hybrid',
      calendarEmails: [],
      shareWithTeamLeads: false,
      shareChangedAt: null,
    },
    authenticatedWith: 'session',
  };
}

export function thresholds(overrides: Partial<ResolvedThresholds['values']> = {}): ResolvedThresholds {
  const sources = Object.fromEntries(
    THRESHOLD_KEYS.map((key) => [key, { layer: 'default' as const, profile: null, origin: `why ${key}` }]),
  ) as Record<ThresholdKey, ResolvedThresholds['sources'][ThresholdKey]>;
  return {
    profile: 'hybrid',
    values: {
      targetMakerShare: 0.5,
      minDeepBlocksPerWeek: 2,
      deepBlockMinutes: 120,
      zeroMakerMinutes: 0,
      heavyMeetingDayMinutes: 300,
      sustainedTiltWeeks: 4,
      burnoutWeeks: 26,
      driftPoints: 10,
      afterHoursMinutesPerWeek: 60,
      afterHoursWeeks: 3,
      afterHoursWindowWeeks: 4,
      weekendMinutes: 90,
      ...overrides,
    },
    sources,
  };
}

export function signal(
  code: Signal['code'],
  level: Signal['level'],
  message: string,
  date: string | null = null,
): Signal {
  return {
    code,
    level,
    message,
    source: { layer: 'default', profile: null, origin: `origin of ${code}` },
    threshold: { key: 'targetMakerShare', value: 0.5 },
    date,
  };
}

export function weekItem(week: string, overrides: Partial<WeekSeriesItem> = {}): WeekSeriesItem {
  return {
    week,
    makerMinutes: 600,
    managerMinutes: 600,
    neutralMinutes: 120,
    makerShare: 0.5,
    deepBlocks: 2,
    deepMinutes: 300,
    fragmentedMakerMinutes: 300,
    longestBlockMinutes: 150,
    heavyMeetingDays: 0,
    meetingFreeDays: 1,
    afterHoursMinutes: 0,
    weekendMinutes: 0,
    contextSwitches: 8,
    target: 0.5,
    signals: [],
    drift: null,
    belowTargetStreak: 0,
    focusCostMinutes: 0,
    managerBySubtype: {
      one_on_one: 0,
      team_sync: 600,
      review: 0,
      hiring: 0,
      external: 0,
      coordination: 0,
      unspecified: 0,
    },
    ...overrides,
  };
}

export function weekSeries(
  items: WeekSeriesItem[],
  values: Partial<ResolvedThresholds['values']> = {},
): WeekSeriesResponse {
  return WeekSeriesResponseSchema.parse({
    memberId: MEMBER_ID,
    timeZone: 'UTC',
    profile: 'hybrid',
    thresholds: thresholds(values),
    from: items[0]?.week ?? '2026-W01',
    to: items.at(-1)?.week ?? '2026-W01',
    items,
  });
}

export function dayFacts(date: string, overrides: Partial<DayFacts> = {}): DayFacts {
  return {
    date,
    timeZone: 'UTC',
    deepBlockMinutes: 120,
    dayMinutes: 1440,
    workingDay: true,
    workingMinutes: 480,
    makerMinutes: 0,
    managerMinutes: 0,
    neutralMinutes: 0,
    managerBySubtype: {
      one_on_one: 0,
      team_sync: 0,
      review: 0,
      hiring: 0,
      external: 0,
      coordination: 0,
      unspecified: 0,
    },
    deepBlocks: 0,
    deepMinutes: 0,
    longestBlockMinutes: 0,
    fragmentedMakerMinutes: 0,
    makerBlocks: [],
    capacityMinutes: 0,
    capacityBlockMinutes: 0,
    fragmentedCapacityMinutes: 0,
    capacityBlocks: [],
    meetingCount: 0,
    backToBackChains: 0,
    meetings: [],
    focusCostMinutes: 0,
    afterHoursMinutes: 0,
    weekendMinutes: 0,
    contextSwitches: 0,
    ...overrides,
  };
}

export function weekEntry(
  overrides: Partial<WeekEntry> & Pick<WeekEntry, 'id' | 'start' | 'end'>,
): WeekEntry {
  return {
    title: `Entry ${overrides.id}`,
    category: 'maker',
    subtype: null,
    reason: 'maker: title has "focus" (rule "Building work")',
    seriesId: null,
    overridden: false,
    ...overrides,
  };
}

export function weekDetail(
  week: string,
  {
    entries = [],
    days = {},
    series = [],
    metrics = {},
    timeZone = 'UTC',
  }: {
    timeZone?: string;
    entries?: WeekEntry[];
    days?: Record<string, Partial<DayFacts>>;
    series?: WeekDetailResponse['series'];
    metrics?: Partial<WeekSeriesItem>;
  } = {},
): WeekDetailResponse {
  const detailDays: DayDetail[] = daysOfWeek(week).map((date) => ({
    facts: dayFacts(date, days[date]),
    timeline: [],
  }));
  return WeekDetailResponseSchema.parse({
    memberId: MEMBER_ID,
    week,
    timeZone,
    days: detailDays,
    series,
    metrics: weekItem(week, metrics),
    entries,
    titlesShown: true,
  });
}

export function aggregate(overrides: Partial<GroupAggregate> = {}): GroupAggregate {
  return {
    suppressed: false,
    people: 9,
    personWeeks: 18,
    distribution: {
      makerMinutes: 20_000,
      managerMinutes: 17_000,
      neutralMinutes: 3_000,
      makerFraction: 0.5,
      managerFraction: 0.425,
      neutralFraction: 0.075,
    },
    medianMakerShare: 0.56,
    medianDeepBlocks: 2,
    meanDeepBlocks: 2.1,
    belowTargetShare: 0.9,
    signalCounts: {
      maker_share_below_target: 16,
      zero_maker_week: 0,
      heavy_meeting_day: 5,
      sustained_tilt: 9,
      burnout_pattern: 0,
      drift: 1,
      deep_work_floor: 14,
      after_hours: 2,
      weekend: 0,
    },
    ...overrides,
  };
}

export function teamMetrics(
  overrides: Partial<TeamMetricsResponse> & Pick<TeamMetricsResponse, 'from' | 'to'>,
): TeamMetricsResponse {
  return TeamMetricsResponseSchema.parse({
    team: { id: 'team-product', name: 'Product Engineering', visibility: 'private', memberCount: 9 },
    minGroupSize: 5,
    summary: aggregate(),
    weeks: [],
    weekdays: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      managerMinutes: weekday === 3 ? 0 : weekday > 5 ? 0 : 3000,
      meetings: weekday === 3 || weekday > 5 ? 0 : 60,
    })),
    series: [],
    seriesNote: 'Recurring meetings only.',
    individuals: { shown: [], omitted: 0, omittedReason: null },
    ...overrides,
  });
}

export function team(overrides: Partial<Team> = {}): Team {
  return {
    id: 'team-product',
    name: 'Product Engineering',
    visibility: 'private',
    sprintDays: 14,
    archivedAt: null,
    createdAt: '2026-01-05T09:00:00.000Z',
    members: [{ memberId: MEMBER_ID, displayName: 'Dana', isLead: true }],
    ...overrides,
  };
}

export function orgMetrics(
  overrides: Partial<OrgMetricsResponse> & Pick<OrgMetricsResponse, 'from' | 'to' | 'teams'>,
): OrgMetricsResponse {
  return OrgMetricsResponseSchema.parse({
    minGroupSize: 5,
    sustainedTiltWeeks: 4,
    burnoutWeeks: 26,
    burnoutTeams: [],
    ...overrides,
  });
}

// ---------------------------------------------------------------------------------------------
// The fake API
// ---------------------------------------------------------------------------------------------

export interface RecordedCall {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
}

type Reply = { status?: number; body: unknown };
export type Handler = (call: RecordedCall) => Reply | Promise<Reply>;

/**
 * `fetch` stubbed at the browser boundary: a signed-in member (session and /me), health, and the
 * routes a test gives as `'METHOD /path'`. Unknown routes answer 404 so a missing stub is visible.
 */
export function stubDashboardApi(
  routes: Record<string, Handler>,
  { role = 'admin' as MemberRole, timeZone = 'UTC' } = {},
) {
  const calls: RecordedCall[] = [];
  const all: Record<string, Handler> = {
    'GET /api/auth/get-session': () => ({
      body: {
        user: { id: 'user-1', name: 'Dana Whitaker', email: 'dana@example.test', emailVerified: true },
        session: { expiresAt: '2099-01-01T00:00:00.000Z' },
      },
    }),
    'GET /api/v1/me': () => ({ body: me(role, timeZone) }),
    'GET /api/health': () => ({ body: { status: 'ok', database: 'ok' } }),
    'GET /api/v1/organizations': () => ({ body: { items: [] } }),
    'GET /api/v1/inbox': () => ({ body: { items: [], total: 0 } }),
    ...routes,
  };
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
    return jsonResponse(reply.status ?? 200, reply.body);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
  };
}
