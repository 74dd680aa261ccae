import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ClassifyEntriesBody, inboxEndpoints } from '@tiltmeter/shared/entries';
import { apiPost } from '../../../lib/api-client.ts';

export function classifyEntries(body: ClassifyEntriesBody): Promise<{ updated: number }> {
  return apiPost(inboxEndpoints.classify.url, body, inboxEndpoints.classify.schema.response[200]);
}

export function useClassifyEntries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: classifyEntries,
    // The entries leave the inbox, and every view of time changes with them.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
