import { subscriptionEndpoints } from '@tiltmeter/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../lib/errors.ts';
import {
  createSubscription,
  deleteSubscription,
  listSubscriptions,
  refreshDueSubscriptions,
  refreshSubscription,
  toSubscriptionDto,
} from './subscriptions.service.ts';

export const REFRESH_SUBSCRIPTIONS_TASK = 'refresh-subscriptions';

export const subscriptionsRoutes: FastifyPluginAsyncZod<{ allowHttp: boolean }> = async (app, options) => {
  const tags = ['subscriptions'];
  const allowHttp = options.allowHttp;

  app.jobs.schedule(REFRESH_SUBSCRIPTIONS_TASK, '* * * * *', async () => {
    await refreshDueSubscriptions({ db: app.db, sql: app.sql }, { allowHttp });
  });

  app.route({
    ...subscriptionEndpoints.list,
    schema: {
      ...subscriptionEndpoints.list.schema,
      tags,
      summary: 'Your calendar subscriptions and their status',
    },
    handler: async (request) => ({ items: await listSubscriptions(request.db, request.auth) }),
  });
  app.route({
    ...subscriptionEndpoints.create,
    schema: {
      ...subscriptionEndpoints.create.schema,
      tags,
      summary: 'Subscribe to an ICS calendar URL (refreshed hourly)',
    },
    handler: async (request, reply) => {
      const created = await createSubscription(request.db, request.auth, request.body, allowHttp);
      // The first import happens now, so the member sees their calendar (or the problem) at once.
      const refreshed = await refreshSubscription({ db: app.db, sql: app.sql }, created.id, { allowHttp });
      return reply.status(201).send(toSubscriptionDto(refreshed));
    },
  });
  app.route({
    ...subscriptionEndpoints.refresh,
    schema: { ...subscriptionEndpoints.refresh.schema, tags, summary: 'Refresh a subscription now' },
    handler: async (request) => {
      const own = await request.db.calendarSubscription.findFirst({
        where: { id: request.params.id, memberId: request.auth.memberId },
        select: { id: true },
      });
      if (!own) throw notFound('Subscription');
      return toSubscriptionDto(
        await refreshSubscription({ db: app.db, sql: app.sql }, own.id, { allowHttp }),
      );
    },
  });
  app.route({
    ...subscriptionEndpoints.remove,
    schema: { ...subscriptionEndpoints.remove.schema, tags, summary: 'Unsubscribe; its entries are removed' },
    handler: async (request, reply) => {
      await deleteSubscription({ db: request.db, sql: app.sql }, request.auth, request.params.id);
      return reply.status(204).send(null);
    },
  });
};
