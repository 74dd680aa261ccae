import { isDatabaseUnavailable } from './database-errors.ts';

/**
 * postgres.js 3.4.9 (the driver of the hot paths) has two known defects that fire when a database
 * connection drops mid-flight (a restart, a failover, a cut network), both outside any promise the
 * app could catch:
 * - a small write queued with setImmediate runs after the connection closed and throws
 *   `TypeError: Cannot read properties of null (reading 'write')` (porsager/postgres#1154, #1208);
 * - the array-type lookup a new connection makes rejects with nobody listening.
 * By then postgres.js has already failed the affected queries (CONNECTION_CLOSED, which the error
 * handler answers with 503) and reconnects by itself, so only the process would be lost. These guards
 * keep the server up for exactly those two and leave every other uncaught error fatal, as Node's
 * default is. Remove them once a postgres.js release guards nextWrite.
 */

interface GuardLog {
  warn(message: string): void;
  error(message: string): void;
}

const describe = (error: unknown) =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

/** The nextWrite defect: a TypeError about `write` thrown from postgres.js's connection code. */
export function isPostgresJsClosedSocketWrite(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /reading 'write'|evaluating 'socket\.write'/.test(error.message) &&
    /postgres[\\/](?:cjs[\\/])?src[\\/]connection\.js/.test(error.stack ?? '')
  );
}

/** A postgres.js query (it carries `query`) that failed because the connection went away. */
export function isOrphanedPostgresJsConnectionError(reason: unknown): boolean {
  return (
    typeof reason === 'object' &&
    reason !== null &&
    typeof (reason as { query?: unknown }).query === 'string' &&
    isDatabaseUnavailable(reason)
  );
}

let installed = false;

/** For long-running processes (the server): installs both guards once. */
export function installProcessGuards(log: GuardLog): void {
  if (installed) return;
  installed = true;
  process.on('uncaughtException', (error) => {
    if (isPostgresJsClosedSocketWrite(error)) {
      log.warn(`Ignored a write on a closed database connection (postgres.js defect): ${describe(error)}`);
      return;
    }
    log.error(`Uncaught exception, exiting: ${describe(error)}`);
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    if (isOrphanedPostgresJsConnectionError(reason)) {
      log.warn(`Ignored a database connection error nobody awaited (postgres.js): ${describe(reason)}`);
      return;
    }
    log.error(`Unhandled rejection, exiting: ${describe(reason)}`);
    process.exit(1);
  });
}
