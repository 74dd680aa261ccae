import type { HealthResponse } from '@tiltmeter/shared';
import type { Db } from '../../plugins/database.ts';

const PING_TIMEOUT_MS = 2_000;

/**
 * Asks the database for `SELECT 1`. A failure or a slow answer both mean "down"; the connection
 * pool reconnects by itself, so the next check reports "ok" again once the database is back.
 */
export async function checkHealth(db: Db): Promise<HealthResponse> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database ping timed out')), PING_TIMEOUT_MS);
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { status: 'ok', database: 'ok' };
  } catch {
    return { status: 'degraded', database: 'down' };
  } finally {
    clearTimeout(timer);
  }
}
