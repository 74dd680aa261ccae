import { thresholdEndpoints } from '@tiltmeter/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getThresholdSettings, putThresholds } from './thresholds.service.ts';

export const thresholdsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['thresholds'];
  app.route({
    ...thresholdEndpoints.get,
    schema: {
      ...thresholdEndpoints.get.schema,
      tags,
      summary: 'Defaults with their sources, overrides per scope, and yours resolved',
    },
    handler: async (request) => getThresholdSettings(request.db, request.auth),
  });
  app.route({
    ...thresholdEndpoints.putOrganization,
    schema: {
      ...thresholdEndpoints.putOrganization.schema,
      tags,
      summary: 'Set the organization’s overrides (admins)',
    },
    handler: async (request) => putThresholds(app, request.db, request.auth, { kind: 'org' }, request.body),
  });
  app.route({
    ...thresholdEndpoints.putTeam,
    schema: {
      ...thresholdEndpoints.putTeam.schema,
      tags,
      summary: 'Set a team’s overrides (its leads and admins)',
    },
    handler: async (request) =>
      putThresholds(
        app,
        request.db,
        request.auth,
        { kind: 'team', teamId: request.params.teamId },
        request.body,
      ),
  });
  app.route({
    ...thresholdEndpoints.putMe,
    schema: {
      ...thresholdEndpoints.putMe.schema,
      tags,
      summary: 'Set your own overrides (e.g. your personal target)',
    },
    handler: async (request) =>
      putThresholds(app, request.db, request.auth, { kind: 'member' }, request.body),
  });
};
