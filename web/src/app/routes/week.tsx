import type { QueryClient } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { ContentLayout } from '../../components/layouts/content-layout.tsx';
import { getMyWeekQueryOptions } from '../../features/week/api/get-my-week.ts';
import { getWeekThresholdsQueryOptions } from '../../features/week/api/get-week-thresholds.ts';
import { WeekView } from '../../features/week/components/week-view.tsx';
import type { WeekSearch } from '../../features/week/utils/search.ts';
import { currentIsoWeek, todayIn } from '../../lib/iso-week.ts';
import { useSession } from '../layout/session.tsx';
import { memberWeek } from './prefetch.ts';

export const Route = createLazyRoute('/week')({ component: WeekPage });

/** The route's loader starts these (see prefetch.ts). */
export function prefetch(queryClient: QueryClient, search: WeekSearch): void {
  const week = search.week ?? memberWeek(queryClient);
  void queryClient.prefetchQuery(getMyWeekQueryOptions(week));
  void queryClient.prefetchQuery(getWeekThresholdsQueryOptions(week));
}

function WeekPage() {
  const search = Route.useSearch();
  const navigate = useNavigate({ from: '/week' });
  const { settings } = useSession();
  // The member's own zone decides which week "this week" is and how the days are cut.
  const timeZone = settings.timeZone;
  const currentWeek = currentIsoWeek(timeZone);
  const week = search.week ?? currentWeek;

  const onWeekChange = useCallback(
    (next: string) => {
      void navigate({ search: next === currentWeek ? {} : { week: next } });
    },
    [navigate, currentWeek],
  );

  return (
    <ContentLayout
      title="My week"
      description="How much of your week was maker work, which meetings broke your focus blocks, and why each entry counts the way it does."
    >
      <WeekView
        week={week}
        currentWeek={currentWeek}
        today={todayIn(timeZone)}
        timeZone={timeZone}
        workingHours={settings.workingHours}
        onWeekChange={onWeekChange}
      />
    </ContentLayout>
  );
}
