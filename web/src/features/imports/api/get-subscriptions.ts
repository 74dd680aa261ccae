import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Subscription, subscriptionEndpoints } from '@tiltmeter/shared/subscriptions';
import { apiGet } from '../../../lib/api-client.ts';
import { subscriptionKeys } from './query-keys.ts';

const schema = subscriptionEndpoints.list.schema.response[200];

export async function getSubscriptions({ signal }: { signal?: AbortSignal } = {}): Promise<Subscription[]> {
  const { items } = await apiGet(subscriptionEndpoints.list.url, schema, { signal });
  return items;
}

export function getSubscriptionsQueryOptions() {
  return queryOptions({
    queryKey: subscriptionKeys.list(),
    queryFn: ({ signal }) => getSubscriptions({ signal }),
    // Refreshes happen on the server's schedule; a minute keeps "last refreshed" honest.
    refetchInterval: 60_000,
  });
}

export function useSubscriptions() {
  return useQuery(getSubscriptionsQueryOptions());
}
