import { createLazyRoute, Link } from '@tanstack/react-router';
import { ContentLayout } from '../../components/layouts/content-layout.tsx';
import { buttonClassName } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { TrendIcon } from '../../components/ui/icons.tsx';

export const Route = createLazyRoute('/trend')({ component: TrendPage });

function TrendPage() {
  return (
    <ContentLayout
      title="My trend"
      description="Your maker share week over week against the target for your role, so a slow tilt toward manager work shows while it happens."
    >
      <EmptyState
        icon={<TrendIcon />}
        title="No weeks to plot yet"
        action={
          <Link to="/settings" className={buttonClassName('secondary')}>
            Import a calendar in Settings
          </Link>
        }
      >
        Your trend starts with your first imported week. Drift is measured against your own 12-week baseline,
        so the picture sharpens as your history grows.
      </EmptyState>
    </ContentLayout>
  );
}
