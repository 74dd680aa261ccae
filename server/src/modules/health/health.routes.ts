import { healthEndpoint } from '@tiltmeter/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkHealth } from './health.service.ts';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...healthEndpoint,
    schema: { ...healthEndpoint.schema, tags: ['health'], summary: 'Is the API and its database up?' },
    config: { rateLimit: false },
    handler: async (_request, reply) => {
      const health = await checkHealth(app.db);
      return reply.status(health.database === 'ok' ? 200 : 503).send(health);
    },
  });
};
