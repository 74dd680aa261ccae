import type { QueryClient } from '@tanstack/react-query';
import { createLazyRoute, Link } from '@tanstack/react-router';
import { ContentLayout } from '../../../components/layouts/content-layout.tsx';
import { getTeamsQueryOptions } from '../../../features/thresholds/api/get-teams.ts';
import { getThresholdsQueryOptions } from '../../../features/thresholds/api/get-thresholds.ts';
import { ThresholdsView } from '../../../features/thresholds/components/thresholds-view.tsx';
import { useSession } from '../../layout/session.tsx';

export const Route = createLazyRoute('/settings/thresholds')({ component: ThresholdsPage });

/** The route's loader starts these (see ../prefetch.ts). */
export function prefetch(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(getThresholdsQueryOptions());
  void queryClient.prefetchQuery(getTeamsQueryOptions());
}

function ThresholdsPage() {
  const { role, memberId } = useSession();
  return (
    <ContentLayout
      title="Thresholds"
      description="The targets and warning levels your weeks are measured against, where each value was set, and why it exists."
    >
      <ThresholdsView
        role={role}
        memberId={memberId}
        profileLink={
          <>
            Your role profile is part of your{' '}
            <Link to="/settings/profile" className="font-medium text-accent-700 underline underline-offset-2">
              profile settings
            </Link>
            .
          </>
        }
      />
    </ContentLayout>
  );
}
