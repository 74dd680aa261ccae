import { queryOptions, useQuery } from '@tanstack/react-query';
import { type ListRulesResponse, ruleEndpoints } from '@tiltmeter/shared/rules';
import { apiGet } from '../../../lib/api-client.ts';
import { ruleKeys } from './query-keys.ts';

export function getRules(
  teamId: string | null,
  { signal }: { signal?: AbortSignal } = {},
): Promise<ListRulesResponse> {
  return apiGet(ruleEndpoints.list.url, ruleEndpoints.list.schema.response[200], {
    signal,
    query: { teamId },
  });
}

export function getRulesQueryOptions(teamId: string | null) {
  return queryOptions({
    queryKey: ruleKeys.list(teamId),
    queryFn: ({ signal }) => getRules(teamId, { signal }),
  });
}

export function useRules(teamId: string | null) {
  return useQuery(getRulesQueryOptions(teamId));
}
