import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Me, MeSchema, organizationEndpoints } from '@tiltmeter/shared/accounts';
import { apiPost } from '../../../lib/api-client.ts';
import { accountsKeys } from './query-keys.ts';

export function switchOrganization(organizationId: string): Promise<Me> {
  return apiPost(organizationEndpoints.switch.url, { organizationId }, MeSchema);
}

/**
 * Makes another of my organizations the current one. Everything cached belongs to the old one, so
 * every query but `me` is reset (emptied, and refetched where shown): stale data of one organization
 * must never flash inside another.
 */
export function useSwitchOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: switchOrganization,
    onSuccess: async (me) => {
      queryClient.setQueryData(accountsKeys.me(), me);
      const meKey = JSON.stringify(accountsKeys.me());
      await queryClient.resetQueries({ predicate: (query) => JSON.stringify(query.queryKey) !== meKey });
    },
  });
}
