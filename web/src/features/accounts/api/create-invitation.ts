import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type CreateInvitationBody,
  type Invitation,
  InvitationSchema,
  invitationEndpoints,
  invitationLinkPath,
} from '@tiltmeter/shared/accounts';
import { apiPost } from '../../../lib/api-client.ts';
import { accountsKeys } from './query-keys.ts';

export function createInvitation(body: CreateInvitationBody): Promise<Invitation> {
  return apiPost(invitationEndpoints.create.url, body, InvitationSchema);
}

/**
 * The link the invitee opens (the same one the email carries). Servers without email log it, so the
 * admin gets it too, to pass on another way.
 */
export function invitationLink(invitationId: string, origin = window.location.origin): string {
  return `${origin}${invitationLinkPath(invitationId)}`;
}

/** Admins only. Inviting an address again replaces its open invitation. */
export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKeys.invitations() }),
  });
}
