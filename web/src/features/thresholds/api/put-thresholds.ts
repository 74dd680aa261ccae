import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ThresholdOverrides } from '@tiltmeter/shared/metrics';
import { type ThresholdSettingsResponse, thresholdEndpoints } from '@tiltmeter/shared/thresholds-api';
import { apiPut } from '../../../lib/api-client.ts';
import { thresholdKeys } from './query-keys.ts';

/** The layer being edited: the organization's, one team's, or the caller's own. */
export type ThresholdScope = { kind: 'org' } | { kind: 'team'; teamId: string } | { kind: 'member' };

function scopeUrl(scope: ThresholdScope): string {
  if (scope.kind === 'org') return thresholdEndpoints.putOrganization.url;
  if (scope.kind === 'member') return thresholdEndpoints.putMe.url;
  return thresholdEndpoints.putTeam.url.replace(':teamId', encodeURIComponent(scope.teamId));
}

/** Replaces the scope's overrides as a whole; the answer is the whole screen's data again. */
export function putThresholds(
  scope: ThresholdScope,
  overrides: ThresholdOverrides,
): Promise<ThresholdSettingsResponse> {
  return apiPut(scopeUrl(scope), overrides, thresholdEndpoints.get.schema.response[200]);
}

export function usePutThresholds() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ scope, overrides }: { scope: ThresholdScope; overrides: ThresholdOverrides }) =>
      putThresholds(scope, overrides),
    onSuccess: async (settings) => {
      queryClient.setQueryData(thresholdKeys.settings(), settings);
      // Signals are computed when read: every view that shows them is out of date now.
      await queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== thresholdKeys.all[0],
      });
    },
  });
}
