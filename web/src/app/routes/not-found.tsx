import { Link } from '@tanstack/react-router';
import { ContentLayout } from '../../components/layouts/content-layout.tsx';
import { buttonClassName } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { CalendarWeekIcon } from '../../components/ui/icons.tsx';

export function NotFoundPage() {
  return (
    <ContentLayout title="Page not found" description="There is no page at this address.">
      <EmptyState
        icon={<CalendarWeekIcon />}
        title="Nothing here"
        action={
          <Link to="/week" className={buttonClassName('primary')}>
            Go to My week
          </Link>
        }
      >
        The link may be old, or the address may have a typo.
      </EmptyState>
    </ContentLayout>
  );
}
