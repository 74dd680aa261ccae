import { useMutation, useQueryClient } from '@tanstack/react-query';
import { entryEndpoints } from '@tiltmeter/shared/entries';
import type { WeekDetailResponse } from '@tiltmeter/shared/metrics-api';
import { apiDelete } from '../../../lib/api-client.ts';
import { exceptEntry, weekKeys } from './query-keys.ts';

const noBody = { safeParse: () => ({ success: true as const, data: undefined }) };

/**
 * Deletes an entry (204, no body). An imported entry returns with the next import of its calendar
 * while the event is still in it: the server keeps no record of deletions.
 */
export function deleteEntry(id: string): Promise<void> {
  return apiDelete(entryEndpoints.remove.url.replace(':id', encodeURIComponent(id)), noBody);
}

/**
 * Deletes an entry of `week`: it leaves the cached week at once, then everything derived from entries
 * is refetched before the mutation settles (the week's metrics, the trend, the team aggregates, the
 * inbox).
 */
export function useDeleteEntry(week: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteEntry,
    onSuccess: async (_result, id) => {
      queryClient.setQueryData<WeekDetailResponse>(weekKeys.detail(week), (previous) =>
        previous ? { ...previous, entries: previous.entries.filter((entry) => entry.id !== id) } : previous,
      );
      await queryClient.invalidateQueries(exceptEntry(id));
    },
  });
}
