import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client.ts';

const MAX_RETRIES = 2;

/** One factory so the app and the tests get the same defaults (tests may override per query). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Entries change when someone imports or reclassifies, not second by second.
        staleTime: 30_000,
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.isClientError) return false;
          return failureCount < MAX_RETRIES;
        },
      },
      mutations: {
        // A repeated write is the user's decision, never the client's.
        retry: false,
      },
    },
  });
}
