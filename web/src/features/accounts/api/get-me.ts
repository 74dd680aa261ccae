import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Me, MeSchema, meEndpoints } from '@tiltmeter/shared/accounts';
import { authEndpoints, SessionResponseSchema } from '@tiltmeter/shared/auth';
import { ApiError, apiGet } from '../../../lib/api-client.ts';
import { accountsKeys } from './query-keys.ts';

/**
 * Who is signed in, or null. The session endpoint answers 200 with null when signed out, so a
 * signed-out visit makes no failing request (a 401 would show as an error in the browser console);
 * only a session leads on to /me.
 */
export async function getMe({ signal }: { signal?: AbortSignal } = {}): Promise<Me | null> {
  const session = await apiGet(authEndpoints.getSession.url, SessionResponseSchema, { signal });
  if (!session) return null;
  try {
    return await apiGet(meEndpoints.get.url, MeSchema, { signal });
  } catch (error) {
    // The session ended between the two requests.
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function getMeQueryOptions() {
  return queryOptions({
    queryKey: accountsKeys.me(),
    queryFn: ({ signal }) => getMe({ signal }),
    staleTime: 60_000,
  });
}

export function useMe() {
  return useQuery(getMeQueryOptions());
}
