import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Subscription, subscriptionEndpoints } from '@tiltmeter/shared/subscriptions';
import { apiPost } from '../../../lib/api-client.ts';

const schema = subscriptionEndpoints.refresh.schema.response[200];

export function refreshSubscription(id: string): Promise<Subscription> {
  return apiPost(subscriptionEndpoints.refresh.url.replace(':id', encodeURIComponent(id)), undefined, schema);
}

export function useRefreshSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: refreshSubscription,
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
