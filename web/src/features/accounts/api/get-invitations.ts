import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  invitationEndpoints,
  type ListInvitationsResponse,
  ListInvitationsResponseSchema,
} from '@tiltmeter/shared/accounts';
import { apiGet } from '../../../lib/api-client.ts';
import { accountsKeys } from './query-keys.ts';

/** Admins only: pending and past invitations, newest first. */
export function getInvitations({ signal }: { signal?: AbortSignal } = {}): Promise<ListInvitationsResponse> {
  return apiGet(invitationEndpoints.list.url, ListInvitationsResponseSchema, { signal });
}

export function getInvitationsQueryOptions() {
  // Invitees accept elsewhere: refetch on every visit, showing the cache meanwhile.
  return queryOptions({
    queryKey: accountsKeys.invitations(),
    queryFn: ({ signal }) => getInvitations({ signal }),
    staleTime: 0,
  });
}

export function useInvitations({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getInvitationsQueryOptions(), enabled });
}
