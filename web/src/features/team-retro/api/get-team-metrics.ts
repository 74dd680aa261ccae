import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { metricsEndpoints, type TeamMetricsResponse } from '@tiltmeter/shared/metrics-api';
import { apiGet } from '../../../lib/api-client.ts';
import { teamRetroKeys } from './query-keys.ts';

const { teamMetrics } = metricsEndpoints;

/** A team's aggregates over a range of weeks; suppressed cells come with their reason. */
export function getTeamMetrics(
  teamId: string,
  range: { from: string; to: string },
  { signal }: { signal?: AbortSignal } = {},
): Promise<TeamMetricsResponse> {
  return apiGet(
    teamMetrics.url.replace(':id', encodeURIComponent(teamId)),
    teamMetrics.schema.response[200],
    {
      signal,
      query: range,
    },
  );
}

export function getTeamMetricsQueryOptions(teamId: string, range: { from: string; to: string }) {
  return queryOptions({
    queryKey: teamRetroKeys.metrics(teamId, range.from, range.to),
    queryFn: ({ signal }) => getTeamMetrics(teamId, range, { signal }),
    // Aggregates move only with imports and reclassifications.
    staleTime: 60_000,
  });
}

export function useTeamMetrics(teamId: string | null, range: { from: string; to: string }) {
  return useQuery({
    ...getTeamMetricsQueryOptions(teamId ?? '', range),
    enabled: teamId !== null,
    placeholderData: keepPreviousData,
  });
}
