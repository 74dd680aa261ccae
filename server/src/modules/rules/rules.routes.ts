import { inboxEndpoints, ruleEndpoints } from '@tiltmeter/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { classifyEntries, listInbox } from '../entries/entries.service.ts';
import { recomputeClassifications } from './recompute.ts';
import {
  createRule,
  deleteRule,
  latestRecompute,
  listRules,
  previewRuleChange,
  RECOMPUTE_JOB,
  reorderRules,
  updateRule,
} from './rules.service.ts';

export const rulesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['rules'];

  app.jobs.register(RECOMPUTE_JOB, async (job) => {
    await recomputeClassifications(
      app.db,
      app.sql,
      {
        organizationId: job.organizationId,
        teamId: (job.payload.teamId as string | null | undefined) ?? null,
        memberId: (job.payload.memberId as string | null | undefined) ?? null,
        allFacts: job.payload.allFacts === true,
      },
      ({ done, total }) => job.progress(done, total),
    );
  });

  app.route({
    ...ruleEndpoints.list,
    schema: {
      ...ruleEndpoints.list.schema,
      tags,
      summary: 'The organization’s rules, or a team’s, in evaluation order',
    },
    handler: async (request) => ({
      items: await listRules(request.db, request.query.teamId ?? null),
      recompute: await latestRecompute(request.db),
    }),
  });
  app.route({
    ...ruleEndpoints.create,
    schema: {
      ...ruleEndpoints.create.schema,
      tags,
      summary: 'Add a rule; entries are reclassified in the background',
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createRule(app, request.db, request.auth, request.body)),
  });
  app.route({
    ...ruleEndpoints.reorder,
    schema: { ...ruleEndpoints.reorder.schema, tags, summary: 'Set the evaluation order of a rule set' },
    handler: async (request) => reorderRules(app, request.db, request.auth, request.body),
  });
  app.route({
    ...ruleEndpoints.preview,
    schema: {
      ...ruleEndpoints.preview.schema,
      tags,
      summary: 'What a draft rule set would change on your recent entries',
    },
    handler: async (request) => previewRuleChange(request.db, request.auth, request.body),
  });
  app.route({
    ...ruleEndpoints.recompute,
    schema: { ...ruleEndpoints.recompute.schema, tags, summary: 'Progress of the latest reclassification' },
    handler: async (request) => ({ recompute: await latestRecompute(request.db) }),
  });
  app.route({
    ...ruleEndpoints.update,
    schema: {
      ...ruleEndpoints.update.schema,
      tags,
      summary: 'Change a rule; entries are reclassified in the background',
    },
    handler: async (request) => updateRule(app, request.db, request.auth, request.params.id, request.body),
  });
  app.route({
    ...ruleEndpoints.remove,
    schema: {
      ...ruleEndpoints.remove.schema,
      tags,
      summary: 'Delete a rule; entries are reclassified in the background',
    },
    handler: async (request) => deleteRule(app, request.db, request.auth, request.params.id),
  });

  app.route({
    ...inboxEndpoints.list,
    schema: {
      ...inboxEndpoints.list.schema,
      tags: ['inbox'],
      summary: 'Your entries that no rule classified',
    },
    handler: async (request) => listInbox(request.db, request.auth, request.query.limit),
  });
  app.route({
    ...inboxEndpoints.classify,
    schema: {
      ...inboxEndpoints.classify.schema,
      tags: ['inbox'],
      summary: 'Classify many of your entries at once',
    },
    handler: async (request) => classifyEntries({ db: request.db, sql: app.sql }, request.auth, request.body),
  });
};
