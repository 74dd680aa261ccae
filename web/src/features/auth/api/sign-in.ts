import { useMutation } from '@tanstack/react-query';
import {
  authEndpoints,
  type SignedInResponse,
  SignedInResponseSchema,
  type SignInBody,
} from '@tiltmeter/shared/auth';
import { apiPost } from '../../../lib/api-client.ts';

export function signIn(body: SignInBody): Promise<SignedInResponse> {
  return apiPost(authEndpoints.signIn.url, body, SignedInResponseSchema);
}

/** The caller refreshes the session (the app's `me` query) in `onSuccess`. */
export function useSignIn() {
  return useMutation({ mutationFn: signIn });
}
