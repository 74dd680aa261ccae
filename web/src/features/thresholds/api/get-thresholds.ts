import { queryOptions, useQuery } from '@tanstack/react-query';
import { type ThresholdSettingsResponse, thresholdEndpoints } from '@tiltmeter/shared/thresholds-api';
import { apiGet } from '../../../lib/api-client.ts';
import { thresholdKeys } from './query-keys.ts';

export function getThresholds({ signal }: { signal?: AbortSignal } = {}): Promise<ThresholdSettingsResponse> {
  return apiGet(thresholdEndpoints.get.url, thresholdEndpoints.get.schema.response[200], { signal });
}

export function getThresholdsQueryOptions() {
  return queryOptions({
    queryKey: thresholdKeys.settings(),
    queryFn: ({ signal }) => getThresholds({ signal }),
  });
}

export function useThresholds() {
  return useQuery(getThresholdsQueryOptions());
}
