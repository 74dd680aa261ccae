import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  type ListMyOrganizationsResponse,
  ListMyOrganizationsResponseSchema,
  organizationEndpoints,
} from '@tiltmeter/shared/accounts';
import { apiGet } from '../../../lib/api-client.ts';
import { accountsKeys } from './query-keys.ts';

/** The organizations I belong to, with my role in each and which one is current. */
export function getOrganizations({
  signal,
}: {
  signal?: AbortSignal;
} = {}): Promise<ListMyOrganizationsResponse> {
  return apiGet(organizationEndpoints.listMine.url, ListMyOrganizationsResponseSchema, { signal });
}

export function getOrganizationsQueryOptions() {
  return queryOptions({
    queryKey: accountsKeys.organizations(),
    queryFn: ({ signal }) => getOrganizations({ signal }),
  });
}

export function useOrganizations() {
  return useQuery(getOrganizationsQueryOptions());
}
