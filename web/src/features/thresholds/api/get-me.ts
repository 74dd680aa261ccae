import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Me, meEndpoints } from '@tiltmeter/shared/accounts';
import { apiGet } from '../../../lib/api-client.ts';
import { thresholdKeys } from './query-keys.ts';

/** The caller's role and member id: who may edit the organization's and which teams' thresholds. */
export function getMe({ signal }: { signal?: AbortSignal } = {}): Promise<Me> {
  return apiGet(meEndpoints.get.url, meEndpoints.get.schema.response[200], { signal });
}

export function useMe() {
  return useQuery(queryOptions({ queryKey: thresholdKeys.me(), queryFn: ({ signal }) => getMe({ signal }) }));
}
