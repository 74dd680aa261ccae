import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../server/src/db/embedded-postgres.ts';
import { applyMigrations } from '../../server/src/db/migrations.ts';

export interface ScratchDatabase {
  /** The migrated scratch database. */
  url: string;
  /** The server's maintenance database (for CREATE/DROP DATABASE). */
  adminUrl: string;
  /** Host and port of the server, for a TCP proxy in front of it. */
  host: string;
  port: number;
  drop(): Promise<void>;
}

async function admin(adminUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A migrated database of its own for a benchmark or soak run: on DATABASE_URL's server when set,
 * otherwise on a throwaway embedded PostgreSQL. `drop()` removes it (and stops the embedded server).
 */
export async function scratchDatabase(label: string): Promise<ScratchDatabase> {
  const external = process.env.DATABASE_URL;
  const name = `tiltmeter_${label}_${randomBytes(4).toString('hex')}`;
  let adminUrl: string;
  let stop = async () => {};
  if (external) {
    adminUrl = external;
  } else {
    const parent = mkdtempSync(path.join(tmpdir(), `tiltmeter-${label}-`));
    // As root, PostgreSQL runs as its own user and must be able to enter the folder.
    chmodSync(parent, 0o755);
    const server = await startEmbeddedPostgres({
      dataDir: path.join(parent, 'postgres'),
      port: 20_000 + Math.floor(Math.random() * 20_000),
      database: 'postgres',
      persistent: false,
    });
    adminUrl = server.adminUrl;
    stop = async () => {
      await server.stop();
      // The server removes its data folder (not persistent); the folder made for it goes too.
      rmSync(parent, { recursive: true, force: true });
    };
  }
  await admin(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    await applyMigrations(url.toString());
  } catch (error) {
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await stop();
    throw error;
  }
  return {
    url: url.toString(),
    adminUrl,
    host: url.hostname,
    port: Number(url.port || 5432),
    drop: async () => {
      await admin(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await stop();
    },
  };
}
