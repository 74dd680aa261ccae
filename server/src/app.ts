import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyServerOptions, type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { feedRoutes } from './modules/exports/exports.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { apiV1Routes } from './modules/v1.ts';
import auth from './plugins/auth.ts';
import database from './plugins/database.ts';
import errorHandler from './plugins/error-handler.ts';
import jobs from './plugins/jobs.ts';
import openapi from './plugins/openapi.ts';
import security from './plugins/security.ts';
import webApp from './plugins/web-app.ts';

export type AppConfig = Pick<Config, 'logLevel' | 'corsOrigins' | 'rateLimitPerMinute' | 'webDistDir'> &
  Partial<
    Pick<
      Config,
      | 'authRateLimitPerMinute'
      | 'publicUrl'
      | 'smtpUrl'
      | 'mailFrom'
      | 'trustProxy'
      | 'subscriptionsAllowHttp'
    > & {
      /** Signs session cookies; main.ts always passes one (AUTH_SECRET or the one kept in the data folder). */
      authSecret: string;
    }
  > & {
    /** The database the app talks to; bringing it up (embedded or external) is main.ts's job. */
    databaseUrl: string;
    /** Extra Fastify options (tests silence the logger this way). */
    fastify?: FastifyServerOptions;
    /** Sees every route as it is registered (the tenancy test walks the whole route table with it). */
    onRoute?: (route: RouteOptions) => void;
  };

/** A hop count means "trust that many proxies in front of us" (Fastify's types only take a function for it). */
function trustProxyOption(value: boolean | number | string[]) {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : value;
}

/** Builds the whole application with its plugins registered explicitly, in order. */
export async function buildApp(config: AppConfig) {
  const app = Fastify({
    logger: { level: config.logLevel },
    // Calendar files can be large; imports have their own limits on top.
    bodyLimit: 50 * 1024 * 1024,
    // Behind a TLS-terminating proxy: client addresses (rate limits) and https come from its headers.
    trustProxy: trustProxyOption(config.trustProxy ?? false),
    ...config.fastify,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  if (config.onRoute) app.addHook('onRoute', config.onRoute);
  const publicUrl = config.publicUrl ?? 'http://localhost:3000';

  await app.register(security, {
    corsOrigins: config.corsOrigins,
    rateLimitPerMinute: config.rateLimitPerMinute,
  });
  await app.register(database, { databaseUrl: config.databaseUrl });
  await app.register(jobs, { databaseUrl: config.databaseUrl });
  await app.register(errorHandler);
  await app.register(openapi);
  await app.register(auth, {
    // Without one (tests), sessions simply do not outlive this process.
    secret: config.authSecret ?? randomBytes(32).toString('base64url'),
    publicUrl,
    corsOrigins: config.corsOrigins,
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom ?? `Tiltmeter <no-reply@${new URL(publicUrl).hostname}>`,
  });

  await app.register(healthRoutes);
  await app.register(authRoutes, { rateLimitPerMinute: config.authRateLimitPerMinute ?? 10 });
  await app.register(apiV1Routes, {
    publicUrl,
    subscriptionsAllowHttp: config.subscriptionsAllowHttp ?? false,
  });
  await app.register(feedRoutes);

  await app.register(webApp, { webDistDir: config.webDistDir });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
