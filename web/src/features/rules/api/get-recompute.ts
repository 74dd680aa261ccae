import { queryOptions, useQuery } from '@tanstack/react-query';
import { type RecomputeStatus, ruleEndpoints } from '@tiltmeter/shared/rules';
import { apiGet } from '../../../lib/api-client.ts';
import { ruleKeys } from './query-keys.ts';

export const RECOMPUTE_POLL_MS = 1_000;

export async function getRecompute({
  signal,
}: {
  signal?: AbortSignal;
} = {}): Promise<RecomputeStatus | null> {
  const { recompute } = await apiGet(
    ruleEndpoints.recompute.url,
    ruleEndpoints.recompute.schema.response[200],
    {
      signal,
    },
  );
  return recompute;
}

export const isRecomputeActive = (status: RecomputeStatus | null | undefined) =>
  status?.status === 'queued' || status?.status === 'running';

/** The latest reclassification, polled every second while it is queued or running. */
export function getRecomputeQueryOptions() {
  return queryOptions({
    queryKey: ruleKeys.recompute(),
    queryFn: ({ signal }) => getRecompute({ signal }),
    staleTime: 0,
    refetchInterval: (query) => (isRecomputeActive(query.state.data) ? RECOMPUTE_POLL_MS : false),
  });
}

export function useRecompute({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getRecomputeQueryOptions(), enabled });
}
