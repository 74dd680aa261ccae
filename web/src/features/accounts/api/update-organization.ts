import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type Me,
  type Organization,
  OrganizationSchema,
  organizationEndpoints,
  type UpdateOrganizationBody,
} from '@tiltmeter/shared/accounts';
import { apiPatch } from '../../../lib/api-client.ts';
import { accountsKeys } from './query-keys.ts';

export function updateOrganization(body: UpdateOrganizationBody): Promise<Organization> {
  return apiPatch(organizationEndpoints.updateCurrent.url, body, OrganizationSchema);
}

export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrganization,
    onSuccess: (organization) => {
      queryClient.setQueryData<Me | null>(accountsKeys.me(), (me) => (me ? { ...me, organization } : me));
      void queryClient.invalidateQueries({ queryKey: accountsKeys.organizations() });
    },
  });
}
