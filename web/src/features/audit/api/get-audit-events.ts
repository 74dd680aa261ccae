import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import {
  type AuditAction,
  auditEndpoints,
  type ListAuditResponse,
  ListAuditResponseSchema,
} from '@tiltmeter/shared/audit';
import { apiGet } from '../../../lib/api-client.ts';
import { auditKeys } from './query-keys.ts';

export const AUDIT_PAGE_SIZE = 50;

export function getAuditEvents({
  action,
  cursor,
  limit = AUDIT_PAGE_SIZE,
  signal,
}: {
  action?: AuditAction | undefined;
  cursor?: string | undefined;
  limit?: number;
  signal?: AbortSignal;
}): Promise<ListAuditResponse> {
  return apiGet(auditEndpoints.list.url, ListAuditResponseSchema, {
    signal,
    query: { action, cursor, limit },
  });
}

/** Admins only: newest first, one page at a time ("Load older events"). */
export function getAuditEventsQueryOptions(filters: { action?: AuditAction | undefined } = {}) {
  return infiniteQueryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getAuditEvents({ action: filters.action, cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAuditEvents(filters: { action?: AuditAction | undefined } = {}) {
  return useInfiniteQuery(getAuditEventsQueryOptions(filters));
}
