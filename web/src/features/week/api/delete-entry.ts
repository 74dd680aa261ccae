import { useMutation, useQueryClient } from '@tanstack/react-query';
import { entryEndpoints } from '@tiltmeter/shared/entries';
import { apiDelete } from '../../../lib/api-client.ts';

const noBody = { safeParse: () => ({ success: true as const, data: undefined }) };

/** Deletes an entry (204, no body). An imported entry returns with the next import of its calendar. */
export function deleteEntry(id: string): Promise<void> {
  return apiDelete(entryEndpoints.remove.url.replace(':id', encodeURIComponent(id)), noBody);
}

export function useDeleteEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteEntry,
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
