import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable, isUnstorableText } from '../lib/database-errors.ts';
import { AppError, ERROR_STATUS, type ErrorCode, type ErrorIssue } from '../lib/errors.ts';

/** Fastify's own 4xx errors (bad JSON, body too large, wrong content type...) keep their status. */
function codeForStatus(status: number): ErrorCode {
  const match = (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).find(
    ([code, codeStatus]) => codeStatus === status && code !== 'validation_failed',
  );
  return match ? match[0] : 'bad_request';
}

/** JSON-pointer segments are strings; array indexes go back to numbers, as in zod's own paths. */
function pathSegment(segment: string): string | number {
  return /^\d+$/.test(segment) ? Number(segment) : segment;
}

function prismaErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return /^P\d{4}$/.test(error.code) ? error.code : undefined;
  }
  return undefined;
}

async function errorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(error.status)
        .send({ error: { code: error.code, message: error.message, issues: error.issues } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      const issues: ErrorIssue[] = error.validation.map((issue) => ({
        path: [where, ...issue.instancePath.split('/').filter(Boolean).map(pathSegment)],
        message: issue.message ?? 'is invalid',
      }));
      const first = issues[0];
      return reply.status(400).send({
        error: {
          code: 'validation_failed',
          message: first ? `Invalid ${first.path.join('.')}: ${first.message}` : 'The request is invalid',
          issues,
        },
      });
    }
    const prismaCode = prismaErrorCode(error);
    // P2002 from Prisma, 23505 (unique_violation) from the postgres.js hot paths.
    if (prismaCode === 'P2002' || (error as { code?: unknown }).code === '23505') {
      return reply
        .status(409)
        .send({ error: { code: 'conflict', message: 'A record with these values already exists' } });
    }
    if (prismaCode === 'P2025') {
      return reply.status(404).send({ error: { code: 'not_found', message: 'Record not found' } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: codeForStatus(status), message: error.message } });
    }
    if (isUnstorableText(error)) {
      return reply.status(400).send({
        error: {
          code: 'bad_request',
          message: 'The request holds text that cannot be stored (a NUL character or half a surrogate pair)',
        },
      });
    }
    if (isDatabaseUnavailable(error)) {
      // Not a defect: the database went away (health says so too) and the pools reconnect by
      // themselves. The client may retry; writes were all-or-nothing transactions.
      request.log.warn({ err: error }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send({
          error: {
            code: 'unavailable',
            message: 'The database is not reachable right now; try again shortly.',
          },
        });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({
      error: { code: 'internal', message: 'Something went wrong on our side; it has been logged.' },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` },
    });
  });
}

export default fp(errorHandler, { name: 'error-handler' });
