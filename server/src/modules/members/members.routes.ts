import { memberEndpoints } from '@tiltmeter/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changeMemberRole, listMembers, removeMember } from './members.service.ts';

export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...memberEndpoints.list,
    schema: {
      ...memberEndpoints.list.schema,
      tags: ['members'],
      summary: 'Members of the current organization',
    },
    handler: async (request) => listMembers(request.db),
  });

  app.route({
    ...memberEndpoints.update,
    schema: {
      ...memberEndpoints.update.schema,
      tags: ['members'],
      summary: "Change a member's role (admins; audited)",
    },
    handler: async (request) =>
      changeMemberRole(request.db, request.auth, request.params.id, request.body.role),
  });

  app.route({
    ...memberEndpoints.remove,
    schema: {
      ...memberEndpoints.remove.schema,
      tags: ['members'],
      summary: 'Remove a member (admins; audited)',
    },
    handler: async (request, reply) => {
      await removeMember(request.db, request.auth, request.params.id);
      return reply.status(204).send(null);
    },
  });
};
