import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Team, teamEndpoints } from '@tiltmeter/shared/teams';
import { apiGet } from '../../../lib/api-client.ts';
import { ruleKeys } from './query-keys.ts';

export async function getTeams({ signal }: { signal?: AbortSignal } = {}): Promise<Team[]> {
  const { items } = await apiGet(teamEndpoints.list.url, teamEndpoints.list.schema.response[200], { signal });
  return items;
}

export function getTeamsQueryOptions() {
  return queryOptions({ queryKey: ruleKeys.teams(), queryFn: ({ signal }) => getTeams({ signal }) });
}

export function useTeams() {
  return useQuery(getTeamsQueryOptions());
}
