import type { QueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { ContentLayout } from '../../../components/layouts/content-layout.tsx';
import { getMyFeedQueryOptions } from '../../../features/imports/api/feed.ts';
import { getImportsQueryOptions } from '../../../features/imports/api/get-imports.ts';
import { getSubscriptionsQueryOptions } from '../../../features/imports/api/get-subscriptions.ts';
import { ExportCard } from '../../../features/imports/components/export-card.tsx';
import { FileImportCard } from '../../../features/imports/components/file-import-card.tsx';
import { ImportHistoryCard } from '../../../features/imports/components/import-history-card.tsx';
import { SubscriptionsCard } from '../../../features/imports/components/subscriptions-card.tsx';

export const Route = createLazyRoute('/settings/imports')({ component: ImportsPage });

/** The route's loader starts these (see ../prefetch.ts). */
export function prefetch(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(getSubscriptionsQueryOptions());
  void queryClient.prefetchQuery(getImportsQueryOptions());
  void queryClient.prefetchQuery(getMyFeedQueryOptions());
}

function ImportsPage() {
  return (
    <ContentLayout
      title="Imports and exports"
      description="Bring your calendar in from a file or a subscription, see what each import did, and take your classified entries out."
    >
      <div className="space-y-6">
        <FileImportCard />
        <SubscriptionsCard />
        <ImportHistoryCard />
        <ExportCard />
      </div>
    </ContentLayout>
  );
}
