import type { QueryClient } from '@tanstack/react-query';
import type { Me } from '@tiltmeter/shared/accounts';
import { getMeQueryOptions } from '../../features/accounts/api/get-me.ts';
import { currentIsoWeek } from '../../lib/iso-week.ts';

/**
 * Helpers of the pages' `prefetch` functions. Each lazy page module exports one; its route's loader
 * (router.tsx) calls it as soon as the page's code is there, which on a first load is while the
 * session is still being checked, so the page's requests start before the page renders instead of
 * after. Prefetches use the pages' own query options (one request each) and are never awaited: the
 * page shows its skeleton at once and picks the answers up through TanStack Query.
 */

/** The signed-in member, cached by the root guard before any loader runs. */
export function cachedMe(queryClient: QueryClient): Me | null {
  return queryClient.getQueryData(getMeQueryOptions().queryKey) ?? null;
}

/** "This week" for personal views: the member's own zone. */
export function memberWeek(queryClient: QueryClient): string {
  return currentIsoWeek(cachedMe(queryClient)?.settings?.timeZone ?? 'UTC');
}
