import { queryOptions, useQuery } from '@tanstack/react-query';
import { type InboxResponse, inboxEndpoints } from '@tiltmeter/shared/entries';
import { apiGet } from '../../../lib/api-client.ts';
import { inboxKeys } from './query-keys.ts';

/** The server's maximum page: the inbox shows the most recent ones and says how many there are. */
export const INBOX_LIMIT = 500;

export function getInbox({
  limit = INBOX_LIMIT,
  signal,
}: {
  limit?: number;
  signal?: AbortSignal;
} = {}): Promise<InboxResponse> {
  return apiGet(inboxEndpoints.list.url, inboxEndpoints.list.schema.response[200], {
    signal,
    query: { limit },
  });
}

export function getInboxQueryOptions(limit = INBOX_LIMIT) {
  return queryOptions({
    queryKey: inboxKeys.list(limit),
    queryFn: ({ signal }) => getInbox({ limit, signal }),
  });
}

export function useInbox(limit = INBOX_LIMIT) {
  return useQuery(getInboxQueryOptions(limit));
}

/** Only the count, for the navigation badge: the smallest page the API serves. */
export function useInboxCount({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    ...getInboxQueryOptions(1),
    select: (inbox) => inbox.total,
    enabled,
    retry: false,
  });
}
