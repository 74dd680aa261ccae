import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Team, TeamSchema, teamEndpoints, type UpdateTeamBody } from '@tiltmeter/shared/teams';
import { apiPatch } from '../../../lib/api-client.ts';
import { teamsKeys } from './query-keys.ts';

export function updateTeam({ teamId, ...body }: UpdateTeamBody & { teamId: string }): Promise<Team> {
  return apiPatch(teamEndpoints.update.url.replace(':id', encodeURIComponent(teamId)), body, TeamSchema);
}

/** Rename, change visibility or sprint length (admins and managers). */
export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateTeam,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamsKeys.all }),
  });
}
