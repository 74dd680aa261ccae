import { useMutation } from '@tanstack/react-query';
import {
  authEndpoints,
  type SignedInResponse,
  SignedInResponseSchema,
  type SignUpBody,
} from '@tiltmeter/shared/auth';
import { apiPost } from '../../../lib/api-client.ts';

/** Creates the account and signs in; without `invitationId` it also makes an organization. */
export function signUp(body: SignUpBody): Promise<SignedInResponse> {
  return apiPost(authEndpoints.signUp.url, body, SignedInResponseSchema);
}

export function useSignUp() {
  return useMutation({ mutationFn: signUp });
}
