import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, RESET_PASSWORD_PAGE_PATH } from '@tiltmeter/shared';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import type { FastifyBaseLogger } from 'fastify';
import { type Mailer, sendInBackground } from '../../lib/mailer.ts';
import type { Db } from '../../plugins/database.ts';

export interface BetterAuthOptions {
  db: Db;
  secret: string;
  publicUrl: string;
  /** Extra trusted origins for a request (the app's own address, CORS_ORIGINS). */
  trustedOrigins: (request: Request | undefined) => string[];
  mailer: Mailer;
  logger: FastifyBaseLogger;
  /** Runs once the new user's row is committed, with the sign-up body (organization, time zone...). */
  onUserCreated: (user: { id: string; email: string; name: string }, body: unknown) => Promise<void>;
}

/** The header the Fastify bridge puts the client address in (Fastify knows it, honouring TRUST_PROXY). */
export const CLIENT_IP_HEADER = 'x-tiltmeter-client-ip';

/**
 * better-auth with email and password only, on our identity tables (User, Session, Account,
 * Verification) through its Prisma adapter. Organizations, members, invitations and teams are ours
 * (modules/*), not its organization plugin: they live behind the one tenancy scope (request.db), the
 * audit log and the visibility rules, and TeamMember is keyed by member rather than by user.
 */
export function createBetterAuth(options: BetterAuthOptions) {
  const { publicUrl, mailer, logger } = options;
  return betterAuth({
    appName: 'Tiltmeter',
    baseURL: publicUrl,
    basePath: '/api/auth',
    secret: options.secret,
    database: prismaAdapter(options.db, { provider: 'postgresql', transaction: true }),
    trustedOrigins: (request) => options.trustedOrigins(request),
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      resetPasswordTokenExpiresIn: 60 * 60,
      // A reset proves control of the mailbox; whoever held the old password is signed out.
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        const link = `${publicUrl}${RESET_PASSWORD_PAGE_PATH}?token=${encodeURIComponent(token)}`;
        sendInBackground(mailer, logger, {
          to: user.email,
          subject: 'Reset your Tiltmeter password',
          text: `Someone (hopefully you) asked to reset the password of your Tiltmeter account.\n\nChoose a new password here within the next hour:\n${link}\n\nIf it was not you, ignore this email; your password stays as it is.\n`,
          link,
        });
      },
    },
    session: {
      // The organization a browser session acts in (POST /api/v1/organizations/switch sets it).
      additionalFields: {
        activeOrganizationId: { type: 'string', required: false, input: false },
      },
    },
    databaseHooks: {
      user: {
        create: {
          after: async (user, context) => {
            await options.onUserCreated(user, context?.body);
          },
        },
      },
    },
    // Fastify's rate limiter guards these routes (stricter on sign-in and resets): one mechanism.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: {
      level: 'warn',
      log: (level, message, ...args) => {
        const payload = args.length > 0 ? { details: args } : {};
        if (level === 'error') logger.error(payload, `auth: ${message}`);
        else if (level === 'warn') logger.warn(payload, `auth: ${message}`);
        else logger.debug(payload, `auth: ${message}`);
      },
    },
    advanced: {
      // Ids come from the database default (UUID v7), like every other table's.
      database: { generateId: false },
      // better-auth turns its origin (CSRF) check off when it detects a test runner; keep it on everywhere,
      // so the tests exercise what production runs.
      disableOriginCheck: false,
      cookiePrefix: 'tiltmeter',
      // httpOnly and SameSite=Lax always; Secure (and the __Secure- prefix) when served over https.
      useSecureCookies: publicUrl.startsWith('https:'),
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
  });
}

export type BetterAuth = ReturnType<typeof createBetterAuth>;
