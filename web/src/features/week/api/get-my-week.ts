import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { metricsEndpoints, type WeekDetailResponse } from '@tiltmeter/shared/metrics-api';
import { apiGet } from '../../../lib/api-client.ts';
import { weekKeys } from './query-keys.ts';

const { myWeek } = metricsEndpoints;

export function getMyWeek(
  week: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<WeekDetailResponse> {
  return apiGet(myWeek.url.replace(':week', encodeURIComponent(week)), myWeek.schema.response[200], {
    signal,
  });
}

export function getMyWeekQueryOptions(week: string) {
  return queryOptions({
    queryKey: weekKeys.detail(week),
    queryFn: ({ signal }) => getMyWeek(week, { signal }),
  });
}

/** Keeps the previous week on screen while the next one loads, so stepping through weeks does not flash. */
export function useMyWeek(week: string) {
  return useQuery({ ...getMyWeekQueryOptions(week), placeholderData: keepPreviousData });
}
