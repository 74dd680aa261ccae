import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ResolvedThresholds } from '@tiltmeter/shared/metrics';
import { metricsEndpoints } from '@tiltmeter/shared/metrics-api';
import { apiGet } from '../../../lib/api-client.ts';
import { weekKeys } from './query-keys.ts';

const { myWeeks } = metricsEndpoints;

/**
 * The thresholds a week was measured against (deep-block floor, heavy-day limit), with their sources:
 * the series endpoint serves them, so ask it for the one week.
 */
export async function getWeekThresholds(
  week: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<ResolvedThresholds> {
  const response = await apiGet(myWeeks.url, myWeeks.schema.response[200], {
    signal,
    query: { from: week, to: week },
  });
  return response.thresholds;
}

export function getWeekThresholdsQueryOptions(week: string) {
  return queryOptions({
    queryKey: weekKeys.thresholds(week),
    queryFn: ({ signal }) => getWeekThresholds(week, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useWeekThresholds(week: string) {
  return useQuery(getWeekThresholdsQueryOptions(week));
}
