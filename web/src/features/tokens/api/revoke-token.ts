import { useMutation, useQueryClient } from '@tanstack/react-query';
import { tokenEndpoints } from '@tiltmeter/shared/tokens';
import { apiDelete } from '../../../lib/api-client.ts';
import { tokensKeys } from './query-keys.ts';

const NoContentSchema = tokenEndpoints.revoke.schema.response[204].optional();

export function revokeToken(tokenId: string): Promise<unknown> {
  return apiDelete(tokenEndpoints.revoke.url.replace(':id', encodeURIComponent(tokenId)), NoContentSchema);
}

/** The token stops working at once. */
export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKeys.all }),
  });
}
