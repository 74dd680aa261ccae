import { z } from 'zod';
import { IdParamsSchema } from './accounts.ts';

/**
 * Personal API tokens: `Authorization: Bearer <token>` on every /api/v1 route, with the rights of the
 * member who made it, in the organization it was made in. The secret is shown once, at creation;
 * only its hash is stored.
 */

export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The readable start of the token (`tm_...`), to recognise it. */
  prefix: z.string(),
  lastUsedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const CreateApiTokenBodySchema = z.object({ name: z.string().trim().min(1).max(100) });
export type CreateApiTokenBody = z.infer<typeof CreateApiTokenBodySchema>;

export const CreatedApiTokenSchema = z.object({
  token: ApiTokenSchema,
  /** The whole token. It is never shown again. */
  secret: z.string(),
});
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;

export const ListApiTokensResponseSchema = z.object({ items: z.array(ApiTokenSchema) });
export type ListApiTokensResponse = z.infer<typeof ListApiTokensResponseSchema>;

export const tokenEndpoints = {
  /** My active (not revoked) tokens in the current organization. */
  list: {
    method: 'GET',
    url: '/api/v1/tokens',
    schema: { response: { 200: ListApiTokensResponseSchema } },
  },
  create: {
    method: 'POST',
    url: '/api/v1/tokens',
    schema: { body: CreateApiTokenBodySchema, response: { 201: CreatedApiTokenSchema } },
  },
  /** Revokes one of my tokens; it stops working at once. */
  revoke: {
    method: 'DELETE',
    url: '/api/v1/tokens/:id',
    schema: { params: IdParamsSchema, response: { 204: z.null() } },
  },
} as const;
