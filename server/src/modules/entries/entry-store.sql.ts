import type { Category, EntryFacts, EntrySource, ManagerSubtype } from '@tiltmeter/shared';
import type postgres from 'postgres';
import { storableText } from '../../lib/text.ts';

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
 * The rows arrive as one JSON array of objects keyed c0, c1, ... in COLUMNS order (short keys: the
 * keys would otherwise be half the text to build, send and parse); json_to_recordset reads each with
 * its column's own type, and a key left out (a null) reads as null.
 */
const RECORD_TYPES = COLUMNS.map(([, , type], index) => `c${index} ${type}`).join(', ');
const RECORD_KEYS = COLUMNS.map((_, index) => `c${index}`);
const FROM_ROWS = `SELECT ${RECORD_KEYS.join(', ')}, now() FROM json_to_recordset($1::text::json) AS r(${RECORD_TYPES})`;
const UPDATE_LIST = COLUMNS.filter(([field]) => field !== 'id')
  .map(([, column]) => `${column} = excluded.${column}`)
  .join(', ');
/** New rows only: their ids were just made, so there is no conflict to look for. */
const INSERT = `INSERT INTO entries (${COLUMN_LIST}, updated_at) ${FROM_ROWS}`;
const UPSERT = `INSERT INTO entries (${COLUMN_LIST}, updated_at) ${FROM_ROWS}
  ON CONFLICT (id) DO UPDATE SET ${UPDATE_LIST}, updated_at = now()
    WHERE entries.organization_id = excluded.organization_id AND entries.member_id = excluded.member_id`;

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
  filter: { calendar?: string; ids?: string[]; seriesId?: string; externalUids?: string[] },
): Promise<EntryRow[]> {
  return tx.unsafe<EntryRow[]>(
    `SELECT ${SELECT_LIST} FROM entries
      WHERE organization_id = $1 AND member_id = $2
        AND ($3::text IS NULL OR calendar = $3)
        AND ($4::text[] IS NULL OR id = ANY($4))
        AND ($5::text IS NULL OR series_id = $5)
        AND ($6::text[] IS NULL OR external_uid = ANY($6))`,
    [
      scope.organizationId,
      scope.memberId,
      filter.calendar ?? null,
      filter.ids ?? null,
      filter.seriesId ?? null,
      filter.externalUids ?? null,
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

/**
 * A batch of rows as the JSON text FROM_ROWS reads. Plain objects handed to one JSON.stringify: V8's
 * fast path for them beat building the text by hand (about 150 against 250 ms for 17,000 rows).
 */
function rowsJson(rows: readonly EntryRow[]): string {
  const records = new Array<Record<string, unknown>>(rows.length);
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as EntryRow;
    const record: Record<string, unknown> = {};
    for (let column = 0; column < COLUMNS.length; column++) {
      const value = row[(COLUMNS[column] as (typeof COLUMNS)[number])[0]];
      if (value === null || value === undefined) continue;
      record[RECORD_KEYS[column] as string] = typeof value === 'string' ? storableText(value) : value;
    }
    records[index] = record;
  }
  return JSON.stringify(records);
}

/**
 * Writes rows (new or changed) in one statement per chunk: the batch travels as one JSON parameter,
 * so it is one round trip, one parse and one upsert, atomic with the rest of the transaction. (It
 * replaced COPY into a staging table: postgres.js's COPY stream could stall on a failing COPY, and
 * throw outside any promise when the connection dropped mid-stream, taking the process down with it.)
 */
export async function upsertEntries(tx: Tx, rows: readonly EntryRow[]): Promise<void> {
  await writeInChunks(tx, UPSERT, rows);
}

/**
 * Writes rows that are new to the database (ids made by this write): a plain insert, without the
 * upsert's conflict check on every row. A clash is still an error (the primary key holds).
 */
export async function insertNewEntries(tx: Tx, rows: readonly EntryRow[]): Promise<void> {
  await writeInChunks(tx, INSERT, rows);
}

async function writeInChunks(tx: Tx, statement: string, rows: readonly EntryRow[]) {
  for (let index = 0; index < rows.length; index += WRITE_CHUNK) {
    await tx.unsafe(statement, [rowsJson(rows.slice(index, index + WRITE_CHUNK))]);
  }
}

/**
 * Rows per statement: a bound on the JSON text each one builds and sends, which the process holds
 * twice (as a string and encoded) while the statement runs, at the busiest moment of a large import.
 * A few statements more per import cost a round trip each.
 */
const WRITE_CHUNK = 5_000;

export async function deleteEntries(
  tx: Tx,
  scope: { organizationId: string; memberId: string },
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await tx`DELETE FROM entries WHERE organization_id = ${scope.organizationId} AND member_id = ${scope.memberId} AND id = ANY(${ids as string[]})`;
}
