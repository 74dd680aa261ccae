import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type CreateApiTokenBody,
  type CreatedApiToken,
  CreatedApiTokenSchema,
  tokenEndpoints,
} from '@tiltmeter/shared/tokens';
import { apiPost } from '../../../lib/api-client.ts';
import { tokensKeys } from './query-keys.ts';

/** The answer carries the whole secret, once; it is kept in component state only, never cached. */
export function createToken(body: CreateApiTokenBody): Promise<CreatedApiToken> {
  return apiPost(tokenEndpoints.create.url, body, CreatedApiTokenSchema);
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKeys.all }),
  });
}
