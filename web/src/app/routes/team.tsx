import { createLazyRoute } from '@tanstack/react-router';
import { ContentLayout } from '../../components/layouts/content-layout.tsx';
import { PrivacyNote } from '../../components/privacy-note.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { TeamIcon } from '../../components/ui/icons.tsx';

export const Route = createLazyRoute('/team')({ component: TeamPage });

function TeamPage() {
  return (
    <ContentLayout
      title="Team retro"
      description="How your team's maker time changed this sprint, which recurring meetings cost the most focus, and whether you kept your working agreements."
    >
      <div className="space-y-6">
        <EmptyState icon={<TeamIcon />} title="No team data yet">
          Once your team's members have imported their calendars, this page compares sprint with sprint and
          ranks recurring meetings by the focus time they cost.
        </EmptyState>
        <PrivacyNote>
          <strong className="font-medium text-slate-900">Aggregates only.</strong> Team views never show a
          person's entries, and groups smaller than the minimum size (5 members by default) stay hidden.
        </PrivacyNote>
      </div>
    </ContentLayout>
  );
}
