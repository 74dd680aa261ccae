import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  type ListApiTokensResponse,
  ListApiTokensResponseSchema,
  tokenEndpoints,
} from '@tiltmeter/shared/tokens';
import { apiGet } from '../../../lib/api-client.ts';
import { tokensKeys } from './query-keys.ts';

/** My active tokens in the current organization. */
export function getTokens({ signal }: { signal?: AbortSignal } = {}): Promise<ListApiTokensResponse> {
  return apiGet(tokenEndpoints.list.url, ListApiTokensResponseSchema, { signal });
}

export function getTokensQueryOptions() {
  return queryOptions({ queryKey: tokensKeys.list(), queryFn: ({ signal }) => getTokens({ signal }) });
}

export function useTokens() {
  return useQuery(getTokensQueryOptions());
}
