/**
 * Errors that mean "the database is not reachable right now" (a restart, a failover, a cut network):
 * Node's socket errors, postgres.js connection errors, PostgreSQL's connection and shutdown SQLSTATEs,
 * and Prisma's connection codes, anywhere in the cause chain.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'P1001',
  'P1002',
  'P1017',
  'P2024',
]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection (?:is )?(?:closed|lost|ended|refused|reset)|Can't reach database server|server has closed the connection|connect ECONNREFUSED|read ECONNRESET|write EPIPE|timeout exceeded when trying to connect/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || /^(08|57P0)/.test(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    current = cause;
  }
  return false;
}

/** SQLSTATEs of text PostgreSQL cannot store: NUL in text (22021) or in jsonb (22P05). */
const UNSTORABLE_TEXT_CODES = new Set(['22021', '22P05']);

/**
 * A request whose text the database refused (a NUL character, a lone surrogate): the client's data,
 * not a defect. Seen as postgres.js's `code` or inside Prisma's driver-adapter error.
 */
export function isUnstorableText(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, meta } = error as {
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { code?: unknown } } };
  };
  if (typeof code === 'string' && UNSTORABLE_TEXT_CODES.has(code)) return true;
  const adapterCode = meta?.driverAdapterError?.cause?.code;
  return typeof adapterCode === 'string' && UNSTORABLE_TEXT_CODES.has(adapterCode);
}
