import { queryOptions, useQuery } from '@tanstack/react-query';
import { type ListTeamsResponse, ListTeamsResponseSchema, teamEndpoints } from '@tiltmeter/shared/teams';
import { apiGet } from '../../../lib/api-client.ts';
import { teamsKeys } from './query-keys.ts';

export function getTeams({
  includeArchived = false,
  signal,
}: {
  includeArchived?: boolean;
  signal?: AbortSignal;
} = {}): Promise<ListTeamsResponse> {
  return apiGet(teamEndpoints.list.url, ListTeamsResponseSchema, {
    signal,
    query: { includeArchived: includeArchived ? 'true' : undefined },
  });
}

export function getTeamsQueryOptions({ includeArchived = false }: { includeArchived?: boolean } = {}) {
  return queryOptions({
    queryKey: teamsKeys.list(includeArchived),
    queryFn: ({ signal }) => getTeams({ includeArchived, signal }),
    // Other people change teams (an invitee joins one): refetch on every visit, showing the cache meanwhile.
    staleTime: 0,
  });
}

export function useTeams(options: { includeArchived?: boolean } = {}) {
  return useQuery(getTeamsQueryOptions(options));
}
