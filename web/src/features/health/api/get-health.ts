import { queryOptions, useQuery } from '@tanstack/react-query';
import { type HealthResponse, HealthResponseSchema, healthEndpoint } from '@tiltmeter/shared/api';
import { apiGet } from '../../../lib/api-client.ts';
import { healthKeys } from './query-keys.ts';

export const HEALTH_POLL_INTERVAL_MS = 30_000;

/** A 503 still carries the health body (which part is down), so it is an answer, not an error. */
export function getHealth({ signal }: { signal?: AbortSignal } = {}): Promise<HealthResponse> {
  return apiGet(healthEndpoint.url, HealthResponseSchema, { signal, acceptStatuses: [503] });
}

export function getHealthQueryOptions() {
  return queryOptions({
    queryKey: healthKeys.status(),
    queryFn: ({ signal }) => getHealth({ signal }),
    refetchInterval: HEALTH_POLL_INTERVAL_MS,
    staleTime: HEALTH_POLL_INTERVAL_MS,
    // The poll is the retry: a failed check shows at once and the next tick tries again.
    retry: false,
  });
}

export function useHealth() {
  return useQuery(getHealthQueryOptions());
}
