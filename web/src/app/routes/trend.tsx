import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { ContentLayout } from '../../components/layouts/content-layout.tsx';
import { TrendView } from '../../features/trend/components/trend-view.tsx';
import { DEFAULT_TREND_RANGE } from '../../features/trend/utils/search.ts';
import { currentIsoWeek } from '../../lib/iso-week.ts';
import { useSession } from '../layout/session.tsx';

export const Route = createLazyRoute('/trend')({ component: TrendPage });

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
