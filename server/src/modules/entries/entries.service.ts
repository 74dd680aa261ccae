import {
  type BulkEntriesBody,
  type BulkEntriesResponse,
  type Category,
  type CreateEntryBody,
  type Entry,
  type ListEntriesQuery,
  MAX_ENTRY_DAYS,
  type ManagerSubtype,
  type RuleOutcome,
  type UpdateEntryBody,
} from '@tiltmeter/shared';
import { AppError, notFound } from '../../lib/errors.ts';
import type { TenantDb } from '../../lib/tenant-db.ts';
import { uuidv7 } from '../../lib/uuid.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import type { Sql } from '../../plugins/database.ts';
import { deleteEntries, type EntryRow, selectEntries, upsertEntries } from './entry-store.sql.ts';
import {
  classifyRow,
  datesOf,
  type IncomingEntry,
  loadWriteContext,
  newRow,
  syncCalendar,
  writeForMember,
} from './entry-writer.ts';

export interface EntryDeps {
  db: TenantDb;
  sql: Sql;
}

/** Bulk API entries form one calendar of their own, so re-sent batches match by the caller's ids. */
export const API_CALENDAR = 'api';
export const MANUAL_CALENDAR = 'manual';

const scopeOf = (auth: AuthContext) => ({ organizationId: auth.orgId, memberId: auth.memberId });

type EntryLike = Pick<
  EntryRow,
  | 'id'
  | 'title'
  | 'start'
  | 'end'
  | 'timeZone'
  | 'allDay'
  | 'attendees'
  | 'organizer'
  | 'rsvp'
  | 'showAs'
  | 'status'
  | 'source'
  | 'calendar'
  | 'externalUid'
  | 'seriesId'
  | 'category'
  | 'subtype'
  | 'reason'
  | 'overridden'
  | 'editedByMember'
>;

export function toEntryDto(row: EntryLike): Entry {
  return {
    id: row.id,
    title: row.title,
    start: row.start.toISOString(),
    end: row.end.toISOString(),
    timeZone: row.timeZone,
    allDay: row.allDay,
    attendees: row.attendees,
    organizer: row.organizer,
    rsvp: row.rsvp,
    showAs: row.showAs,
    status: row.status,
    source: row.source,
    calendar: row.calendar,
    externalUid: row.externalUid,
    seriesId: row.seriesId,
    category: row.category,
    subtype: row.subtype,
    reason: row.reason,
    overridden: row.overridden,
    editedByMember: row.editedByMember,
  };
}

/** The caller's own entries overlapping [from, to). Nobody lists another member's entries. */
export async function listEntries(
  db: TenantDb,
  auth: AuthContext,
  query: ListEntriesQuery,
): Promise<Entry[]> {
  const rows = await db.entry.findMany({
    where: { memberId: auth.memberId, start: { lt: new Date(query.to) }, end: { gt: new Date(query.from) } },
    orderBy: [{ start: 'asc' }, { id: 'asc' }],
    take: 20_000,
  });
  return rows.map((row) => toEntryDto(row as unknown as EntryLike));
}

function incomingFrom(body: CreateEntryBody & { externalUid?: string | null }): IncomingEntry {
  return {
    externalUid: body.externalUid ?? null,
    title: body.title ?? null,
    start: new Date(body.start),
    end: new Date(body.end),
    timeZone: body.timeZone,
    allDay: body.allDay ?? false,
    attendees: body.attendees ?? 0,
    organizer: body.organizer ?? true,
    rsvp: body.rsvp ?? 'accepted',
    showAs: body.showAs ?? 'busy',
    status: body.status ?? 'confirmed',
    seriesId: body.seriesId ?? null,
  };
}

export async function createEntry(deps: EntryDeps, auth: AuthContext, body: CreateEntryBody): Promise<Entry> {
  const scope = scopeOf(auth);
  const context = await loadWriteContext(deps.db, auth.memberId);
  const incoming = incomingFrom(body);
  const row = classifyRow(
    context,
    newRow(scope, 'manual', MANUAL_CALENDAR, {
      ...incoming,
      title: context.titlesDropped ? null : incoming.title,
    }),
  );
  await writeForMember(deps.sql, scope, context, async (tx) => {
    await upsertEntries(tx, [row]);
    return { result: null, touched: datesOf([row], context.metrics.timeZone) };
  });
  return toEntryDto(row);
}

/** Up to 10,000 entries in one transaction: all are written, or none. */
export async function bulkUpsertEntries(
  deps: EntryDeps,
  auth: AuthContext,
  body: BulkEntriesBody,
): Promise<BulkEntriesResponse> {
  const uids = new Map<string, number>();
  body.entries.forEach((entry, index) => {
    if (!entry.externalUid) return;
    const earlier = uids.get(entry.externalUid);
    if (earlier !== undefined) {
      throw new AppError('validation_failed', `Duplicate externalUid in entries ${earlier} and ${index}`, [
        {
          path: ['body', 'entries', index, 'externalUid'],
          message: `repeats entries[${earlier}].externalUid`,
        },
      ]);
    }
    uids.set(entry.externalUid, index);
  });
  const context = await loadWriteContext(deps.db, auth.memberId);
  const counts = await syncCalendar(
    deps.sql,
    scopeOf(auth),
    context,
    { source: 'api', calendar: API_CALENDAR, removeMissing: false },
    body.entries.map(incomingFrom),
  );
  return { created: counts.created, updated: counts.updated };
}

const FIELD_KEYS = [
  'title',
  'start',
  'end',
  'timeZone',
  'allDay',
  'attendees',
  'organizer',
  'rsvp',
  'showAs',
  'status',
  'seriesId',
] as const;

/**
 * Edits an entry's fields and/or overrides its classification. An override on `scope: 'series'`
 * reclassifies every occurrence of the series; `category: null` hands the entry (or series) back to
 * the rules.
 */
export async function updateEntry(
  deps: EntryDeps,
  auth: AuthContext,
  id: string,
  body: UpdateEntryBody,
): Promise<Entry> {
  const scope = scopeOf(auth);
  const context = await loadWriteContext(deps.db, auth.memberId);
  return writeForMember(deps.sql, scope, context, async (tx) => {
    const [before] = await selectEntries(tx, scope, { ids: [id] });
    if (!before) throw notFound('Entry');
    let after: EntryRow = { ...before };
    const fieldsChanged = FIELD_KEYS.filter((key) => body[key] !== undefined);
    for (const key of fieldsChanged) {
      const value = body[key];
      (after as unknown as Record<string, unknown>)[key] =
        key === 'start' || key === 'end' ? new Date(value as string) : value;
    }
    if (context.titlesDropped) after.title = null;
    if (after.end <= after.start) {
      throw new AppError('validation_failed', 'Invalid body.end: must be after start', [
        { path: ['body', 'end'], message: 'must be after start' },
      ]);
    }
    // The create and bulk schemas' ceiling, for an edit that moves only one end.
    if (after.end.getTime() - after.start.getTime() > MAX_ENTRY_DAYS * 86_400_000) {
      const message = `an entry may last at most ${MAX_ENTRY_DAYS} days`;
      throw new AppError('validation_failed', `Invalid body.end: ${message}`, [
        { path: ['body', 'end'], message },
      ]);
    }
    // An imported entry the member corrected keeps the correction through later re-imports.
    if (fieldsChanged.length > 0 && before.source !== 'manual') after.editedByMember = true;

    const siblings: EntryRow[] = [];
    if (body.category !== undefined) {
      const outcome: RuleOutcome | null = body.category
        ? ({ category: body.category, subtype: body.subtype ?? null } as RuleOutcome)
        : null;
      if (body.scope === 'series') {
        if (!after.seriesId) {
          throw new AppError('validation_failed', 'This entry is not part of a recurring series', [
            { path: ['body', 'scope'], message: 'the entry has no series' },
          ]);
        }
        const seriesId = after.seriesId;
        await writeSeriesOverride(tx, scope, seriesId, outcome);
        context.setSeriesOverride(seriesId, outcome);
        // The series choice is what the member now sees on this entry too.
        after = { ...after, overrideCategory: null, overrideSubtype: null };
        const series = await selectEntries(tx, scope, { seriesId });
        siblings.push(...series.filter((row) => row.id !== id).map((row) => classifyRow(context, row)));
      } else {
        after = {
          ...after,
          overrideCategory: outcome?.category ?? null,
          overrideSubtype: outcome?.subtype ?? null,
        };
      }
    }
    after = classifyRow(context, after);
    await upsertEntries(tx, [after, ...siblings]);
    return {
      result: toEntryDto(after),
      touched: datesOf([before, after, ...siblings], context.metrics.timeZone),
    };
  });
}

async function writeSeriesOverride(
  tx: Parameters<typeof upsertEntries>[0],
  scope: { organizationId: string; memberId: string },
  seriesId: string,
  outcome: RuleOutcome | null,
) {
  if (!outcome) {
    await tx`DELETE FROM series_overrides WHERE organization_id = ${scope.organizationId}
              AND member_id = ${scope.memberId} AND series_id = ${seriesId}`;
    return;
  }
  await tx`INSERT INTO series_overrides (id, organization_id, member_id, series_id, category, subtype)
           VALUES (${uuidv7()}, ${scope.organizationId}, ${scope.memberId}, ${seriesId},
                   ${outcome.category}, ${outcome.subtype ?? null})
           ON CONFLICT (organization_id, member_id, series_id)
           DO UPDATE SET category = excluded.category, subtype = excluded.subtype`;
}

export async function deleteEntry(deps: EntryDeps, auth: AuthContext, id: string): Promise<void> {
  const scope = scopeOf(auth);
  const context = await loadWriteContext(deps.db, auth.memberId);
  await writeForMember(deps.sql, scope, context, async (tx) => {
    const [before] = await selectEntries(tx, scope, { ids: [id] });
    if (!before) throw notFound('Entry');
    await deleteEntries(tx, scope, [id]);
    return { result: null, touched: datesOf([before], context.metrics.timeZone) };
  });
}

/** The caller's entries that no rule classified, most recent first. */
export async function listInbox(db: TenantDb, auth: AuthContext, limit: number) {
  const where = { memberId: auth.memberId, category: 'unclassified' as const };
  const [rows, total] = await Promise.all([
    db.entry.findMany({ where, orderBy: [{ start: 'desc' }, { id: 'asc' }], take: limit }),
    db.entry.count({ where }),
  ]);
  return { items: rows.map((row) => toEntryDto(row as unknown as EntryLike)), total };
}

/** Overrides many of the caller's entries at once; ids that are not the caller's are refused. */
export async function classifyEntries(
  deps: EntryDeps,
  auth: AuthContext,
  body: { ids: string[]; category: Category; subtype?: ManagerSubtype | null },
): Promise<{ updated: number }> {
  const scope = scopeOf(auth);
  const context = await loadWriteContext(deps.db, auth.memberId);
  return writeForMember(deps.sql, scope, context, async (tx) => {
    const rows = await selectEntries(tx, scope, { ids: body.ids });
    if (rows.length !== new Set(body.ids).size) {
      const found = new Set(rows.map((row) => row.id));
      const missing = body.ids.findIndex((id) => !found.has(id));
      throw new AppError('not_found', 'Some entries were not found', [
        { path: ['body', 'ids', missing], message: 'no such entry of yours' },
      ]);
    }
    const updated = rows.map((row) =>
      classifyRow(context, {
        ...row,
        overrideCategory: body.category,
        overrideSubtype: body.subtype ?? null,
      }),
    );
    await upsertEntries(tx, updated);
    return {
      result: { updated: updated.length },
      touched: datesOf([...rows, ...updated], context.metrics.timeZone),
    };
  });
}
