import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type PreviewRulesBody, type PreviewRulesResponse, ruleEndpoints } from '@tiltmeter/shared/rules';
import { apiPost } from '../../../lib/api-client.ts';
import { ruleKeys } from './query-keys.ts';

/** The body as sent; the editor always sends `teamId` and `sampleSize`, which the server defaults. */
export type PreviewRequest = PreviewRulesBody;

export function previewRules(
  body: PreviewRequest,
  { signal }: { signal?: AbortSignal } = {},
): Promise<PreviewRulesResponse> {
  return apiPost(ruleEndpoints.preview.url, body, ruleEndpoints.preview.schema.response[200], { signal });
}

/**
 * A preview is a read, so it is a query keyed by the draft: typing back to an earlier draft shows the
 * cached answer, and a newer draft cancels the request of the older one.
 */
export function getPreviewQueryOptions(body: PreviewRequest | null) {
  return queryOptions({
    queryKey: ruleKeys.preview(body),
    queryFn: ({ signal }) => previewRules(body as PreviewRequest, { signal }),
    enabled: body !== null,
    staleTime: 10_000,
    // Keep the last numbers on screen while the next draft's are computed.
    placeholderData: keepPreviousData,
  });
}

export function usePreviewRules(body: PreviewRequest | null) {
  return useQuery(getPreviewQueryOptions(body));
}
