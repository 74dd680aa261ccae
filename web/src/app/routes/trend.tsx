import type { QueryClient } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { ContentLayout } from '../../components/layouts/content-layout.tsx';
import { getMyWeeksQueryOptions } from '../../features/trend/api/get-my-weeks.ts';
import { TrendView } from '../../features/trend/components/trend-view.tsx';
import { DEFAULT_TREND_RANGE, type TrendSearch } from '../../features/trend/utils/search.ts';
import { addIsoWeeks, currentIsoWeek } from '../../lib/iso-week.ts';
import { useSession } from '../layout/session.tsx';
import { memberWeek } from './prefetch.ts';

export const Route = createLazyRoute('/trend')({ component: TrendPage });

/** The route's loader starts this (see prefetch.ts). */
export function prefetch(queryClient: QueryClient, search: TrendSearch): void {
  const to = memberWeek(queryClient);
  const from = addIsoWeeks(to, -((search.weeks ?? DEFAULT_TREND_RANGE) - 1));
  void queryClient.prefetchQuery(getMyWeeksQueryOptions({ from, to }));
}

function TrendPage() {
  const { weeks } = Route.useSearch();
  const navigate = useNavigate({ from: '/trend' });
  const { settings } = useSession();
  return (
    <ContentLayout
      title="My trend"
      description="Your maker share week over week against the target for your role, so a slow tilt toward manager work shows while it happens."
    >
      <TrendView
        to={currentIsoWeek(settings.timeZone)}
        range={weeks ?? DEFAULT_TREND_RANGE}
        onRangeChange={(range) =>
          navigate({ search: range === DEFAULT_TREND_RANGE ? {} : { weeks: range }, replace: true })
        }
      />
    </ContentLayout>
  );
}
