import { queryOptions, useQuery } from '@tanstack/react-query';
import { type ImportBatch, listImportsEndpoint } from '@tiltmeter/shared/imports';
import { apiGet } from '../../../lib/api-client.ts';
import { importKeys } from './query-keys.ts';

const schema = listImportsEndpoint.schema.response[200];

export async function getImports({ signal }: { signal?: AbortSignal } = {}): Promise<ImportBatch[]> {
  const { items } = await apiGet(listImportsEndpoint.url, schema, { signal });
  return items;
}

export function getImportsQueryOptions() {
  return queryOptions({
    queryKey: importKeys.history(),
    queryFn: ({ signal }) => getImports({ signal }),
  });
}

export function useImports() {
  return useQuery(getImportsQueryOptions());
}
