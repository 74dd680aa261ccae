import { useMutation } from '@tanstack/react-query';
import { invitationEndpoints, type Me, MeSchema } from '@tiltmeter/shared/accounts';
import { apiPost } from '../../../lib/api-client.ts';

/** Joins the inviting organization (the signed-in email must be the invited one) and makes it current. */
export function acceptInvitation(invitationId: string): Promise<Me> {
  return apiPost(
    invitationEndpoints.accept.url.replace(':id', encodeURIComponent(invitationId)),
    {},
    MeSchema,
  );
}

/** Everything cached belongs to the previous organization (or to no one): the caller resets the cache. */
export function useAcceptInvitation() {
  return useMutation({ mutationFn: acceptInvitation });
}
