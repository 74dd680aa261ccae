import { MEMBER_ROLES, type MemberRole } from '@tiltmeter/shared';
import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Fragment } from 'postgres';
import { AppError } from '../lib/errors.ts';
import { createMailer, type Mailer } from '../lib/mailer.ts';
import { createOriginPolicy, type OriginPolicy } from '../lib/origins.ts';
import { scopedDb, type TenantDb } from '../lib/tenant-db.ts';
import { type BetterAuth, createBetterAuth } from '../modules/auth/better-auth.ts';
import { provisionSignedUpUser } from '../modules/auth/sign-up.service.ts';
import { hashApiToken, looksLikeApiToken } from '../modules/tokens/token-secret.ts';

export { MEMBER_ROLES, type MemberRole };

/**
 * Who is calling, in which organization. Every tenant query is scoped by `orgId` from here and nowhere
 * else: services take the AuthContext as an argument and query through `request.db`.
 */
export interface AuthContext {
  userId: string;
  memberId: string;
  orgId: string;
  role: MemberRole;
  via: 'session' | 'token';
}

/** The signed-in user, whether or not they belong to an organization yet. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  emailVerified: boolean;
  createdAt: Date;
  via: 'session' | 'token';
  /** The better-auth session (cookie requests), whose active organization can be switched. */
  sessionId: string | null;
  /** The API token (bearer requests), bound to the organization it was made in. */
  tokenId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `app.authenticate`; present on every /api/v1 route. */
    principal: Principal;
    /**
     * Set by `app.authenticate` on every /api/v1 route, except on routes with
     * `config.allowWithoutOrganization` for a user who belongs to no organization (read it there with
     * `optionalAuth(request)`).
     */
    auth: AuthContext;
    /** Prisma scoped to `auth.orgId` (lib/tenant-db.ts): the only client services use for tenant data. */
    db: TenantDb;
    /**
     * On a route with `config.bearerPreload`, for a request with an API token: the token lookup's row,
     * with the preload's columns. Null otherwise (a session, or no preload): query for it instead.
     */
    bearerPreload: Record<string, unknown> | null;
  }
  interface FastifyInstance {
    /** onRequest hook for routes that need a signed-in user (session cookie or API token). */
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    betterAuth: BetterAuth;
    mailer: Mailer;
    originPolicy: OriginPolicy;
    /** The base URL of links in emails. */
    publicUrl: string;
  }
  interface FastifyContextConfig {
    /** The route also serves signed-in users who belong to no organization (me, accept an invitation). */
    allowWithoutOrganization?: boolean;
    /** The route refuses API tokens (switching organization, accepting an invitation). */
    sessionOnly?: boolean;
    /**
     * Columns the route reads right after authentication, selected by the API-token lookup in its own
     * statement (a database round trip fewer on the hottest reads): a LATERAL subquery over the
     * caller's `members` row, alias `m`, limited to `m.organization_id`, whose column names differ from
     * the lookup's. Its row is `request.bearerPreload`; it is read with the token on every request,
     * never kept.
     */
    bearerPreload?: Fragment;
  }
}

export interface AuthPluginOptions {
  secret: string;
  publicUrl: string;
  corsOrigins: string[];
  smtpUrl: string | undefined;
  mailFrom: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SCOPED_CLIENT_CACHE_SIZE = 500;

export function asRole(role: string): MemberRole {
  return (MEMBER_ROLES as readonly string[]).includes(role) ? (role as MemberRole) : 'member';
}

/** `request.auth` on routes that allow callers without an organization. */
export function optionalAuth(request: FastifyRequest): AuthContext | null {
  return (request.auth as AuthContext | null) ?? null;
}

export default fp<AuthPluginOptions>(
  async (app, options) => {
    const originPolicy = createOriginPolicy(options.publicUrl, options.corsOrigins);
    const mailer = createMailer({ smtpUrl: options.smtpUrl, mailFrom: options.mailFrom, logger: app.log });
    const betterAuth = createBetterAuth({
      db: app.db,
      secret: options.secret,
      publicUrl: options.publicUrl,
      trustedOrigins: (request) => [
        ...originPolicy.trustedOrigins(),
        // The bridge builds the Fetch request's URL from the address the client used.
        ...(request ? [new URL(request.url).origin] : []),
      ],
      mailer,
      logger: app.log,
      onUserCreated: (user, body) => provisionSignedUpUser(app.db, user, body),
    });
    app.decorate('betterAuth', betterAuth);
    app.decorate('mailer', mailer);
    app.decorate('originPolicy', originPolicy);
    app.decorate('publicUrl', options.publicUrl);
    app.addHook('onClose', async () => mailer.close());

    app.decorateRequest('principal', null as unknown as Principal);
    app.decorateRequest('auth', null as unknown as AuthContext);
    app.decorateRequest('db', null as unknown as TenantDb);
    app.decorateRequest('bearerPreload', null);
    const noFragment = app.sql``;

    // Extending the client is cheap but not free; organizations are few, so keep their scoped clients.
    const scopedClients = new Map<string, TenantDb>();
    function scopedClient(orgId: string): TenantDb {
      let client = scopedClients.get(orgId);
      if (!client) {
        if (scopedClients.size >= SCOPED_CLIENT_CACHE_SIZE) scopedClients.clear();
        client = scopedDb(app.db, orgId);
        scopedClients.set(orgId, client);
      }
      return client;
    }

    function enterOrganization(request: FastifyRequest, auth: AuthContext) {
      request.auth = auth;
      request.db = scopedClient(auth.orgId);
    }

    async function authenticateBearer(request: FastifyRequest, token: string) {
      if (!looksLikeApiToken(token)) throw new AppError('unauthorized', 'The API token is not valid');
      const preload = request.routeOptions.config.bearerPreload;
      // Looked up across organizations by its hash: the token is what tells us the organization. One
      // indexed join through postgres.js: this runs on every API request, and the same lookup through
      // Prisma costs ten times the CPU.
      const [found] = await app.sql<
        {
          id: string;
          revokedAt: Date | null;
          lastUsedAt: Date | null;
          memberId: string;
          userId: string;
          organizationId: string;
          role: string;
          email: string;
          name: string;
          emailVerified: boolean;
          createdAt: Date;
        }[]
      >`
        SELECT t.id, t.revoked_at AS "revokedAt", t.last_used_at AS "lastUsedAt",
               m.id AS "memberId", m.user_id AS "userId", m.organization_id AS "organizationId", m.role,
               u.email, u.name, u.email_verified AS "emailVerified", u.created_at AS "createdAt"
               ${preload ? app.sql`, preload.*` : noFragment}
          FROM api_tokens t
          JOIN members m ON m.id = t.member_id AND m.organization_id = t.organization_id
          JOIN users u ON u.id = m.user_id
          ${preload ? app.sql`LEFT JOIN LATERAL (${preload}) AS preload ON true` : noFragment}
         WHERE t.token_hash = ${hashApiToken(token)}`;
      if (!found || found.revokedAt) {
        throw new AppError('unauthorized', 'The API token is not valid or was revoked');
      }
      // Recording every use would turn each read into a write; minute precision is enough for "last used".
      const now = Date.now();
      if (!found.lastUsedAt || now - found.lastUsedAt.getTime() > 60_000) {
        await app.sql`UPDATE api_tokens SET last_used_at = ${new Date(now)} WHERE id = ${found.id}`;
      }
      request.principal = {
        userId: found.userId,
        email: found.email,
        name: found.name,
        emailVerified: found.emailVerified,
        createdAt: found.createdAt,
        via: 'token',
        sessionId: null,
        tokenId: found.id,
      };
      // Only now, for a token that is valid: the preload was read in the same statement as that check.
      if (preload) request.bearerPreload = found;
      enterOrganization(request, {
        userId: found.userId,
        memberId: found.memberId,
        orgId: found.organizationId,
        role: asRole(found.role),
        via: 'token',
      });
    }

    async function authenticateSession(request: FastifyRequest, reply: FastifyReply) {
      const { headers, response: session } = await betterAuth.api.getSession({
        headers: fromNodeHeaders(request.headers),
        returnHeaders: true,
      });
      // A session close to expiry is extended; the cookie must follow.
      for (const cookie of headers.getSetCookie()) reply.header('set-cookie', cookie);
      if (!session) {
        throw new AppError(
          'unauthorized',
          'Sign in, or send an API token as "Authorization: Bearer <token>"',
        );
      }
      const { user } = session;
      request.principal = {
        userId: user.id,
        email: user.email,
        name: user.name,
        emailVerified: user.emailVerified,
        createdAt: new Date(user.createdAt),
        via: 'session',
        sessionId: session.session.id,
        tokenId: null,
      };
      const active = session.session.activeOrganizationId ?? null;
      // The membership decides, not the session: a removed member loses access on the next request.
      const member =
        (active
          ? await app.db.member.findFirst({ where: { userId: user.id, organizationId: active } })
          : null) ??
        (await app.db.member.findFirst({ where: { userId: user.id }, orderBy: { createdAt: 'asc' } }));
      if (!member) return;
      if (member.organizationId !== active) {
        await app.db.session.update({
          where: { id: session.session.id },
          data: { activeOrganizationId: member.organizationId },
        });
      }
      enterOrganization(request, {
        userId: user.id,
        memberId: member.id,
        orgId: member.organizationId,
        role: asRole(member.role),
        via: 'session',
      });
    }

    app.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {
      const config = request.routeOptions.config;
      const header = request.headers.authorization;
      if (header && /^bearer /i.test(header)) {
        if (config.sessionOnly) {
          throw new AppError('forbidden', 'Sign in to do this: API tokens are bound to one organization');
        }
        await authenticateBearer(request, header.slice('bearer '.length).trim());
        return;
      }
      // CSRF: a browser sends the session cookie with any site's request, so a cookie-authenticated
      // change must come from the app's own pages. Bearer requests are exempt (no ambient credential).
      if (
        !SAFE_METHODS.has(request.method) &&
        request.headers.cookie &&
        !originPolicy.isSameSiteRequest(request)
      ) {
        throw new AppError(
          'forbidden',
          'Cross-site request refused: changes with a session cookie must come from the Tiltmeter app (Origin header), or use an API token',
        );
      }
      await authenticateSession(request, reply);
      if (!request.auth && !config.allowWithoutOrganization) {
        throw new AppError(
          'forbidden',
          'You do not belong to any organization yet: accept an invitation or ask an admin to invite you',
        );
      }
    });
  },
  { name: 'auth', dependencies: ['database'] },
);
