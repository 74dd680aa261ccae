import { meEndpoints } from '@tiltmeter/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { optionalAuth } from '../../plugins/auth.ts';
import { RECOMPUTE_JOB } from '../rules/rules.service.ts';
import { getMe, updateMySettings } from './me.service.ts';

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...meEndpoints.get,
    schema: {
      ...meEndpoints.get.schema,
      tags: ['me'],
      summary: 'Me: my user, the current organization, my role and settings',
    },
    config: { allowWithoutOrganization: true },
    handler: async (request) => getMe(app.db, request.principal, optionalAuth(request)),
  });

  app.route({
    ...meEndpoints.updateSettings,
    schema: {
      ...meEndpoints.updateSettings.schema,
      tags: ['me'],
      summary: 'Change my settings in the current organization (sharing changes are audited)',
    },
    handler: async (request) => {
      const settings = await updateMySettings(request.db, request.auth, request.body);
      // Days are cut at local midnight and measured against working hours: both are baked into the
      // stored day facts, so a change of either rebuilds them (in the background, with progress).
      if (request.body.timeZone !== undefined || request.body.workingHours !== undefined) {
        await app.jobs.enqueue(RECOMPUTE_JOB, request.auth.orgId, {
          memberId: request.auth.memberId,
          allFacts: true,
        });
      }
      return settings;
    },
  });
};
