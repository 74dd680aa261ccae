import { authEndpoints } from '@tiltmeter/shared';
import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, ERROR_STATUS, type ErrorCode } from '../../lib/errors.ts';
import { CLIENT_IP_HEADER } from './better-auth.ts';
import { findOpenInvitation } from './sign-up.service.ts';

export interface AuthRoutesOptions {
  /** Sign-in, reset requests and resets per minute per client address. */
  rateLimitPerMinute: number;
}

const STATUS_CODES = new Map<number, ErrorCode>(
  (Object.entries(ERROR_STATUS) as [ErrorCode, number][])
    .filter(([code]) => code !== 'validation_failed')
    .map(([code, status]) => [status, code]),
);

/** better-auth answers `{ code, message }`; the API's clients read `{ error: { code, message } }`. */
function toErrorEnvelope(status: number, text: string): { status: number; body: unknown } {
  let message = status === 404 ? 'Not found' : 'The request failed';
  let reason: string | undefined;
  try {
    const json = JSON.parse(text) as { message?: unknown; code?: unknown };
    if (typeof json.message === 'string' && json.message) message = json.message;
    if (typeof json.code === 'string') reason = json.code;
  } catch {
    // Empty or not JSON: keep the generic message.
  }
  // better-auth says 422 for "user already exists" and for invalid input; the API's table says 409 / 400.
  let mapped = status;
  if (status === 422) mapped = reason?.startsWith('USER_ALREADY_EXISTS') ? 409 : 400;
  const code = STATUS_CODES.get(mapped) ?? (mapped >= 500 ? 'internal' : 'bad_request');
  return { status: mapped, body: { error: { code, message } } };
}

/**
 * /api/auth/*: better-auth, reached through Fastify so the security plugins (helmet, CORS, rate limits),
 * the error envelope and the OpenAPI document cover it. The routes the app uses are declared one by one
 * (validated with the shared schemas, documented, sign-in and resets rate limited per client); a
 * catch-all forwards the rest of better-auth's endpoints (sessions list, revoke...).
 */
export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, options) => {
  const strictRateLimit = { rateLimit: { max: options.rateLimitPerMinute, timeWindow: '1 minute' } };

  async function forward(request: FastifyRequest, reply: FastifyReply) {
    // The URL the client used (not PUBLIC_URL): better-auth trusts it as the request's own origin.
    const url = new URL(request.url, `${request.protocol}://${request.host}`);
    const headers = fromNodeHeaders(request.headers);
    // Fastify knows the client address (honouring TRUST_PROXY); a client cannot set this header itself.
    headers.set(CLIENT_IP_HEADER, request.ip);
    headers.delete('content-length');
    headers.delete('transfer-encoding');
    let body: string | undefined;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      body = JSON.stringify(request.body ?? {});
      headers.set('content-type', 'application/json');
    }
    const response = await app.betterAuth.handler(
      new Request(url, { method: request.method, headers, body }),
    );

    for (const [name, value] of response.headers) {
      if (name === 'set-cookie' || name === 'content-length') continue;
      reply.header(name, value);
    }
    for (const cookie of response.headers.getSetCookie()) reply.header('set-cookie', cookie);
    const text = await response.text();
    if (response.status >= 400) {
      const envelope = toErrorEnvelope(response.status, text);
      return reply.status(envelope.status).type('application/json').send(envelope.body);
    }
    reply.status(response.status);
    if (!text) return reply.send();
    if (response.headers.get('content-type')?.includes('application/json'))
      return reply.send(JSON.parse(text));
    return reply.send(text);
  }

  app.route({
    ...authEndpoints.signUp,
    schema: { ...authEndpoints.signUp.schema, tags: ['auth'], summary: 'Sign up with email and password' },
    handler: async (request, reply) => {
      const { invitationId, email } = request.body;
      if (invitationId && !(await findOpenInvitation(app.db, invitationId, email))) {
        throw new AppError('not_found', 'This invitation does not exist, expired, or is for another email');
      }
      return forward(request, reply);
    },
  });
  app.route({
    ...authEndpoints.signIn,
    schema: { ...authEndpoints.signIn.schema, tags: ['auth'], summary: 'Sign in with email and password' },
    config: strictRateLimit,
    handler: forward,
  });
  app.route({
    ...authEndpoints.signOut,
    schema: { ...authEndpoints.signOut.schema, tags: ['auth'], summary: 'Sign out (ends this session)' },
    handler: forward,
  });
  app.route({
    ...authEndpoints.getSession,
    schema: { ...authEndpoints.getSession.schema, tags: ['auth'], summary: 'The signed-in user, or null' },
    handler: forward,
  });
  app.route({
    ...authEndpoints.requestPasswordReset,
    schema: {
      ...authEndpoints.requestPasswordReset.schema,
      tags: ['auth'],
      summary: 'Email a password-reset link (always 200)',
    },
    config: strictRateLimit,
    handler: forward,
  });
  app.route({
    ...authEndpoints.resetPassword,
    schema: {
      ...authEndpoints.resetPassword.schema,
      tags: ['auth'],
      summary: 'Set a new password with the token from the reset link',
    },
    config: strictRateLimit,
    handler: forward,
  });
  app.route({
    ...authEndpoints.changePassword,
    schema: { ...authEndpoints.changePassword.schema, tags: ['auth'], summary: 'Change my password' },
    config: strictRateLimit,
    handler: forward,
  });
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    handler: forward,
  });
};
