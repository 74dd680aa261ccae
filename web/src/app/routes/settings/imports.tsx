import { createLazyRoute } from '@tanstack/react-router';
import { ContentLayout } from '../../../components/layouts/content-layout.tsx';
import { ExportCard } from '../../../features/imports/components/export-card.tsx';
import { FileImportCard } from '../../../features/imports/components/file-import-card.tsx';
import { ImportHistoryCard } from '../../../features/imports/components/import-history-card.tsx';
import { SubscriptionsCard } from '../../../features/imports/components/subscriptions-card.tsx';

export const Route = createLazyRoute('/settings/imports')({ component: ImportsPage });

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
