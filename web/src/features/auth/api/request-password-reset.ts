import { useMutation } from '@tanstack/react-query';
import { authEndpoints, type RequestPasswordResetBody, StatusResponseSchema } from '@tiltmeter/shared/auth';
import { apiPost } from '../../../lib/api-client.ts';

/** Always succeeds for a well-formed address, whether or not it has an account (no account probing). */
export function requestPasswordReset(body: RequestPasswordResetBody) {
  return apiPost(authEndpoints.requestPasswordReset.url, body, StatusResponseSchema);
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
