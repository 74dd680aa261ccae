import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import database from './plugins/database.ts';
import errorHandler from './plugins/error-handler.ts';
import openapi from './plugins/openapi.ts';
import security from './plugins/security.ts';
import webApp from './plugins/web-app.ts';

export type AppConfig = Pick<Config, 'logLevel' | 'corsOrigins' | 'rateLimitPerMinute' | 'webDistDir'> & {
  /** The database the app talks to; bringing it up (embedded or external) is main.ts's job. */
  databaseUrl: string;
  /** Extra Fastify options (tests silence the logger this way). */
  fastify?: FastifyServerOptions;
};

/** Builds the whole application with its plugins registered explicitly, in order. */
export async function buildApp(config: AppConfig) {
  const app = Fastify({
    logger: { level: config.logLevel },
    // Calendar files can be large; imports have their own limits on top.
    bodyLimit: 50 * 1024 * 1024,
    ...config.fastify,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(security, {
    corsOrigins: config.corsOrigins,
    rateLimitPerMinute: config.rateLimitPerMinute,
  });
  await app.register(database, { databaseUrl: config.databaseUrl });
  await app.register(errorHandler);
  await app.register(openapi);

  await app.register(healthRoutes);

  await app.register(webApp, { webDistDir: config.webDistDir });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
