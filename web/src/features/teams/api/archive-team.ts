import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Team, TeamSchema, teamEndpoints } from '@tiltmeter/shared/teams';
import { apiPost } from '../../../lib/api-client.ts';
import { teamsKeys } from './query-keys.ts';

export function archiveTeam(teamId: string): Promise<Team> {
  return apiPost(teamEndpoints.archive.url.replace(':id', encodeURIComponent(teamId)), {}, TeamSchema);
}

/** The team keeps its history but grants no visibility any more. */
export function useArchiveTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: archiveTeam,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamsKeys.all }),
  });
}
