import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateEntryBody, type Entry, entryEndpoints } from '@tiltmeter/shared/entries';
import { apiPatch, apiPost } from '../../../lib/api-client.ts';
import type { ReclassifyInput } from './update-entry.ts';

const { create, update } = entryEndpoints;

export interface CreateEntryInput {
  body: CreateEntryBody;
  /** A category chosen in the form; absent lets the rules decide, as for an imported entry. */
  classification?: Pick<ReclassifyInput, 'category' | 'subtype'> | null;
}

/** A manual entry: created (and classified by the rules), then overridden if the form chose a category. */
export async function createEntry({ body, classification }: CreateEntryInput): Promise<Entry> {
  const entry = await apiPost(create.url, body, create.schema.response[201]);
  if (!classification?.category) return entry;
  return apiPatch(
    update.url.replace(':id', encodeURIComponent(entry.id)),
    {
      category: classification.category,
      subtype: classification.category === 'manager' ? classification.subtype : null,
    },
    update.schema.response[200],
  );
}

export function useCreateEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEntry,
    // A new entry moves the week's metrics, the trend and the team aggregates.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
