import { createLazyRoute, Link } from '@tanstack/react-router';
import { CategoryLegend } from '../../components/category-legend.tsx';
import { ContentLayout } from '../../components/layouts/content-layout.tsx';
import { buttonClassName } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { ArrowRightIcon, CalendarWeekIcon } from '../../components/ui/icons.tsx';

export const Route = createLazyRoute('/week')({ component: WeekPage });

function WeekPage() {
  return (
    <ContentLayout
      title="My week"
      description="How much of your week was maker work, which meetings broke your focus blocks, and whether you are drifting."
    >
      <div className="space-y-6">
        <EmptyState
          icon={<CalendarWeekIcon />}
          title="No entries this week yet"
          action={
            <Link to="/settings" className={buttonClassName('primary')}>
              Import a calendar in Settings
              <ArrowRightIcon />
            </Link>
          }
        >
          Import your calendar and each entry is classified as maker or manager time, with the reason it was
          classified that way. You can correct any entry, and your correction survives re-imports.
        </EmptyState>
        <CategoryLegend />
      </div>
    </ContentLayout>
  );
}
