import { Readable } from 'node:stream';
import { exportEndpoints } from '@tiltmeter/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import {
  exportEntriesCsv,
  feedUrl,
  getFeedToken,
  renderFeed,
  revokeFeedToken,
  rotateFeedToken,
} from './exports.service.ts';

export interface ExportRoutesOptions {
  /** Base URL for links handed out (the feed URL). */
  publicUrl: string;
}

/** Authenticated: the CSV export and managing the secret feed URL (registered under /api/v1). */
export const exportsRoutes: FastifyPluginAsyncZod<ExportRoutesOptions> = async (app, options) => {
  const tags = ['exports'];
  app.route({
    ...exportEndpoints.entriesCsv,
    schema: {
      ...exportEndpoints.entriesCsv.schema,
      tags,
      summary: 'Your entries with category and reason, as CSV',
    },
    handler: async (request, reply) => {
      const lines = await exportEntriesCsv(request.db, request.auth, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="tiltmeter-entries.csv"')
        .send(Readable.from(lines));
    },
  });
  app.route({
    ...exportEndpoints.getFeed,
    schema: {
      ...exportEndpoints.getFeed.schema,
      tags,
      summary: 'The secret URL of your ICS feed, if enabled',
    },
    handler: async (request) => ({
      url: feedUrl(options.publicUrl, await getFeedToken(request.db, request.auth)),
    }),
  });
  app.route({
    ...exportEndpoints.rotateFeed,
    schema: {
      ...exportEndpoints.rotateFeed.schema,
      tags,
      summary: 'Enable your ICS feed, or replace its URL',
    },
    handler: async (request) => ({
      url: feedUrl(options.publicUrl, await rotateFeedToken(request.db, request.auth)),
    }),
  });
  app.route({
    ...exportEndpoints.revokeFeed,
    schema: { ...exportEndpoints.revokeFeed.schema, tags, summary: 'Disable your ICS feed' },
    handler: async (request) => {
      await revokeFeedToken(request.db, request.auth);
      return { url: null };
    },
  });
};

/** Public: the feed itself, for calendar apps that cannot sign in; the secret in the URL is the key. */
export const feedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    method: 'GET',
    url: '/api/feeds/:file',
    schema: {
      tags: ['exports'],
      summary: 'ICS feed of a member’s classified entries (secret URL)',
      params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]+\.ics$/) }),
    },
    handler: async (request, reply) => {
      const feed = await renderFeed(app.db, request.params.file.replace(/\.ics$/, ''));
      if (!feed)
        throw new AppError('not_found', 'No feed at this address (it may have been replaced or disabled)');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(feed);
    },
  });
};
