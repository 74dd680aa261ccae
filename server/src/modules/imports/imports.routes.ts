import multipart from '@fastify/multipart';
import { csvImportEndpoint, importEndpoints, listImportsEndpoint } from '@tiltmeter/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../lib/errors.ts';
import { importCsv, importIcs, listImports, MAX_IMPORT_BYTES } from './imports.service.ts';

/**
 * A form the multipart parser cannot read (no boundary, a cut-off body, broken part headers) is the
 * client's mistake: busboy says so with a plain Error, which would otherwise be answered as a 500.
 * Fastify's own multipart errors (file too large, too many parts) carry their 4xx status already.
 */
function malformedUpload(error: unknown): never {
  if (error instanceof Error && !('statusCode' in error)) {
    throw new AppError('bad_request', `The upload is not a readable multipart form: ${error.message}`);
  }
  throw error;
}

/**
 * A file arrives as the raw body (text/calendar or text/csv, as tools and scripts send it) or as a
 * browser upload (multipart/form-data with one file). Either way: its text and its name, if any.
 */
async function readUploadedText(
  request: FastifyRequest,
  what: string,
): Promise<{ text: string; fileName: string | null }> {
  let text: string;
  let fileName: string | null = null;
  if (request.isMultipart()) {
    const file = await request.file().catch(malformedUpload);
    if (!file) {
      throw new AppError('validation_failed', `Attach the ${what} as a file`, [
        { path: ['body', 'file'], message: 'is required' },
      ]);
    }
    fileName = file.filename || null;
    const buffer = await file.toBuffer().catch(malformedUpload);
    if (file.file.truncated) throw new AppError('payload_too_large', `The ${what} is larger than 50 MB`);
    text = buffer.toString('utf8');
  } else if (typeof request.body === 'string') {
    text = request.body;
  } else {
    throw new AppError(
      'unsupported_media_type',
      `Send the ${what} as the request body or as a multipart file upload`,
    );
  }
  if (text.trim() === '') {
    throw new AppError('validation_failed', `The ${what} is empty`, [
      { path: ['body'], message: 'is empty' },
    ]);
  }
  return { text, fileName };
}

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    ['text/calendar', 'text/csv', 'text/plain'],
    { parseAs: 'string', bodyLimit: MAX_IMPORT_BYTES },
    (_request, body, done) => done(null, body),
  );
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10 } });
  const tags = ['imports'];

  app.route({
    ...importEndpoints.ics,
    bodyLimit: MAX_IMPORT_BYTES,
    schema: {
      ...importEndpoints.ics.schema,
      tags,
      summary: 'Import an ICS calendar (text/calendar body or multipart file)',
      consumes: ['text/calendar', 'multipart/form-data'],
    },
    handler: async (request) => {
      const { text, fileName } = await readUploadedText(request, 'calendar file');
      return importIcs({ db: request.db, sql: app.sql }, request.auth, {
        text,
        fileName,
        query: request.query,
      });
    },
  });

  app.route({
    ...csvImportEndpoint,
    bodyLimit: MAX_IMPORT_BYTES,
    schema: {
      ...csvImportEndpoint.schema,
      tags,
      summary: 'Import a CSV: Tiltmeter’s format, or a Toggl Track or Clockify detailed export',
      consumes: ['text/csv', 'multipart/form-data'],
    },
    handler: async (request) => {
      const { text, fileName } = await readUploadedText(request, 'CSV file');
      return importCsv({ db: request.db, sql: app.sql }, request.auth, {
        text,
        fileName,
        query: request.query,
      });
    },
  });

  app.route({
    ...listImportsEndpoint,
    schema: { ...listImportsEndpoint.schema, tags, summary: 'Your recent imports' },
    handler: async (request) => ({
      items: await listImports({ db: request.db, sql: app.sql }, request.auth),
    }),
  });
};
