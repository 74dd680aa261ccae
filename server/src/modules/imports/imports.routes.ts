import multipart, { type MultipartFile } from '@fastify/multipart';
import { csvImportEndpoint, importEndpoints, listImportsEndpoint } from '@tiltmeter/shared';
import { errorCodes, type FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../lib/errors.ts';
import { importCsv, importIcs, listImports, MAX_IMPORT_BYTES, releaseBytes } from './imports.service.ts';

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
 * Reads a text body (text/calendar, text/csv, text/plain) as fastify's string parser does (the same
 * limit, the same errors) into one buffer of the announced length, and leaves it undecoded (see
 * readUploadedText): fastify's keeps the chunks, their concatenation and the decoded string at once,
 * 150 MB for a 50 MB calendar.
 */
function readTextBody(
  request: FastifyRequest,
  payload: NodeJS.ReadableStream & { receivedEncodedLength?: number },
  done: (error: Error | null, body?: Buffer) => void,
): void {
  const declared = Number(request.headers['content-length']);
  if (declared > MAX_IMPORT_BYTES) {
    done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
    return;
  }
  let buffer: Buffer | null =
    Number.isSafeInteger(declared) && declared >= 0 ? Buffer.allocUnsafe(declared) : null;
  let chunks: Buffer[] = [];
  let received = 0;
  const stop = () => {
    payload.removeListener('data', onData);
    payload.removeListener('end', onEnd);
    payload.removeListener('error', onEnd);
  };
  function onData(chunk: Buffer | string) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    received += data.length;
    if (received > MAX_IMPORT_BYTES || (payload.receivedEncodedLength ?? 0) > MAX_IMPORT_BYTES) {
      stop();
      buffer = null;
      chunks = [];
      done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
      return;
    }
    // More than announced is refused at the end, as fastify does.
    if (!buffer) chunks.push(data);
    else if (received <= buffer.length) data.copy(buffer, received - data.length);
  }
  function onEnd(error?: Error & { statusCode?: number }) {
    stop();
    if (error != null) {
      if (!(typeof error.statusCode === 'number' && error.statusCode >= 400)) error.statusCode = 400;
      done(error);
      return;
    }
    if (!Number.isNaN(declared) && (payload.receivedEncodedLength || received) !== declared) {
      done(new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH());
      return;
    }
    const bytes = buffer ?? (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, received));
    buffer = null;
    chunks = [];
    done(null, bytes);
  }
  payload.on('data', onData);
  payload.on('end', onEnd);
  payload.on('error', onEnd);
  payload.resume();
}

/**
 * Reads a multipart upload's file into one buffer, as @fastify/multipart's toBuffer does (the same
 * errors), but without holding its chunks and their concatenation at once (100 MB for a 50 MB file):
 * the chunks are copied as they come into a buffer as large as the request, which holds the file.
 * Without a usable content-length (a chunked upload), the chunks are joined at the end as toBuffer does.
 */
async function readFilePart(request: FastifyRequest, file: MultipartFile): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  // The form around the file (boundaries, part headers, a few fields) is part of the request too.
  let buffer: Buffer | null =
    Number.isSafeInteger(declared) && declared > 0 && declared <= MAX_IMPORT_BYTES + (1 << 20)
      ? Buffer.allocUnsafe(declared)
      : null;
  let chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of file.file as AsyncIterable<Buffer>) {
    if (file.file.truncated) {
      // Over the size limit: keep reading to the end of the part (as toBuffer does), keep nothing.
      buffer = null;
      chunks = [];
      continue;
    }
    if (buffer && length + chunk.length <= buffer.length) {
      chunk.copy(buffer, length);
    } else {
      // More than the request announced (it cannot be): collect the rest as chunks.
      if (buffer) chunks.push(buffer.subarray(0, length));
      buffer = null;
      chunks.push(chunk);
    }
    length += chunk.length;
  }
  if (file.file.truncated) throw new request.server.multipartErrors.RequestFileTooLargeError();
  if (buffer) return buffer.subarray(0, length);
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length);
}

/** The UTF-8 encodings of the white space beyond ASCII that String.prototype.trim removes. */
const UNICODE_SPACES = [
  '\u00a0',
  '\u1680',
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
].map((space) => Buffer.from(space));

/** True when UTF-8 bytes decode to white space only (what `text.trim() === ''` says of their text). */
function isBlankBytes(bytes: Buffer): boolean {
  let i = 0;
  next: while (i < bytes.length) {
    const byte = bytes[i] as number;
    if (byte === 32 || (byte >= 9 && byte <= 13)) {
      i++;
      continue;
    }
    if (byte < 128) return false;
    for (const space of UNICODE_SPACES) {
      if (bytes.compare(space, 0, space.length, i, i + space.length) === 0) {
        i += space.length;
        continue next;
      }
    }
    return false;
  }
  return true;
}

/**
 * A file arrives as the raw body (text/calendar or text/csv, as tools and scripts send it) or as a
 * browser upload (multipart/form-data with one file). Either way: its UTF-8 bytes and its name, if
 * any. The bytes are not decoded here: the ICS reader reads them as they are (one copy of a 50 MB
 * file in memory, not two).
 */
async function readUploadedText(
  request: FastifyRequest,
  what: string,
): Promise<{ text: Buffer; fileName: string | null }> {
  let bytes: Buffer;
  let fileName: string | null = null;
  if (request.isMultipart()) {
    const file = await request.file().catch(malformedUpload);
    if (!file) {
      throw new AppError('validation_failed', `Attach the ${what} as a file`, [
        { path: ['body', 'file'], message: 'is required' },
      ]);
    }
    fileName = file.filename || null;
    bytes = await readFilePart(request, file).catch(malformedUpload);
    if (file.file.truncated) throw new AppError('payload_too_large', `The ${what} is larger than 50 MB`);
  } else if (Buffer.isBuffer(request.body)) {
    bytes = request.body;
    // The importer drops the file once it is parsed; the request must not keep it until it is answered.
    request.body = undefined;
  } else {
    throw new AppError(
      'unsupported_media_type',
      `Send the ${what} as the request body or as a multipart file upload`,
    );
  }
  if (isBlankBytes(bytes)) {
    throw new AppError('validation_failed', `The ${what} is empty`, [
      { path: ['body'], message: 'is empty' },
    ]);
  }
  return { text: bytes, fileName };
}

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(['text/calendar', 'text/csv', 'text/plain'], readTextBody);
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
      // No local keeps the text: importIcs drops it once parsed (see there).
      return importIcs({ db: request.db, sql: app.sql }, request.auth, {
        ...(await readUploadedText(request, 'calendar file')),
        ownsText: true,
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
      const upload = await readUploadedText(request, 'CSV file');
      const text = upload.text.toString('utf8');
      releaseBytes(upload.text);
      return importCsv({ db: request.db, sql: app.sql }, request.auth, {
        text,
        fileName: upload.fileName,
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
