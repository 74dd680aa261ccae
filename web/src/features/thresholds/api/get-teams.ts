import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Team, teamEndpoints } from '@tiltmeter/shared/teams';
import { apiGet } from '../../../lib/api-client.ts';
import { thresholdKeys } from './query-keys.ts';

/** Teams with their leads: a lead edits their team's thresholds. */
export async function getTeams({ signal }: { signal?: AbortSignal } = {}): Promise<Team[]> {
  const { items } = await apiGet(teamEndpoints.list.url, teamEndpoints.list.schema.response[200], { signal });
  return items;
}

export function getTeamsQueryOptions() {
  return queryOptions({ queryKey: thresholdKeys.teams(), queryFn: ({ signal }) => getTeams({ signal }) });
}

export function useTeams() {
  return useQuery(getTeamsQueryOptions());
}
