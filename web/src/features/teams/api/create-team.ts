import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateTeamBody, type Team, TeamSchema, teamEndpoints } from '@tiltmeter/shared/teams';
import { apiPost } from '../../../lib/api-client.ts';
import { teamsKeys } from './query-keys.ts';

export function createTeam(body: CreateTeamBody): Promise<Team> {
  return apiPost(teamEndpoints.create.url, body, TeamSchema);
}

/** Admins and managers. */
export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTeam,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamsKeys.all }),
  });
}
