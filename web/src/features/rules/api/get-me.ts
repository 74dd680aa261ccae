import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Me, meEndpoints } from '@tiltmeter/shared/accounts';
import { apiGet } from '../../../lib/api-client.ts';
import { ruleKeys } from './query-keys.ts';

/** Who is editing: the role decides whether the organization's rules are editable. */
export function getMe({ signal }: { signal?: AbortSignal } = {}): Promise<Me> {
  return apiGet(meEndpoints.get.url, meEndpoints.get.schema.response[200], { signal });
}

export function getMeQueryOptions() {
  return queryOptions({ queryKey: ruleKeys.me(), queryFn: ({ signal }) => getMe({ signal }) });
}

export function useMe() {
  return useQuery(getMeQueryOptions());
}
