import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.ts';
import { embeddedDatabaseUrl, startEmbeddedPostgres } from './embedded-postgres.ts';
import { applyMigrations } from './migrations.ts';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  /** Stops the embedded server, if one was started; an external server is left alone. */
  close(): Promise<void>;
}

export const EMBEDDED_DATABASE_NAME = 'tiltmeter';

/**
 * Brings up the database the configuration names: DATABASE_URL when set, otherwise an embedded
 * PostgreSQL whose data lives in the data folder. Optionally applies pending migrations.
 */
export async function openDatabase(
  config: Config,
  options: { migrate: boolean; log?: (message: string) => void },
): Promise<DatabaseHandle> {
  const log = options.log ?? (() => {});
  let handle: DatabaseHandle;
  if (config.databaseUrl) {
    handle = { url: config.databaseUrl, embedded: false, close: async () => {} };
  } else if (await isReachable(embeddedDatabaseUrl(config.embeddedPostgresPort, EMBEDDED_DATABASE_NAME))) {
    // Already running (`npm start` in another terminal while the CLI runs): share it, leave it running.
    log(`Using the embedded PostgreSQL already running on port ${config.embeddedPostgresPort}`);
    const url = embeddedDatabaseUrl(config.embeddedPostgresPort, EMBEDDED_DATABASE_NAME);
    handle = { url, embedded: true, close: async () => {} };
  } else {
    const dataDir = path.join(config.dataDir, 'postgres');
    log(`Starting the embedded PostgreSQL (data in ${dataDir}, port ${config.embeddedPostgresPort})`);
    const server = await startEmbeddedPostgres({
      dataDir,
      port: config.embeddedPostgresPort,
      database: EMBEDDED_DATABASE_NAME,
    });
    handle = { url: server.url, embedded: true, close: () => server.stop() };
  }
  if (options.migrate) {
    try {
      log('Applying pending migrations');
      await applyMigrations(handle.url);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
