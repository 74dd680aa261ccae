import { z } from 'zod';

export const SubscriptionSchema = z.object({
  id: z.string(),
  url: z.string(),
  name: z.string(),
  lastAttemptAt: z.iso.datetime().nullable(),
  lastSuccessAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  consecutiveFailures: z.int(),
  nextRefreshAt: z.iso.datetime(),
  /** Counts of the last refresh that changed anything. */
  lastCounts: z.object({ created: z.int(), updated: z.int(), removed: z.int(), skipped: z.int() }).nullable(),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

export const CreateSubscriptionBodySchema = z
  .object({
    /** An https:// or webcal:// address of an ICS calendar (Google's and Outlook's "secret address"). */
    url: z
      .string()
      .trim()
      .max(2000)
      .refine((value) => /^(https?|webcals?):\/\/[^\s]+$/i.test(value), {
        message: 'must be an https:// or webcal:// address',
      }),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type CreateSubscriptionBody = z.infer<typeof CreateSubscriptionBodySchema>;

const SubscriptionIdParamsSchema = z.object({ id: z.string().min(1) });

export const subscriptionEndpoints = {
  list: {
    method: 'GET',
    url: '/api/v1/subscriptions',
    schema: { response: { 200: z.object({ items: z.array(SubscriptionSchema) }) } },
  },
  create: {
    method: 'POST',
    url: '/api/v1/subscriptions',
    schema: { body: CreateSubscriptionBodySchema, response: { 201: SubscriptionSchema } },
  },
  refresh: {
    method: 'POST',
    url: '/api/v1/subscriptions/:id/refresh',
    schema: { params: SubscriptionIdParamsSchema, response: { 200: SubscriptionSchema } },
  },
  remove: {
    method: 'DELETE',
    url: '/api/v1/subscriptions/:id',
    schema: { params: SubscriptionIdParamsSchema, response: { 204: z.null() } },
  },
} as const;
