import { useMutation } from '@tanstack/react-query';
import { authEndpoints, type ChangePasswordBody } from '@tiltmeter/shared/auth';
import { apiPost } from '../../../lib/api-client.ts';

const ChangePasswordResponseSchema = authEndpoints.changePassword.schema.response[200];

export function changePassword(body: ChangePasswordBody) {
  return apiPost(authEndpoints.changePassword.url, body, ChangePasswordResponseSchema);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
