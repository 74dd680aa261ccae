import { createLazyRoute } from '@tanstack/react-router';
import { ContentLayout } from '../../components/layouts/content-layout.tsx';
import { PrivacyNote } from '../../components/privacy-note.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { OrgIcon } from '../../components/ui/icons.tsx';

export const Route = createLazyRoute('/org')({ component: OrgPage });

function OrgPage() {
  return (
    <ContentLayout
      title="Org patterns"
      description="Which teams have been tilting toward manager work for weeks, and where burnout patterns are forming."
    >
      <div className="space-y-6">
        <EmptyState icon={<OrgIcon />} title="No teams to compare yet">
          When teams have a few weeks of entries, each team's weekly maker share appears here as a heatmap,
          with the signals raised across the organization.
        </EmptyState>
        <PrivacyNote>
          <strong className="font-medium text-slate-900">Patterns, not people.</strong> There are no rankings
          of individuals, and teams below the minimum group size are left out.
        </PrivacyNote>
      </div>
    </ContentLayout>
  );
}
