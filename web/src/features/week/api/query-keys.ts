/** Query-key factory of My week: every key starts with `all`, so one invalidation covers them. */
export const weekKeys = {
  all: ['my-week'] as const,
  /** A week by day, with entries: GET /api/v1/me/weeks/:week. */
  detail: (week: string) => [...weekKeys.all, 'detail', week] as const,
  /** The week's row of the series, with the thresholds it was measured against. */
  thresholds: (week: string) => [...weekKeys.all, 'thresholds', week] as const,
  /** One entry in full (source, calendar, all-day), for the edit form and the delete confirmation. */
  entry: (id: string) => [...weekKeys.all, 'entry', id] as const,
};

/**
 * Every query but one entry's own: after that entry is edited (its answer is already in the cache) or
 * deleted (there is nothing left to fetch), refetching it would only cost a request.
 */
export function exceptEntry(id: string) {
  const own = weekKeys.entry(id);
  return {
    predicate: (query: { queryKey: readonly unknown[] }) =>
      !(query.queryKey.length === own.length && own.every((part, index) => query.queryKey[index] === part)),
  };
}
