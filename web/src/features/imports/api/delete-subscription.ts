import { useMutation, useQueryClient } from '@tanstack/react-query';
import { subscriptionEndpoints } from '@tiltmeter/shared/subscriptions';
import { apiDelete } from '../../../lib/api-client.ts';

const schema = { safeParse: () => ({ success: true as const, data: undefined }) };

/** Unsubscribes; the server removes the subscription's entries with it (204, no body). */
export function deleteSubscription(id: string): Promise<void> {
  return apiDelete(subscriptionEndpoints.remove.url.replace(':id', encodeURIComponent(id)), schema);
}

export function useDeleteSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSubscription,
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
