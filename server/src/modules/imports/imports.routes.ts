import multipart from '@fastify/multipart';
import { importEndpoints } from '@tiltmeter/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../lib/errors.ts';
import { importIcs } from './imports.service.ts';

/** Calendar files of a few years of meetings run to tens of megabytes; this is the ceiling. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  // A calendar can arrive as the raw body (text/calendar, as calendar tools send it) or as a
  // browser file upload (multipart/form-data with one file).
  app.addContentTypeParser(
    ['text/calendar', 'text/plain'],
    { parseAs: 'string', bodyLimit: MAX_IMPORT_BYTES },
    (_request, body, done) => done(null, body),
  );
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10 } });

  app.route({
    ...importEndpoints.ics,
    bodyLimit: MAX_IMPORT_BYTES,
    schema: {
      ...importEndpoints.ics.schema,
      tags: ['imports'],
      summary: 'Import an ICS calendar (text/calendar body or multipart file)',
      consumes: ['text/calendar', 'multipart/form-data'],
    },
    handler: async (request) => {
      let text: string;
      let fileName: string | null = null;
      if (request.isMultipart()) {
        const file = await request.file();
        if (!file)
          throw new AppError('validation_failed', 'Attach the calendar as a file', [
            { path: ['body', 'file'], message: 'is required' },
          ]);
        fileName = file.filename || null;
        const buffer = await file.toBuffer();
        if (file.file.truncated)
          throw new AppError('payload_too_large', 'The calendar file is larger than 50 MB');
        text = buffer.toString('utf8');
      } else if (typeof request.body === 'string') {
        text = request.body;
      } else {
        throw new AppError(
          'unsupported_media_type',
          'Send the calendar as text/calendar or as a multipart file upload',
        );
      }
      if (text.trim() === '') {
        throw new AppError('validation_failed', 'The calendar file is empty', [
          { path: ['body'], message: 'is empty' },
        ]);
      }
      return importIcs({ db: request.db, sql: app.sql }, request.auth, {
        text,
        fileName,
        query: request.query,
      });
    },
  });
};
