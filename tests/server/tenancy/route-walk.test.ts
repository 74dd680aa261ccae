import path from 'node:path';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type App, buildApp } from '../../../server/src/app.ts';
import { REPO_ROOT } from '../../../server/src/config.ts';
import { TENANT_MODELS } from '../../../server/src/lib/tenant-db.ts';
import { generateApiToken } from '../../../server/src/modules/tokens/token-secret.ts';
import { signUpWithCookie, TEST_ORIGIN } from '../../helpers/auth.ts';
import { useTestDatabase } from '../../helpers/test-database.ts';

/**
 * Walks EVERY route of the app (collected from Fastify as they are registered, so a new route is
 * covered the day it is added) and proves that the admin of organization A, with a session cookie and
 * with an API token, gets 403 or 404 (never data, never a change) for organization B's resources.
 *
 * Routes outside /api/v1 must be listed in EXEMPT with a reason; anything else fails the test.
 * A route whose path names a resource kind this file does not know fails too: add the kind to
 * `idOfKind` (and the row to `createOrganizationB`).
 */

const EXEMPT: { method: string; url: RegExp; reason: string }[] = [
  { method: '*', url: /^\/api\/health$/, reason: 'liveness: no tenant data' },
  { method: '*', url: /^\/api\/openapi\.json$/, reason: 'the API description, the same for everyone' },
  { method: '*', url: /^\/api\/docs(\/.*)?$/, reason: 'static API documentation (Swagger UI)' },
  {
    method: '*',
    url: /^\/api\/auth(\/.*)?$/,
    reason: 'identity (better-auth): users and sessions, not tenant data; covered by tests/server/auth',
  },
  {
    method: '*',
    url: /^\/api\/feeds\/:file$/,
    reason:
      "one member's ICS feed for calendar apps, found only by the secret token in its URL (no session, no organization the caller picks); an unknown token is 404",
  },
  { method: 'OPTIONS', url: /^\*$/, reason: 'CORS preflight: answers headers only' },
  { method: 'GET', url: /^\/(\*)?$/, reason: 'the static dashboard (no data; it calls /api/v1)' },
  { method: 'HEAD', url: /^\/(\*)?$/, reason: 'the static dashboard (no data; it calls /api/v1)' },
];

interface CollectedRoute {
  method: string;
  url: string;
  schema: RouteOptions['schema'];
}

interface OrganizationB {
  strings: string[];
  ids: Record<string, string>;
  snapshot: () => Promise<string>;
}

const DATE_TIME = '2026-03-02T09:00:00Z';

describe('tenancy: organization A never reaches organization B through any route', () => {
  const databaseUrl = useTestDatabase();
  const routes: CollectedRoute[] = [];
  let app: App;

  beforeAll(async () => {
    app = await buildApp({
      databaseUrl: databaseUrl(),
      logLevel: 'silent',
      corsOrigins: [],
      rateLimitPerMinute: 1_000_000,
      authRateLimitPerMinute: 1_000_000,
      webDistDir: path.join(REPO_ROOT, 'web', 'dist-absent-in-api-tests'),
      onRoute: (route) => {
        for (const method of [route.method].flat()) {
          routes.push({ method: String(method), url: route.url ?? '', schema: route.schema });
        }
      },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function createOrganizationB(): Promise<OrganizationB> {
    const admin = await signUpWithCookie(app, {
      email: 'bravo.admin@bravo.test',
      name: 'Bravo Admin Person',
      organizationName: 'Bravo Secret Org',
    });
    const orgId = admin.orgId ?? '';
    const adminMemberId = admin.memberId ?? '';
    const db = app.db;
    const organization = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
    const otherUser = await db.user.create({
      data: { name: 'Bravo Colleague', email: 'bravo.colleague@bravo.test' },
    });
    const member = await db.member.create({
      data: { organizationId: orgId, userId: otherUser.id, role: 'member' },
    });
    const team = await db.team.create({
      data: { organizationId: orgId, name: 'Bravo Hidden Team', visibility: 'open' },
    });
    const teamMember = await db.teamMember.create({
      data: { organizationId: orgId, teamId: team.id, memberId: member.id, isLead: true },
    });
    const invitation = await db.invitation.create({
      data: {
        organizationId: orgId,
        email: 'bravo.invitee@bravo.test',
        role: 'member',
        inviterId: admin.userId,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const secret = generateApiToken();
    const token = await db.apiToken.create({
      data: {
        organizationId: orgId,
        memberId: member.id,
        name: 'Bravo token',
        prefix: secret.prefix,
        tokenHash: secret.hash,
      },
    });
    const entry = await db.entry.create({
      data: {
        organizationId: orgId,
        memberId: member.id,
        title: 'bravo-private-entry-title',
        start: new Date('2026-03-02T10:00:00Z'),
        end: new Date('2026-03-02T11:00:00Z'),
        timeZone: 'UTC',
        seriesId: 'bravo-series-id',
        category: 'manager',
      },
    });
    const rule = await db.rule.findFirstOrThrow({ where: { organizationId: orgId } });
    const importBatch = await db.importBatch.create({
      data: { organizationId: orgId, memberId: member.id, source: 'ics_file', calendar: 'bravo-calendar' },
    });
    const subscription = await db.calendarSubscription.create({
      data: {
        organizationId: orgId,
        memberId: member.id,
        url: 'https://bravo.test/cal.ics',
        name: 'Bravo feed',
      },
    });
    const seriesOverride = await db.seriesOverride.create({
      data: { organizationId: orgId, memberId: member.id, seriesId: 'bravo-series-id', category: 'maker' },
    });
    const threshold = await db.thresholdSetting.create({
      data: { organizationId: orgId, scopeKey: `member:${member.id}`, values: {} },
    });
    const auditEvent = await db.auditEvent.findFirstOrThrow({ where: { organizationId: orgId } });

    const ids = {
      organization: orgId,
      member: member.id,
      adminMember: adminMemberId,
      user: otherUser.id,
      team: team.id,
      teamMember: teamMember.id,
      invitation: invitation.id,
      token: token.id,
      entry: entry.id,
      rule: rule.id,
      importBatch: importBatch.id,
      subscription: subscription.id,
      seriesOverride: seriesOverride.id,
      threshold: threshold.id,
      auditEvent: auditEvent.id,
    };
    const strings = [
      ...Object.values(ids),
      admin.userId,
      organization.slug,
      'Bravo Secret Org',
      'Bravo Hidden Team',
      'Bravo Colleague',
      'Bravo Admin Person',
      'bravo.admin@bravo.test',
      'bravo.colleague@bravo.test',
      'bravo.invitee@bravo.test',
      'bravo-private-entry-title',
      'bravo-calendar',
      secret.prefix,
    ];

    // Everything of B's, to compare after the walk: not one row may change.
    const snapshot = async () => {
      const where = { organizationId: orgId };
      const rows = {
        organization: await db.organization.findUnique({ where: { id: orgId } }),
        users: await db.user.findMany({ where: { memberships: { some: where } }, orderBy: { id: 'asc' } }),
        members: await db.member.findMany({ where, orderBy: { id: 'asc' } }),
        settings: await db.memberSettings.findMany({ where, orderBy: { memberId: 'asc' } }),
        teams: await db.team.findMany({ where, orderBy: { id: 'asc' } }),
        teamMembers: await db.teamMember.findMany({ where, orderBy: { id: 'asc' } }),
        invitations: await db.invitation.findMany({ where, orderBy: { id: 'asc' } }),
        entries: await db.entry.findMany({ where, orderBy: { id: 'asc' } }),
        seriesOverrides: await db.seriesOverride.findMany({ where, orderBy: { id: 'asc' } }),
        rules: await db.rule.findMany({ where, orderBy: { id: 'asc' } }),
        thresholds: await db.thresholdSetting.findMany({ where, orderBy: { id: 'asc' } }),
        dayFacts: await db.memberDayFact.findMany({
          where,
          orderBy: [{ memberId: 'asc' }, { localDate: 'asc' }],
        }),
        importBatches: await db.importBatch.findMany({ where, orderBy: { id: 'asc' } }),
        subscriptions: await db.calendarSubscription.findMany({ where, orderBy: { id: 'asc' } }),
        tokens: await db.apiToken.findMany({ where, orderBy: { id: 'asc' } }),
        audit: await db.auditEvent.findMany({ where, orderBy: { id: 'asc' } }),
      };
      return JSON.stringify(rows);
    };
    return { strings, ids, snapshot };
  }

  /** The id of B's row that a path parameter or an `...Id` field names. */
  function idOfKind(b: OrganizationB, name: string, previousSegment: string | undefined): string | undefined {
    const byName: Record<string, string | undefined> = {
      memberId: b.ids.member,
      teamId: b.ids.team,
      organizationId: b.ids.organization,
      orgId: b.ids.organization,
      userId: b.ids.user,
      invitationId: b.ids.invitation,
      tokenId: b.ids.token,
      entryId: b.ids.entry,
      ruleId: b.ids.rule,
      importBatchId: b.ids.importBatch,
      batchId: b.ids.importBatch,
      subscriptionId: b.ids.subscription,
      seriesId: 'bravo-series-id',
      week: '2026-W10',
      date: '2026-03-02',
    };
    if (name in byName) return byName[name];
    if (name !== 'id') return undefined;
    const bySegment: Record<string, string | undefined> = {
      members: b.ids.member,
      teams: b.ids.team,
      invitations: b.ids.invitation,
      tokens: b.ids.token,
      entries: b.ids.entry,
      rules: b.ids.rule,
      imports: b.ids.importBatch,
      'import-batches': b.ids.importBatch,
      subscriptions: b.ids.subscription,
      'calendar-subscriptions': b.ids.subscription,
      'series-overrides': b.ids.seriesOverride,
      thresholds: b.ids.threshold,
      audit: b.ids.auditEvent,
      organizations: b.ids.organization,
    };
    return previousSegment ? bySegment[previousSegment] : undefined;
  }

  type JsonSchema = {
    type?: string | string[];
    properties?: Record<string, JsonSchema>;
    required?: string[];
    items?: JsonSchema;
    minItems?: number;
    enum?: unknown[];
    const?: unknown;
    anyOf?: JsonSchema[];
    oneOf?: JsonSchema[];
    format?: string;
    pattern?: string;
    minLength?: number;
    minimum?: number;
    default?: unknown;
  };

  /**
   * A value that passes the route's own schema, with every `...Id` field pointing at B's rows: B's ids
   * smuggled in a body or a query must be refused as surely as in the path.
   */
  function sample(schema: JsonSchema, b: OrganizationB, name = ''): unknown {
    const smuggled = idOfKind(b, name, undefined);
    if (smuggled && name !== 'week' && name !== 'date') return smuggled;
    if (schema.const !== undefined) return schema.const;
    if (schema.enum) return schema.enum[0];
    const variants = schema.anyOf ?? schema.oneOf;
    if (variants) return sample(variants.find((v) => v.type !== 'null') ?? variants[0] ?? {}, b, name);
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case 'object': {
        const properties = schema.properties ?? {};
        const keys = Object.keys(properties);
        const chosen = keys.filter((key) => schema.required?.includes(key) || idOfKind(b, key, undefined));
        // An all-optional body usually needs at least one field.
        if (chosen.length === 0 && keys[0]) chosen.push(keys[0]);
        return Object.fromEntries(chosen.map((key) => [key, sample(properties[key] ?? {}, b, key)]));
      }
      case 'array':
        return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items ?? {}, b));
      case 'integer':
      case 'number':
        return schema.minimum ?? 1;
      case 'boolean':
        return false;
      case 'null':
        return null;
      default:
        return sampleString(schema, name);
    }
  }

  function sampleString(schema: JsonSchema, name: string): string {
    if (schema.pattern?.includes('W(')) return '2026-W10';
    if (schema.pattern?.includes(':[0-5]')) return '09:00';
    if (schema.format === 'email' || /email/i.test(name)) return 'probe@alpha.test';
    if (schema.format === 'date-time' || /^(start|end|from|to|since|until)$/.test(name)) return DATE_TIME;
    if (schema.format === 'date') return '2026-03-02';
    if (schema.format === 'uri' || /url/i.test(name)) return 'https://alpha.test/calendar.ics';
    if (/timezone/i.test(name)) return 'UTC';
    return 'probe'.padEnd(schema.minLength ?? 0, 'x');
  }

  function jsonSchemaOf(schema: unknown): JsonSchema | undefined {
    if (!schema || typeof schema !== 'object') return undefined;
    try {
      return z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    } catch {
      return undefined;
    }
  }

  it('every route is either walked (under /api/v1) or exempt for a stated reason', () => {
    const unclassified = routes.filter(
      (route) =>
        !route.url.startsWith('/api/v1/') &&
        !EXEMPT.some((e) => (e.method === '*' || e.method === route.method) && e.url.test(route.url)),
    );
    expect(unclassified.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('answers 403/404 to A for B’s resources on every /api/v1 route, with a cookie and with a token, and changes nothing of B’s', async () => {
    const b = await createOrganizationB();
    const before = await b.snapshot();

    const a = await signUpWithCookie(app, { email: 'alpha.admin@alpha.test', organizationName: 'Alpha Org' });
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: a.headers,
      payload: { name: 'walk' },
    });
    expect(created.statusCode).toBe(201);
    const credentials = {
      cookie: { cookie: a.cookie, origin: TEST_ORIGIN },
      bearer: { authorization: `Bearer ${created.json().secret}` },
    };

    const walked = routes.filter((route) => route.url.startsWith('/api/v1/') && route.method !== 'HEAD');
    const problems: string[] = [];
    let probes = 0;

    for (const route of walked) {
      const segments = route.url.split('/');
      // The path names one of B's rows: only 403 or 404 will do.
      let pathReferencesB = false;
      let unknownParam: string | undefined;
      const url = segments
        .map((segment, index) => {
          if (!segment.startsWith(':')) return segment;
          const id = idOfKind(b, segment.slice(1), segments[index - 1]);
          if (!id) unknownParam = segment;
          else if (b.strings.includes(id)) pathReferencesB = true;
          return encodeURIComponent(id ?? 'unknown');
        })
        .join('/');
      if (unknownParam) {
        problems.push(`${route.method} ${route.url}: no B resource for ${unknownParam}; add it to idOfKind`);
        continue;
      }

      const schema = (route.schema ?? {}) as { body?: unknown; querystring?: unknown };
      const bodySchema = jsonSchemaOf(schema.body);
      const querySchema = jsonSchemaOf(schema.querystring);
      const payload = bodySchema ? sample(bodySchema, b) : undefined;
      const query = querySchema ? (sample(querySchema, b) as Record<string, unknown>) : undefined;
      const requestText = JSON.stringify({ payload, query });
      // B's ids in the body or query: refused (403/404), or ignored (a filter that finds nothing of A's);
      // never followed, which the leak check and the row checks after the walk prove.
      const payloadReferencesB = b.strings.some((value) => requestText.includes(value));
      const search = query
        ? new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)])).toString()
        : '';

      for (const [mode, headers] of Object.entries(credentials)) {
        probes++;
        const response = await app.inject({
          method: route.method as 'GET',
          url: search ? `${url}?${search}` : url,
          headers,
          ...(payload !== undefined && route.method !== 'GET' ? { payload: payload as object } : {}),
        });
        const where = `${route.method} ${route.url} (${mode}) -> ${response.statusCode}`;
        const leaked = b.strings.filter((value) => response.body.includes(value));
        if (leaked.length > 0) problems.push(`${where}: the response contains B's ${leaked.join(', ')}`);
        const invalid = response.statusCode === 400 && response.body.includes('validation_failed');
        if ((pathReferencesB || payloadReferencesB) && invalid) {
          problems.push(
            `${where}: refused as invalid before reaching B's resource (${response.body}); make sample() produce a valid request`,
          );
        } else if (pathReferencesB && response.statusCode !== 403 && response.statusCode !== 404) {
          problems.push(`${where}: expected 403 or 404 for B's resource`);
        } else if (response.statusCode >= 500) {
          problems.push(`${where}: server error ${response.body}`);
        }
      }
    }

    expect(problems).toEqual([]);
    // The walk really walked: every route of this module set at least, twice each.
    expect(walked.length).toBeGreaterThanOrEqual(20);
    expect(probes).toBe(walked.length * 2);
    // Nothing of B's changed...
    expect(await b.snapshot()).toBe(before);
    // ...and nothing of A's now points at B's rows (a rule of A's on B's team, an entry on B's member).
    const aRows = JSON.stringify(
      await Promise.all(
        [...TENANT_MODELS].map((model) => {
          const delegate = (
            app.db as unknown as Record<string, { findMany(args: object): Promise<unknown[]> }>
          )[model.charAt(0).toLowerCase() + model.slice(1)];
          return delegate?.findMany({ where: { organizationId: a.orgId ?? '' } }) ?? [];
        }),
      ),
    );
    expect(b.strings.filter((value) => aRows.includes(value))).toEqual([]);
  });
});
