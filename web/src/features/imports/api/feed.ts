import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { exportEndpoints, type FeedResponse } from '@tiltmeter/shared/exports';
import { apiDelete, apiGet, apiPost } from '../../../lib/api-client.ts';
import { feedKeys } from './query-keys.ts';

const { getFeed, rotateFeed, revokeFeed } = exportEndpoints;

export function getMyFeed({ signal }: { signal?: AbortSignal } = {}): Promise<FeedResponse> {
  return apiGet(getFeed.url, getFeed.schema.response[200], { signal });
}

export function getMyFeedQueryOptions() {
  return queryOptions({ queryKey: feedKeys.mine(), queryFn: ({ signal }) => getMyFeed({ signal }) });
}

export function useMyFeed() {
  return useQuery(getMyFeedQueryOptions());
}

/** Enables the feed, or replaces its secret URL (the old one stops working at once). */
export function rotateMyFeed(): Promise<FeedResponse> {
  return apiPost(rotateFeed.url, undefined, rotateFeed.schema.response[200]);
}

export function revokeMyFeed(): Promise<FeedResponse> {
  return apiDelete(revokeFeed.url, revokeFeed.schema.response[200]);
}

function useFeedMutation(mutationFn: () => Promise<FeedResponse>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (feed) => queryClient.setQueryData(feedKeys.mine(), feed),
  });
}

export const useRotateMyFeed = () => useFeedMutation(rotateMyFeed);
export const useRevokeMyFeed = () => useFeedMutation(revokeMyFeed);
