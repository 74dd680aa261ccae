import { useMutation, useQueryClient } from '@tanstack/react-query';
import { memberEndpoints } from '@tiltmeter/shared/accounts';
import { apiDelete } from '../../../lib/api-client.ts';
import { accountsKeys } from './query-keys.ts';

const NoContentSchema = memberEndpoints.remove.schema.response[204].optional();

export function removeMember(memberId: string): Promise<unknown> {
  return apiDelete(memberEndpoints.remove.url.replace(':id', encodeURIComponent(memberId)), NoContentSchema);
}

/** Admins only: deletes the membership with its entries, settings and tokens. */
export function useRemoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKeys.members() }),
  });
}
