import { auditEndpoints } from '@tiltmeter/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAudit } from './audit.service.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...auditEndpoints.list,
    schema: {
      ...auditEndpoints.list.schema,
      tags: ['audit'],
      summary: 'The audit log of sensitive actions, newest first (admins)',
    },
    handler: async (request) => listAudit(request.db, request.auth, request.query),
  });
};
