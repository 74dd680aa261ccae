import { useMutation } from '@tanstack/react-query';
import { authEndpoints } from '@tiltmeter/shared/auth';
import { apiPost } from '../../../lib/api-client.ts';

const SignOutResponseSchema = authEndpoints.signOut.schema.response[200];

export function signOut(): Promise<unknown> {
  return apiPost(authEndpoints.signOut.url, {}, SignOutResponseSchema);
}

/** The caller clears the cached data of the signed-out user and leaves the app in `onSuccess`. */
export function useSignOut() {
  return useMutation({ mutationFn: signOut });
}
