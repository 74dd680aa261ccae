import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditRoutes } from './audit/audit.routes.ts';
import { entriesRoutes } from './entries/entries.routes.ts';
import { exportsRoutes } from './exports/exports.routes.ts';
import { importsRoutes } from './imports/imports.routes.ts';
import { invitationRoutes } from './invitations/invitations.routes.ts';
import { meRoutes } from './me/me.routes.ts';
import { memberRoutes } from './members/members.routes.ts';
import { metricsRoutes } from './metrics/metrics.routes.ts';
import { organizationRoutes } from './organizations/organizations.routes.ts';
import { rulesRoutes } from './rules/rules.routes.ts';
import { subscriptionsRoutes } from './subscriptions/subscriptions.routes.ts';
import { teamRoutes } from './teams/teams.routes.ts';
import { thresholdsRoutes } from './thresholds/thresholds.routes.ts';
import { tokenRoutes } from './tokens/tokens.routes.ts';

export const V1_PREFIX = '/api/v1';

/**
 * Every /api/v1 route, behind one authentication hook: a route registered here cannot forget it.
 * Routes spread the shared endpoint descriptors, whose URLs are complete (`/api/v1/...`, so the web
 * client calls the same string); this plugin therefore adds no Fastify prefix but refuses any route
 * outside /api/v1. Add a feature by registering its route plugin below.
 */
export const apiV1Routes: FastifyPluginAsyncZod<{
  publicUrl: string;
  subscriptionsAllowHttp: boolean;
}> = async (app, options) => {
  app.addHook('onRoute', (route) => {
    if (route.url !== V1_PREFIX && !route.url.startsWith(`${V1_PREFIX}/`)) {
      throw new Error(`${route.method} ${route.url} is registered in v1Routes but is not under ${V1_PREFIX}`);
    }
    // HEAD twins of GET routes share the schema object: tag it once.
    if (route.schema && !route.schema.security) {
      route.schema = { ...route.schema, security: [{ bearerAuth: [] }] };
    }
  });
  app.addHook('onRequest', app.authenticate);

  await app.register(meRoutes);
  await app.register(organizationRoutes);
  await app.register(memberRoutes);
  await app.register(invitationRoutes);
  await app.register(teamRoutes);
  await app.register(tokenRoutes);
  await app.register(auditRoutes);
  await app.register(entriesRoutes);
  await app.register(importsRoutes);
  await app.register(exportsRoutes, { publicUrl: options.publicUrl });
  await app.register(subscriptionsRoutes, { allowHttp: options.subscriptionsAllowHttp });
  await app.register(rulesRoutes);
  await app.register(thresholdsRoutes);
  await app.register(metricsRoutes);
};
