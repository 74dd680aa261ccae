import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type CreateSubscriptionBody,
  type Subscription,
  subscriptionEndpoints,
} from '@tiltmeter/shared/subscriptions';
import { apiPost } from '../../../lib/api-client.ts';

const schema = subscriptionEndpoints.create.schema.response[201];

/** Subscribes and imports at once: the answer already says whether the calendar could be read. */
export function createSubscription(body: CreateSubscriptionBody): Promise<Subscription> {
  return apiPost(subscriptionEndpoints.create.url, body, schema);
}

export function useCreateSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSubscription,
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
