import { PrismaPg } from '@prisma/adapter-pg';
import fp from 'fastify-plugin';
import postgres from 'postgres';
import { PrismaClient } from '../generated/prisma/client.ts';

export type Db = PrismaClient;
export type Sql = postgres.Sql;

declare module 'fastify' {
  interface FastifyInstance {
    /** Prisma: the domain's typed queries and transactions. */
    db: Db;
    /** postgres.js: the hot paths (COPY ingest, set-based fact rebuilds, heavy aggregate reads). */
    sql: Sql;
  }
}

export interface DatabasePluginOptions {
  databaseUrl: string;
}

// A dead database must surface as an error within seconds, not hang a request (or the health check).
const CONNECT_TIMEOUT_MS = 5_000;

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  return new PrismaClient({ adapter });
}

export function createSqlClient(databaseUrl: string): Sql {
  return postgres(databaseUrl, {
    max: 10,
    connect_timeout: CONNECT_TIMEOUT_MS / 1000,
    onnotice: () => {},
  });
}

/** Owns both database clients' lifetimes: created with the app, closed with it. */
export default fp<DatabasePluginOptions>(
  async (app, options) => {
    const db = createPrismaClient(options.databaseUrl);
    const sql = createSqlClient(options.databaseUrl);
    app.decorate('db', db);
    app.decorate('sql', sql);
    app.addHook('onClose', async () => {
      await Promise.all([db.$disconnect(), sql.end({ timeout: 5 })]);
    });
  },
  { name: 'database' },
);
