import { tokenEndpoints } from '@tiltmeter/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createToken, listTokens, revokeToken } from './tokens.service.ts';

export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...tokenEndpoints.list,
    schema: {
      ...tokenEndpoints.list.schema,
      tags: ['tokens'],
      summary: 'My API tokens (never their secrets)',
    },
    handler: async (request) => listTokens(request.db, request.auth),
  });

  app.route({
    ...tokenEndpoints.create,
    schema: {
      ...tokenEndpoints.create.schema,
      tags: ['tokens'],
      summary: 'Create an API token: the secret is in this response only (audited)',
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createToken(request.db, request.auth, request.body)),
  });

  app.route({
    ...tokenEndpoints.revoke,
    schema: {
      ...tokenEndpoints.revoke.schema,
      tags: ['tokens'],
      summary: 'Revoke one of my API tokens (audited)',
    },
    handler: async (request, reply) => {
      await revokeToken(request.db, request.auth, request.params.id);
      return reply.status(204).send(null);
    },
  });
};
