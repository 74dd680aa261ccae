import { z } from 'zod';

const InstantSchema = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 instant' });

export const ExportEntriesQuerySchema = z
  .object({ from: InstantSchema, to: InstantSchema })
  .refine((value) => Date.parse(value.to) > Date.parse(value.from), {
    path: ['to'],
    message: 'must be after from',
  });

export const FeedResponseSchema = z.object({
  /** Secret URL of the member's ICS feed of classified entries; anyone with it can read the feed. */
  url: z.string().nullable(),
});
export type FeedResponse = z.infer<typeof FeedResponseSchema>;

export const exportEndpoints = {
  entriesCsv: {
    method: 'GET',
    url: '/api/v1/exports/entries.csv',
    schema: { querystring: ExportEntriesQuerySchema, produces: ['text/csv'] },
  },
  getFeed: { method: 'GET', url: '/api/v1/me/feed', schema: { response: { 200: FeedResponseSchema } } },
  rotateFeed: { method: 'POST', url: '/api/v1/me/feed', schema: { response: { 200: FeedResponseSchema } } },
  revokeFeed: { method: 'DELETE', url: '/api/v1/me/feed', schema: { response: { 200: FeedResponseSchema } } },
} as const;
