import { z } from 'zod';

/**
 * The envelope every API error uses, whatever produced it (validation, a domain rule, a conflict).
 * `issues` is present for validation errors only; `path` is the zod issue path into the request
 * (for example `['body', 'start']`), so a form can put each message beside its field.
 */
export const ApiIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  /** For uploaded files (ICS, CSV): the 1-based line the problem is on. */
  line: z.int().optional(),
});
export type ApiIssue = z.infer<typeof ApiIssueSchema>;

export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(ApiIssueSchema).optional(),
  }),
});
/** Named `...Body` because the web client's thrown error class is `ApiError`. */
export type ApiErrorBody = z.infer<typeof ApiErrorSchema>;

/** `GET /api/health`: 200 when everything answers, 503 with the same shape when the database does not. */
export const HealthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'down']),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

/** Endpoint descriptor: spread into a Fastify route on the server, read by the web client. */
export const healthEndpoint = {
  method: 'GET',
  url: '/api/health',
  schema: { response: { 200: HealthResponseSchema, 503: HealthResponseSchema } },
} as const;
