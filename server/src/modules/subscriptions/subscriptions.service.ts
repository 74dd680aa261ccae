import type { CreateSubscriptionBody, Subscription } from '@tiltmeter/shared';
import { AppError, notFound } from '../../lib/errors.ts';
import { scopedDb, type TenantDb } from '../../lib/tenant-db.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import type { Db, Sql } from '../../plugins/database.ts';
import { loadWriteContext, syncCalendar } from '../entries/entry-writer.ts';
import { IcsParseError, parseIcs } from '../imports/ics-parse.ts';
import {
  defaultImportWindow,
  MAX_IMPORT_BYTES,
  MAX_OCCURRENCES_PER_SERIES,
} from '../imports/imports.service.ts';

const MINUTE_MS = 60_000;
/** A healthy subscription is refreshed hourly; calendar providers publish changes with similar delay. */
export const REFRESH_INTERVAL_MS = 60 * MINUTE_MS;
/** After failures: 15 min, 30, 1 h, 2 h ... at most a day. */
const BACKOFF_BASE_MS = 15 * MINUTE_MS;
const BACKOFF_MAX_MS = 24 * 60 * MINUTE_MS;
const FETCH_TIMEOUT_MS = 20_000;
/** How many due subscriptions one scheduled run refreshes. */
const REFRESH_BATCH = 25;

type SubscriptionRow = Awaited<ReturnType<Db['calendarSubscription']['findFirstOrThrow']>>;

export function toSubscriptionDto(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    url: row.url,
    name: row.name,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
    lastError: row.lastError,
    consecutiveFailures: row.consecutiveFailures,
    nextRefreshAt: row.nextRefreshAt.toISOString(),
    lastCounts: (row.lastCounts as Subscription['lastCounts']) ?? null,
  };
}

/** webcal:// is https:// for calendar apps; plain http:// only where the operator allows it. */
export function fetchableUrl(url: string, allowHttp: boolean): URL {
  const normalized = url.replace(/^webcals?:\/\//i, 'https://');
  const parsed = new URL(normalized);
  if (parsed.protocol !== 'https:' && !(allowHttp && parsed.protocol === 'http:')) {
    throw new AppError('validation_failed', 'Invalid body.url: must be an https:// or webcal:// address', [
      { path: ['body', 'url'], message: 'must be an https:// or webcal:// address' },
    ]);
  }
  return parsed;
}

export async function listSubscriptions(db: TenantDb, auth: AuthContext): Promise<Subscription[]> {
  const rows = await db.calendarSubscription.findMany({
    where: { memberId: auth.memberId },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map(toSubscriptionDto);
}

export async function createSubscription(
  db: TenantDb,
  auth: AuthContext,
  body: CreateSubscriptionBody,
  allowHttp: boolean,
): Promise<SubscriptionRow> {
  const url = fetchableUrl(body.url, allowHttp);
  return db.calendarSubscription.create({
    data: {
      organizationId: auth.orgId,
      memberId: auth.memberId,
      url: url.toString(),
      name: body.name ?? url.hostname,
    },
  });
}

export async function deleteSubscription(deps: { db: TenantDb; sql: Sql }, auth: AuthContext, id: string) {
  const row = await deps.db.calendarSubscription.findFirst({ where: { id, memberId: auth.memberId } });
  if (!row) throw notFound('Subscription');
  // Its entries go with it (foreign key cascade); their days' facts are rebuilt by an empty sync first.
  const context = await loadWriteContext(deps.db, auth.memberId);
  await syncCalendar(
    deps.sql,
    { organizationId: auth.orgId, memberId: auth.memberId },
    context,
    {
      source: 'ics_url',
      calendar: subscriptionCalendar(row.id),
      removeMissing: true,
      subscriptionId: row.id,
    },
    [],
  );
  await deps.db.calendarSubscription.delete({ where: { id: row.id } });
}

export const subscriptionCalendar = (id: string) => `subscription:${id}`;

async function fetchCalendar(row: SubscriptionRow, allowHttp: boolean) {
  const headers: Record<string, string> = {
    accept: 'text/calendar, */*;q=0.5',
    'user-agent': 'Tiltmeter calendar sync',
  };
  if (row.etag) headers['if-none-match'] = row.etag;
  if (row.lastModified) headers['if-modified-since'] = row.lastModified;
  const response = await fetch(fetchableUrl(row.url, allowHttp), {
    headers,
    redirect: 'follow',
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  if (response.status === 304) return { unchanged: true as const };
  if (!response.ok)
    throw new Error(`The calendar server answered ${response.status} ${response.statusText}`.trim());
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_IMPORT_BYTES) throw new Error('The calendar is larger than 50 MB');
  const text = await response.text();
  if (text.length > MAX_IMPORT_BYTES) throw new Error('The calendar is larger than 50 MB');
  return {
    unchanged: false as const,
    text,
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
  };
}

/**
 * Fetches one subscription (conditionally: ETag / Last-Modified) and brings its calendar's entries in
 * line with it. Failures are recorded on the subscription and push the next attempt back; they never
 * touch the entries already imported.
 */
export async function refreshSubscription(
  deps: { db: Db; sql: Sql },
  subscriptionId: string,
  options: { allowHttp: boolean; now?: Date },
): Promise<SubscriptionRow> {
  const now = options.now ?? new Date();
  const row = await deps.db.calendarSubscription.findUniqueOrThrow({ where: { id: subscriptionId } });
  const tenantDb = scopedDb(deps.db, row.organizationId);
  try {
    const fetched = await fetchCalendar(row, options.allowHttp);
    let counts = row.lastCounts;
    if (!fetched.unchanged) {
      const member = await tenantDb.member.findUniqueOrThrow({
        where: { id: row.memberId },
        select: {
          user: { select: { email: true } },
          settings: { select: { calendarEmails: true, timeZone: true } },
        },
      });
      const window = defaultImportWindow(now);
      const parsed = parseIcs(fetched.text, {
        memberEmails: [member.user.email, ...(member.settings?.calendarEmails ?? [])],
        memberTimeZone: member.settings?.timeZone ?? 'UTC',
        window,
        maxOccurrencesPerSeries: MAX_OCCURRENCES_PER_SERIES,
      });
      const context = await loadWriteContext(tenantDb, row.memberId);
      const result = await syncCalendar(
        deps.sql,
        { organizationId: row.organizationId, memberId: row.memberId },
        context,
        {
          source: 'ics_url',
          calendar: subscriptionCalendar(row.id),
          removeMissing: true,
          removeWithin: window,
          subscriptionId: row.id,
        },
        parsed.entries,
      );
      counts = {
        created: result.created,
        updated: result.updated,
        removed: result.removed,
        skipped: parsed.skipped.length,
      };
    }
    return await deps.db.calendarSubscription.update({
      where: { id: row.id },
      data: {
        lastAttemptAt: now,
        lastSuccessAt: now,
        lastError: null,
        consecutiveFailures: 0,
        nextRefreshAt: new Date(now.getTime() + REFRESH_INTERVAL_MS),
        ...(fetched.unchanged
          ? {}
          : { etag: fetched.etag, lastModified: fetched.lastModified, lastCounts: counts ?? undefined }),
      },
    });
  } catch (error) {
    const failures = row.consecutiveFailures + 1;
    const message =
      error instanceof IcsParseError
        ? `The calendar could not be read${error.line ? ` (line ${error.line})` : ''}: ${error.message}`
        : error instanceof Error && error.name === 'TimeoutError'
          ? 'The calendar server did not answer within 20 seconds'
          : error instanceof Error
            ? error.message
            : String(error);
    return deps.db.calendarSubscription.update({
      where: { id: row.id },
      data: {
        lastAttemptAt: now,
        lastError: message,
        consecutiveFailures: failures,
        nextRefreshAt: new Date(
          now.getTime() + Math.min(BACKOFF_BASE_MS * 2 ** (failures - 1), BACKOFF_MAX_MS),
        ),
      },
    });
  }
}

/** The scheduled task: refresh every subscription that is due, oldest first. */
export async function refreshDueSubscriptions(
  deps: { db: Db; sql: Sql },
  options: { allowHttp: boolean; now?: Date },
): Promise<number> {
  const now = options.now ?? new Date();
  const due = await deps.db.calendarSubscription.findMany({
    where: { nextRefreshAt: { lte: now } },
    orderBy: { nextRefreshAt: 'asc' },
    take: REFRESH_BATCH,
    select: { id: true },
  });
  for (const { id } of due) await refreshSubscription(deps, id, { ...options, now });
  return due.length;
}
