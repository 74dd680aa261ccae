import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  type ListMembersResponse,
  ListMembersResponseSchema,
  memberEndpoints,
} from '@tiltmeter/shared/accounts';
import { apiGet } from '../../../lib/api-client.ts';
import { accountsKeys } from './query-keys.ts';

export function getMembers({ signal }: { signal?: AbortSignal } = {}): Promise<ListMembersResponse> {
  return apiGet(memberEndpoints.list.url, ListMembersResponseSchema, { signal });
}

export function getMembersQueryOptions() {
  // Others join, leave and change roles: refetch on every visit, showing the cache meanwhile.
  return queryOptions({
    queryKey: accountsKeys.members(),
    queryFn: ({ signal }) => getMembers({ signal }),
    staleTime: 0,
  });
}

export function useMembers() {
  return useQuery(getMembersQueryOptions());
}
