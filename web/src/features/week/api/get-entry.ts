import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Entry, entryEndpoints } from '@tiltmeter/shared/entries';
import type { WeekEntry } from '@tiltmeter/shared/metrics-api';
import { ApiError, apiGet } from '../../../lib/api-client.ts';
import { weekKeys } from './query-keys.ts';

const { list } = entryEndpoints;

/**
 * An entry of the week in full. The week's entries carry what the calendar draws; where an entry came
 * from (a calendar file, a subscription, by hand) and whether it lasts all day come with the entry
 * itself, so ask the entries endpoint for the entry's own span and pick it out.
 */
export async function getEntry(
  entry: Pick<WeekEntry, 'id' | 'start' | 'end'>,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Entry> {
  const response = await apiGet(list.url, list.schema.response[200], {
    signal,
    query: { from: entry.start, to: entry.end },
  });
  const found = response.items.find((item) => item.id === entry.id);
  if (!found) throw new ApiError(404, 'not_found', 'This entry no longer exists.');
  return found;
}

export function getEntryQueryOptions(entry: Pick<WeekEntry, 'id' | 'start' | 'end'>) {
  return queryOptions({
    queryKey: weekKeys.entry(entry.id),
    queryFn: ({ signal }) => getEntry(entry, { signal }),
  });
}

export function useEntry(entry: Pick<WeekEntry, 'id' | 'start' | 'end'>) {
  return useQuery(getEntryQueryOptions(entry));
}
