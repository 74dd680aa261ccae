import { useMutation } from '@tanstack/react-query';
import { authEndpoints, type ResetPasswordBody, StatusResponseSchema } from '@tiltmeter/shared/auth';
import { apiPost } from '../../../lib/api-client.ts';

/** Sets a new password with the token of the emailed link; every session of the user ends. */
export function resetPassword(body: ResetPasswordBody) {
  return apiPost(authEndpoints.resetPassword.url, body, StatusResponseSchema);
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
