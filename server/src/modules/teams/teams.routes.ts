import { teamEndpoints } from '@tiltmeter/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  archiveTeam,
  createTeam,
  listTeams,
  putTeamMember,
  removeTeamMember,
  updateTeam,
} from './teams.service.ts';

export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...teamEndpoints.list,
    schema: { ...teamEndpoints.list.schema, tags: ['teams'], summary: 'Teams of the current organization' },
    handler: async (request) => listTeams(request.db, request.query),
  });

  app.route({
    ...teamEndpoints.create,
    schema: { ...teamEndpoints.create.schema, tags: ['teams'], summary: 'Create a team (admins, managers)' },
    handler: async (request, reply) =>
      reply.status(201).send(await createTeam(request.db, request.auth, request.body)),
  });

  app.route({
    ...teamEndpoints.update,
    schema: {
      ...teamEndpoints.update.schema,
      tags: ['teams'],
      summary: 'Rename a team or change its visibility (admins, managers; audited)',
    },
    handler: async (request) => updateTeam(request.db, request.auth, request.params.id, request.body),
  });

  app.route({
    ...teamEndpoints.archive,
    schema: {
      ...teamEndpoints.archive.schema,
      tags: ['teams'],
      summary: 'Archive a team (admins, managers)',
    },
    handler: async (request) => archiveTeam(request.db, request.auth, request.params.id),
  });

  app.route({
    ...teamEndpoints.putMember,
    schema: {
      ...teamEndpoints.putMember.schema,
      tags: ['teams'],
      summary: 'Add a member to a team or make them (not) a lead (admins, managers; audited)',
    },
    handler: async (request) =>
      putTeamMember(request.db, request.auth, request.params.id, request.params.memberId, request.body),
  });

  app.route({
    ...teamEndpoints.removeMember,
    schema: {
      ...teamEndpoints.removeMember.schema,
      tags: ['teams'],
      summary: 'Remove a member from a team (admins, managers; audited)',
    },
    handler: async (request) =>
      removeTeamMember(request.db, request.auth, request.params.id, request.params.memberId),
  });
};
