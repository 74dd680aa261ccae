import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type Me,
  type MemberSettings,
  MemberSettingsSchema,
  meEndpoints,
  type UpdateMySettingsBody,
} from '@tiltmeter/shared/accounts';
import { apiPatch } from '../../../lib/api-client.ts';
import { accountsKeys } from './query-keys.ts';

export function updateMySettings(body: UpdateMySettingsBody): Promise<MemberSettings> {
  return apiPatch(meEndpoints.updateSettings.url, body, MemberSettingsSchema);
}

export function useUpdateMySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMySettings,
    onSuccess: (settings) => {
      queryClient.setQueryData<Me | null>(accountsKeys.me(), (me) => (me ? { ...me, settings } : me));
      // Display names show in member and team lists.
      void queryClient.invalidateQueries({ queryKey: accountsKeys.members() });
    },
  });
}
