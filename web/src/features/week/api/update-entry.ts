import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Entry, entryEndpoints, type UpdateEntryBody } from '@tiltmeter/shared/entries';
import type { WeekDetailResponse } from '@tiltmeter/shared/metrics-api';
import { apiPatch } from '../../../lib/api-client.ts';
import { exceptEntry, weekKeys } from './query-keys.ts';

const { update } = entryEndpoints;

export interface ReclassifyInput {
  id: string;
  /** null returns the entry (or the series) to the rules. */
  category: 'maker' | 'manager' | 'neutral' | 'excluded' | null;
  subtype: UpdateEntryBody['subtype'];
  scope: 'entry' | 'series';
}

export function reclassifyEntry({ id, category, subtype, scope }: ReclassifyInput): Promise<Entry> {
  const body: UpdateEntryBody = {
    category,
    subtype: category === 'manager' ? subtype : null,
    ...(scope === 'series' ? { scope } : {}),
  };
  return apiPatch(update.url.replace(':id', encodeURIComponent(id)), body, update.schema.response[200]);
}

/**
 * Reclassifies in place: the block takes its new colour at once (the cached week is patched), then
 * every view that derives from entries is refetched, because the week's metrics, the trend and the
 * team aggregates all move with it.
 */
export function useReclassifyEntry(week: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reclassifyEntry,
    onMutate: async (input) => {
      const key = weekKeys.detail(week);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<WeekDetailResponse>(key);
      if (previous && input.category !== null) {
        const target = previous.entries.find((entry) => entry.id === input.id);
        const touches = (entry: WeekDetailResponse['entries'][number]) =>
          entry.id === input.id ||
          (input.scope === 'series' && target?.seriesId != null && entry.seriesId === target.seriesId);
        queryClient.setQueryData<WeekDetailResponse>(key, {
          ...previous,
          entries: previous.entries.map((entry) =>
            touches(entry)
              ? {
                  ...entry,
                  category: input.category as NonNullable<ReclassifyInput['category']>,
                  subtype: input.category === 'manager' ? (input.subtype ?? null) : null,
                  overridden: true,
                }
              : entry,
          ),
        });
      }
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(weekKeys.detail(week), context.previous);
    },
    onSettled: () => queryClient.invalidateQueries(),
  });
}

export interface EditEntryInput {
  id: string;
  /** Only the fields that changed: an imported entry is marked edited by any field it is sent. */
  body: Pick<UpdateEntryBody, 'title' | 'start' | 'end' | 'timeZone' | 'allDay'>;
}

export function editEntry({ id, body }: EditEntryInput): Promise<Entry> {
  return apiPatch(update.url.replace(':id', encodeURIComponent(id)), body, update.schema.response[200]);
}

/**
 * Edits an entry's title or times. The cached week takes the server's answer at once (the block moves
 * where it now belongs), then everything derived from entries is refetched before the mutation
 * settles: the week's blocks and metrics, the trend, the team aggregates and the inbox.
 */
export function useEditEntry(week: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: editEntry,
    onSuccess: async (entry) => {
      queryClient.setQueryData<WeekDetailResponse>(weekKeys.detail(week), (previous) =>
        previous
          ? {
              ...previous,
              entries: previous.entries.map((item) =>
                item.id === entry.id
                  ? {
                      ...item,
                      title: entry.title,
                      start: entry.start,
                      end: entry.end,
                      category: entry.category,
                      subtype: entry.subtype,
                      reason: entry.reason,
                    }
                  : item,
              ),
            }
          : previous,
      );
      queryClient.setQueryData(weekKeys.entry(entry.id), entry);
      await queryClient.invalidateQueries(exceptEntry(entry.id));
    },
  });
}
