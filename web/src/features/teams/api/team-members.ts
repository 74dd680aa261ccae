import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Team, TeamSchema, teamEndpoints } from '@tiltmeter/shared/teams';
import { apiDelete, apiPut } from '../../../lib/api-client.ts';
import { teamsKeys } from './query-keys.ts';

function memberUrl(url: string, teamId: string, memberId: string): string {
  return url.replace(':id', encodeURIComponent(teamId)).replace(':memberId', encodeURIComponent(memberId));
}

/** Adds the member to the team, or changes whether they lead it. */
export function putTeamMember({
  teamId,
  memberId,
  isLead,
}: {
  teamId: string;
  memberId: string;
  isLead: boolean;
}): Promise<Team> {
  return apiPut(memberUrl(teamEndpoints.putMember.url, teamId, memberId), { isLead }, TeamSchema);
}

export function removeTeamMember({ teamId, memberId }: { teamId: string; memberId: string }): Promise<Team> {
  return apiDelete(memberUrl(teamEndpoints.removeMember.url, teamId, memberId), TeamSchema);
}

export function usePutTeamMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putTeamMember,
    onSettled: () => queryClient.invalidateQueries({ queryKey: teamsKeys.all }),
  });
}

export function useRemoveTeamMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeTeamMember,
    onSettled: () => queryClient.invalidateQueries({ queryKey: teamsKeys.all }),
  });
}
