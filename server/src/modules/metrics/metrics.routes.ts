import { metricsEndpoints } from '@tiltmeter/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createMetricCaches } from './metric-cache.ts';
import { callerMetricContextSql, type MetricContextColumns, toMetricContextRow } from './metric-contexts.ts';
import { canonicalSerializerCompiler, sendCachedBodies } from './response-serializer.ts';
import { getOrgMetrics, getTeamMetrics } from './team-metrics.service.ts';
import {
  getMemberWeekDetail,
  getMemberWeekSeries,
  getWeekDetail,
  getWeekSeries,
  type MetricsDeps,
} from './weeks.service.ts';

export const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['metrics'];
  // This app's computed weeks, kept between requests (metric-cache.ts).
  const caches = createMetricCaches();
  const deps = (request: { db: MetricsDeps['db'] }): MetricsDeps => ({
    db: request.db,
    sql: app.sql,
    caches,
  });
  // The caller's own weeks, the most frequent reads: with an API token, the caller's metric context
  // comes with the token's lookup (auth.ts), so a cached series is served without a query of its own.
  // A session (better-auth reads it first) queries it as the other routes do.
  const callerContext = { bearerPreload: callerMetricContextSql(app.sql) };
  const preloaded = (request: FastifyRequest) =>
    request.bearerPreload
      ? toMetricContextRow(
          request.auth.memberId,
          request.bearerPreload as unknown as MetricContextColumns,
          caches.contexts,
        )
      : undefined;
  // The views are large and repeat: see response-serializer.ts.
  const serializerCompiler = canonicalSerializerCompiler;
  sendCachedBodies(app);

  app.route({
    ...metricsEndpoints.myWeeks,
    schema: {
      ...metricsEndpoints.myWeeks.schema,
      tags,
      summary: 'My weeks: maker/manager minutes, deep blocks and signals per ISO week (at most 104)',
    },
    config: callerContext,
    serializerCompiler,
    handler: async (request) =>
      getWeekSeries(deps(request), request.auth, request.auth.memberId, request.query, preloaded(request)),
  });

  app.route({
    ...metricsEndpoints.myWeek,
    schema: {
      ...metricsEndpoints.myWeek.schema,
      tags,
      summary:
        'My week by day: blocks, capacity, meetings with their focus cost, series ranked by focus cost',
    },
    config: callerContext,
    serializerCompiler,
    handler: async (request) =>
      getWeekDetail(deps(request), request.auth, request.auth.memberId, request.params.week, {
        own: true,
        preloaded: preloaded(request),
      }),
  });

  app.route({
    ...metricsEndpoints.memberWeeks,
    schema: {
      ...metricsEndpoints.memberWeeks.schema,
      tags,
      summary: "Another member's weeks, where they share with you as their lead or in an open team (audited)",
    },
    serializerCompiler,
    handler: async (request) =>
      getMemberWeekSeries(deps(request), request.auth, request.params.id, request.query),
  });

  app.route({
    ...metricsEndpoints.memberWeek,
    schema: {
      ...metricsEndpoints.memberWeek.schema,
      tags,
      summary: "Another member's week by day, without titles (same rule as their weeks; audited)",
    },
    serializerCompiler,
    handler: async (request) =>
      getMemberWeekDetail(deps(request), request.auth, request.params.id, request.params.week),
  });

  app.route({
    ...metricsEndpoints.teamMetrics,
    schema: {
      ...metricsEndpoints.teamMetrics.schema,
      tags,
      summary:
        "A team's aggregates by week (suppressed below the minimum group size), for its members, managers and admins",
    },
    serializerCompiler,
    handler: async (request) => getTeamMetrics(deps(request), request.auth, request.params.id, request.query),
  });

  app.route({
    ...metricsEndpoints.orgMetrics,
    schema: {
      ...metricsEndpoints.orgMetrics.schema,
      tags,
      summary: 'Teams by weeks, signal prevalence and teams in the burnout pattern (managers and admins)',
    },
    serializerCompiler,
    handler: async (request) => getOrgMetrics(deps(request), request.auth, request.query),
  });
};
