import type { QueryClient } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { ContentLayout } from '../../components/layouts/content-layout.tsx';
import { getOrgMetricsQueryOptions } from '../../features/org-patterns/api/get-org-metrics.ts';
import { OrgPatternsView } from '../../features/org-patterns/components/org-patterns-view.tsx';
import { DEFAULT_ORG_RANGE, type OrgSearch } from '../../features/org-patterns/utils/search.ts';
import { addIsoWeeks, currentIsoWeek } from '../../lib/iso-week.ts';
import { cachedMe } from './prefetch.ts';

export const Route = createLazyRoute('/org')({ component: OrgPage });

/** The route's loader starts this (see prefetch.ts); members may not open the page (its `staticData.roles`). */
export function prefetch(queryClient: QueryClient, search: OrgSearch): void {
  if (cachedMe(queryClient)?.role === 'member') return;
  const to = currentIsoWeek('UTC');
  const from = addIsoWeeks(to, -((search.weeks ?? DEFAULT_ORG_RANGE) - 1));
  void queryClient.prefetchQuery(getOrgMetricsQueryOptions({ from, to }));
}

function OrgPage() {
  const { weeks } = Route.useSearch();
  const navigate = useNavigate({ from: '/org' });
  return (
    <ContentLayout
      title="Org patterns"
      description="Which teams have been tilting toward manager work for weeks, and where burnout patterns are forming."
    >
      <OrgPatternsView
        to={currentIsoWeek('UTC')}
        range={weeks ?? DEFAULT_ORG_RANGE}
        onRangeChange={(range) =>
          navigate({ search: range === DEFAULT_ORG_RANGE ? {} : { weeks: range }, replace: true })
        }
      />
    </ContentLayout>
  );
}
