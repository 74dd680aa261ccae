import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Category, EntryFacts, EntrySource, ManagerSubtype } from '@tiltmeter/shared';
import type postgres from 'postgres';

/**
 * The entries table seen from the hot write path (postgres.js). Every statement takes the
 * organization id from the caller's AuthContext and filters or stamps it explicitly.
 */
export type Tx = postgres.TransactionSql;

/** One entries row, as the write path holds it in memory. */
export interface EntryRow extends EntryFacts {
  id: string;
  organizationId: string;
  memberId: string;
  source: EntrySource;
  calendar: string;
  externalUid: string | null;
  importBatchId: string | null;
  subscriptionId: string | null;
  editedByMember: boolean;
  category: Category;
  subtype: ManagerSubtype | null;
  reason: string;
  ruleId: string | null;
  overrideCategory: Category | null;
  overrideSubtype: ManagerSubtype | null;
  overridden: boolean;
}

/** Column order for COPY and SELECT: each EntryRow field, its column and the column's SQL type. */
const COLUMNS: [keyof EntryRow, string, string][] = [
  ['id', 'id', 'text'],
  ['organizationId', 'organization_id', 'text'],
  ['memberId', 'member_id', 'text'],
  ['title', 'title', 'text'],
  ['start', 'start_at', 'timestamptz'],
  ['end', 'end_at', 'timestamptz'],
  ['timeZone', 'time_zone', 'text'],
  ['allDay', 'all_day', 'boolean'],
  ['attendees', 'attendees', 'integer'],
  ['organizer', 'organizer', 'boolean'],
  ['rsvp', 'rsvp', '"Rsvp"'],
  ['showAs', 'show_as', '"ShowAs"'],
  ['status', 'status', '"EntryStatus"'],
  ['source', 'source', '"EntrySource"'],
  ['calendar', 'calendar', 'text'],
  ['externalUid', 'external_uid', 'text'],
  ['seriesId', 'series_id', 'text'],
  ['importBatchId', 'import_batch_id', 'text'],
  ['subscriptionId', 'subscription_id', 'text'],
  ['editedByMember', 'edited_by_member', 'boolean'],
  ['category', 'category', '"Category"'],
  ['subtype', 'subtype', '"ManagerSubtype"'],
  ['reason', 'reason', 'text'],
  ['ruleId', 'rule_id', 'text'],
  ['overrideCategory', 'override_category', '"Category"'],
  ['overrideSubtype', 'override_subtype', '"ManagerSubtype"'],
  ['overridden', 'overridden', 'boolean'],
];

const SELECT_LIST = COLUMNS.map(([field, column]) => `${column} AS "${field}"`).join(', ');
const COLUMN_LIST = COLUMNS.map(([, column]) => column).join(', ');
/**
 * The staging table is all text with no constraints, so COPY itself cannot fail on a value (a failing
 * COPY stalls the postgres.js stream instead of rejecting); casts and constraints are checked by the
 * INSERT that follows, whose errors surface normally and roll the whole batch back.
 */
const STAGING_COLUMNS = COLUMNS.map(([, column]) => `${column} text`).join(', ');
const CAST_LIST = COLUMNS.map(([, column, type]) => (type === 'text' ? column : `${column}::${type}`)).join(
  ', ',
);
const UPDATE_LIST = COLUMNS.filter(([field]) => field !== 'id')
  .map(([, column]) => `${column} = excluded.${column}`)
  .join(', ');

/**
 * Serialises the writes of one member: imports, edits and fact rebuilds of the same member never
 * interleave, so a reader never sees facts computed from a mix of two writes.
 */
export async function lockMemberForWrite(tx: Tx, memberId: string): Promise<void> {
  await tx`SELECT pg_advisory_xact_lock(hashtextextended(${`member-write:${memberId}`}, 0))`;
}

export async function selectEntries(
  tx: Tx,
  scope: { organizationId: string; memberId: string },
  filter: { calendar?: string; ids?: string[]; seriesId?: string },
): Promise<EntryRow[]> {
  return tx.unsafe<EntryRow[]>(
    `SELECT ${SELECT_LIST} FROM entries
      WHERE organization_id = $1 AND member_id = $2
        AND ($3::text IS NULL OR calendar = $3)
        AND ($4::text[] IS NULL OR id = ANY($4))
        AND ($5::text IS NULL OR series_id = $5)`,
    [
      scope.organizationId,
      scope.memberId,
      filter.calendar ?? null,
      filter.ids ?? null,
      filter.seriesId ?? null,
    ] as never[],
  );
}

/** The classified time of a member between two instants: what day facts are computed from. */
export async function selectCountedEntriesBetween(
  tx: Tx | postgres.Sql,
  scope: { organizationId: string; memberId: string },
  from: Date,
  to: Date,
) {
  return tx<
    {
      id: string;
      start: Date;
      end: Date;
      seriesId: string | null;
      category: Category;
      subtype: ManagerSubtype | null;
    }[]
  >`
    SELECT id, start_at AS start, end_at AS "end", series_id AS "seriesId", category, subtype
      FROM entries
     WHERE organization_id = ${scope.organizationId} AND member_id = ${scope.memberId}
       AND start_at < ${to} AND end_at > ${from}
       AND category IN ('maker', 'manager', 'neutral')`;
}

const COPY_CHUNK_CHARS = 256 * 1024;

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  // PostgreSQL text cannot hold NUL, which only ever arrives from broken files: drop it. Then COPY's
  // text format: backslash escapes for the characters that delimit rows and columns.
  return String(value)
    .replaceAll('\0', '')
    .replace(/[\\\t\n\r]/g, (char) =>
      char === '\\' ? '\\\\' : char === '\t' ? '\\t' : char === '\n' ? '\\n' : '\\r',
    );
}

/**
 * Writes rows (new or changed) in one statement after streaming them into a staging table with COPY:
 * the fastest way PostgreSQL takes many rows, and one upsert keeps the batch atomic.
 */
export async function upsertEntries(tx: Tx, rows: readonly EntryRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.unsafe(`CREATE TEMP TABLE IF NOT EXISTS entry_staging (${STAGING_COLUMNS}) ON COMMIT DROP`);
  await tx`TRUNCATE entry_staging`;
  // Rows go out in chunks of about 256 KB: one stream write per row would make COPY wait on the
  // stream machinery (and on whatever else the event loop is doing) thousands of times per batch.
  const chunks = (function* () {
    let chunk = '';
    for (const row of rows) {
      chunk += `${COLUMNS.map(([field]) => copyValue(row[field])).join('\t')}\n`;
      if (chunk.length >= COPY_CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  })();
  const writable = await tx.unsafe(`COPY entry_staging (${COLUMN_LIST}) FROM STDIN`).writable();
  await pipeline(Readable.from(chunks), writable);
  await tx.unsafe(
    `INSERT INTO entries (${COLUMN_LIST}, updated_at)
     SELECT ${CAST_LIST}, now() FROM entry_staging
     ON CONFLICT (id) DO UPDATE SET ${UPDATE_LIST}, updated_at = now()
       WHERE entries.organization_id = excluded.organization_id AND entries.member_id = excluded.member_id`,
  );
}

export async function deleteEntries(
  tx: Tx,
  scope: { organizationId: string; memberId: string },
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await tx`DELETE FROM entries WHERE organization_id = ${scope.organizationId} AND member_id = ${scope.memberId} AND id = ANY(${ids as string[]})`;
}
