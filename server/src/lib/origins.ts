import type { FastifyRequest } from 'fastify';

/**
 * Which browser origins may make cookie-authenticated changes: the app's public address, the origins
 * listed in CORS_ORIGINS, and the address the request itself was sent to (same-origin by definition:
 * the dashboard opened at http://127.0.0.1:3000 instead of http://localhost:3000 still works). A page
 * on another site sends its own origin and is refused. One rule for /api/auth and /api/v1.
 */
export function createOriginPolicy(publicUrl: string, corsOrigins: readonly string[]) {
  const staticOrigins = [new URL(publicUrl).origin, ...corsOrigins.map(originOf).filter(isString)];

  function ownOrigin(request: FastifyRequest): string | undefined {
    return originOf(`${request.protocol}://${request.host}`);
  }

  return {
    /** For better-auth's `trustedOrigins`, and for logs. */
    trustedOrigins(request?: FastifyRequest): string[] {
      const own = request ? ownOrigin(request) : undefined;
      return own ? [...staticOrigins, own] : [...staticOrigins];
    },
    /** The request's `Origin` (or, without one, its `Referer`'s origin) is one of the trusted origins. */
    isSameSiteRequest(request: FastifyRequest): boolean {
      const header = request.headers.origin ?? request.headers.referer;
      const origin = header && header !== 'null' ? originOf(header) : undefined;
      if (!origin) return false;
      return this.trustedOrigins(request).includes(origin);
    },
  };
}

export type OriginPolicy = ReturnType<typeof createOriginPolicy>;

function originOf(value: string): string | undefined {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

function isString(value: string | undefined): value is string {
  return typeof value === 'string';
}
