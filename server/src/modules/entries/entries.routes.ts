import { entryEndpoints } from '@tiltmeter/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bulkUpsertEntries, createEntry, deleteEntry, listEntries, updateEntry } from './entries.service.ts';

export const entriesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['entries'];

  app.route({
    ...entryEndpoints.list,
    schema: { ...entryEndpoints.list.schema, tags, summary: 'Your entries overlapping [from, to)' },
    handler: async (request) => ({ items: await listEntries(request.db, request.auth, request.query) }),
  });

  app.route({
    ...entryEndpoints.create,
    schema: { ...entryEndpoints.create.schema, tags, summary: 'Create an entry by hand' },
    handler: async (request, reply) =>
      reply.status(201).send(await createEntry({ db: request.db, sql: app.sql }, request.auth, request.body)),
  });

  app.route({
    ...entryEndpoints.bulk,
    schema: {
      ...entryEndpoints.bulk.schema,
      tags,
      summary: 'Create or update up to 10,000 entries, all or nothing',
    },
    // Large batches are the point of this route.
    bodyLimit: 20 * 1024 * 1024,
    handler: async (request) =>
      bulkUpsertEntries({ db: request.db, sql: app.sql }, request.auth, request.body),
  });

  app.route({
    ...entryEndpoints.update,
    schema: {
      ...entryEndpoints.update.schema,
      tags,
      summary: 'Edit an entry, or override its classification (category null returns it to the rules)',
    },
    handler: async (request) =>
      updateEntry({ db: request.db, sql: app.sql }, request.auth, request.params.id, request.body),
  });

  app.route({
    ...entryEndpoints.remove,
    schema: { ...entryEndpoints.remove.schema, tags, summary: 'Delete an entry' },
    handler: async (request, reply) => {
      await deleteEntry({ db: request.db, sql: app.sql }, request.auth, request.params.id);
      return reply.status(204).send(null);
    },
  });
};
