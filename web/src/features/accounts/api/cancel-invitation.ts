import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invitationEndpoints } from '@tiltmeter/shared/accounts';
import { apiDelete } from '../../../lib/api-client.ts';
import { accountsKeys } from './query-keys.ts';

const NoContentSchema = invitationEndpoints.cancel.schema.response[204].optional();

export function cancelInvitation(invitationId: string): Promise<unknown> {
  return apiDelete(
    invitationEndpoints.cancel.url.replace(':id', encodeURIComponent(invitationId)),
    NoContentSchema,
  );
}

export function useCancelInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelInvitation,
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountsKeys.invitations() }),
  });
}
