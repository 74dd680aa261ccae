import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { metricsEndpoints, type WeekSeriesResponse } from '@tiltmeter/shared/metrics-api';
import { apiGet } from '../../../lib/api-client.ts';
import { trendKeys } from './query-keys.ts';

const { myWeeks } = metricsEndpoints;

/** The member's weeks from `from` to `to` (both included), oldest first, with the thresholds used. */
export function getMyWeeks(
  range: { from: string; to: string },
  { signal }: { signal?: AbortSignal } = {},
): Promise<WeekSeriesResponse> {
  return apiGet(myWeeks.url, myWeeks.schema.response[200], { signal, query: range });
}

export function getMyWeeksQueryOptions(range: { from: string; to: string }) {
  return queryOptions({
    queryKey: trendKeys.series(range.from, range.to),
    queryFn: ({ signal }) => getMyWeeks(range, { signal }),
  });
}

/** Keeps the last range on screen while another loads (switching 26 to 52 weeks does not blank the chart). */
export function useMyWeeks(range: { from: string; to: string }) {
  return useQuery({ ...getMyWeeksQueryOptions(range), placeholderData: keepPreviousData });
}
