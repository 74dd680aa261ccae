import { organizationEndpoints } from '@tiltmeter/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { optionalAuth } from '../../plugins/auth.ts';
import { getMe } from '../me/me.service.ts';
import {
  listMyOrganizations,
  switchOrganization,
  updateCurrentOrganization,
} from './organizations.service.ts';

export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...organizationEndpoints.listMine,
    schema: {
      ...organizationEndpoints.listMine.schema,
      tags: ['organizations'],
      summary: 'My organizations',
    },
    config: { allowWithoutOrganization: true },
    handler: async (request) => listMyOrganizations(app.db, request.principal, optionalAuth(request)),
  });

  app.route({
    ...organizationEndpoints.switch,
    schema: {
      ...organizationEndpoints.switch.schema,
      tags: ['organizations'],
      summary: 'Make another of my organizations the current one (browser sessions only)',
    },
    config: { allowWithoutOrganization: true, sessionOnly: true },
    handler: async (request) => {
      const auth = await switchOrganization(app.db, request.principal, request.body.organizationId);
      return getMe(app.db, request.principal, auth);
    },
  });

  app.route({
    ...organizationEndpoints.updateCurrent,
    schema: {
      ...organizationEndpoints.updateCurrent.schema,
      tags: ['organizations'],
      summary: 'Change the current organization (admins; audited)',
    },
    handler: async (request) => updateCurrentOrganization(request.db, request.auth, request.body),
  });
};
