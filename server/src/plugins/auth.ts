import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors.ts';
import { hashApiToken, looksLikeApiToken } from '../modules/tokens/token-secret.ts';

export const MEMBER_ROLES = ['member', 'manager', 'admin'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/**
 * Who is calling, in which organization. Every tenant query is scoped by `orgId` from here and nowhere
 * else: services take the AuthContext as their first argument.
 */
export interface AuthContext {
  userId: string;
  memberId: string;
  orgId: string;
  role: MemberRole;
  via: 'session' | 'token';
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `app.authenticate`; present on every /api/v1 route. */
    auth: AuthContext;
  }
  interface FastifyInstance {
    /** onRequest hook for routes that need a signed-in member. */
    authenticate(request: FastifyRequest): Promise<void>;
  }
}

function asRole(role: string): MemberRole {
  return (MEMBER_ROLES as readonly string[]).includes(role) ? (role as MemberRole) : 'member';
}

export default fp(
  async (app) => {
    app.decorateRequest('auth', null as unknown as AuthContext);

    async function authenticateBearer(request: FastifyRequest, token: string): Promise<AuthContext> {
      if (!looksLikeApiToken(token)) throw new AppError('unauthorized', 'The API token is not valid');
      const found = await app.db.apiToken.findUnique({
        where: { tokenHash: hashApiToken(token) },
        select: {
          id: true,
          revokedAt: true,
          lastUsedAt: true,
          member: { select: { id: true, userId: true, organizationId: true, role: true } },
        },
      });
      if (!found || found.revokedAt)
        throw new AppError('unauthorized', 'The API token is not valid or was revoked');
      // Recording every use would turn each read into a write; minute precision is enough for "last used".
      const now = Date.now();
      if (!found.lastUsedAt || now - found.lastUsedAt.getTime() > 60_000) {
        await app.db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date(now) } });
      }
      request.log.debug({ tokenId: found.id }, 'authenticated by API token');
      return {
        userId: found.member.userId,
        memberId: found.member.id,
        orgId: found.member.organizationId,
        role: asRole(found.member.role),
        via: 'token',
      };
    }

    app.decorate('authenticate', async (request: FastifyRequest) => {
      const header = request.headers.authorization;
      if (header?.startsWith('Bearer ')) {
        request.auth = await authenticateBearer(request, header.slice('Bearer '.length).trim());
        return;
      }
      throw new AppError('unauthorized', 'Sign in, or send an API token as "Authorization: Bearer <token>"');
    });
  },
  { name: 'auth', dependencies: ['database'] },
);
