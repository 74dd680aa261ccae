import { invitationEndpoints } from '@tiltmeter/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getMe } from '../me/me.service.ts';
import {
  acceptInvitation,
  cancelInvitation,
  createInvitation,
  listInvitations,
} from './invitations.service.ts';

export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const mail = { mailer: app.mailer, publicUrl: app.publicUrl, logger: app.log };

  app.route({
    ...invitationEndpoints.list,
    schema: { ...invitationEndpoints.list.schema, tags: ['invitations'], summary: 'Invitations (admins)' },
    handler: async (request) => listInvitations(request.db, request.auth),
  });

  app.route({
    ...invitationEndpoints.create,
    schema: {
      ...invitationEndpoints.create.schema,
      tags: ['invitations'],
      summary: 'Invite someone by email, with a role (admins; audited)',
    },
    handler: async (request, reply) => {
      const invitation = await createInvitation(request.db, request.auth, request.body, mail);
      return reply.status(201).send(invitation);
    },
  });

  app.route({
    ...invitationEndpoints.cancel,
    schema: {
      ...invitationEndpoints.cancel.schema,
      tags: ['invitations'],
      summary: 'Cancel an invitation (admins)',
    },
    handler: async (request, reply) => {
      await cancelInvitation(request.db, request.auth, request.params.id);
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...invitationEndpoints.accept,
    schema: {
      ...invitationEndpoints.accept.schema,
      tags: ['invitations'],
      summary: 'Accept an invitation addressed to my email (signed in; not with an API token)',
    },
    config: { allowWithoutOrganization: true, sessionOnly: true },
    handler: async (request) => {
      const auth = await acceptInvitation(app.db, request.principal, request.params.id);
      return getMe(app.db, request.principal, auth);
    },
  });
};
