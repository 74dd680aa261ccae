import { randomUUID } from 'node:crypto';

/**
 * A UUID v7 (time-ordered, RFC 9562), the same kind Prisma's `uuid(7)` default makes, for rows the
 * raw-SQL paths insert themselves. Time order keeps B-tree inserts at the right edge of the index.
 *
 * The random part comes from a v4 UUID: `randomUUID` draws from a cached pool of entropy, where
 * `randomBytes(16)` per id cost a system call each (bulk imports make thousands of ids at once).
 * The v4's variant nibble is the v7's too; its version nibble is replaced by the 7.
 */
export function uuidv7(now: number = Date.now()): string {
  const random = randomUUID();
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}
