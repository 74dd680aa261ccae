import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { metricsEndpoints, type OrgMetricsResponse } from '@tiltmeter/shared/metrics-api';
import { apiGet } from '../../../lib/api-client.ts';
import { orgPatternKeys } from './query-keys.ts';

const { orgMetrics } = metricsEndpoints;

/** Every team's weeks (shown or suppressed), signal prevalence and tilt, for managers and admins. */
export function getOrgMetrics(
  range: { from: string; to: string },
  { signal }: { signal?: AbortSignal } = {},
): Promise<OrgMetricsResponse> {
  return apiGet(orgMetrics.url, orgMetrics.schema.response[200], { signal, query: range });
}

export function getOrgMetricsQueryOptions(range: { from: string; to: string }) {
  return queryOptions({
    queryKey: orgPatternKeys.metrics(range.from, range.to),
    queryFn: ({ signal }) => getOrgMetrics(range, { signal }),
    staleTime: 60_000,
  });
}

export function useOrgMetrics(
  range: { from: string; to: string },
  { enabled = true }: { enabled?: boolean } = {},
) {
  return useQuery({ ...getOrgMetricsQueryOptions(range), enabled, placeholderData: keepPreviousData });
}
