import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { ContentLayout } from '../../components/layouts/content-layout.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { LockIcon } from '../../components/ui/icons.tsx';
import { OrgPatternsView } from '../../features/org-patterns/components/org-patterns-view.tsx';
import { DEFAULT_ORG_RANGE } from '../../features/org-patterns/utils/search.ts';
import { currentIsoWeek } from '../../lib/iso-week.ts';
import { useSession } from '../layout/session.tsx';

export const Route = createLazyRoute('/org')({ component: OrgPage });

function OrgPage() {
  const { weeks } = Route.useSearch();
  const navigate = useNavigate({ from: '/org' });
  const { role } = useSession();
  return (
    <ContentLayout
      title="Org patterns"
      description="Which teams have been tilting toward manager work for weeks, and where burnout patterns are forming."
    >
      {role === 'member' ? (
        <EmptyState icon={<LockIcon />} title="For managers and admins">
          Org patterns compare teams across the organization. Your own numbers are in My week and My trend,
          and your team's in Team retro.
        </EmptyState>
      ) : (
        <OrgPatternsView
          to={currentIsoWeek('UTC')}
          range={weeks ?? DEFAULT_ORG_RANGE}
          onRangeChange={(range) =>
            navigate({ search: range === DEFAULT_ORG_RANGE ? {} : { weeks: range }, replace: true })
          }
        />
      )}
    </ContentLayout>
  );
}
