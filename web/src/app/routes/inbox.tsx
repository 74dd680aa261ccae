import type { QueryClient } from '@tanstack/react-query';
import { createLazyRoute, Link, useNavigate } from '@tanstack/react-router';
import { ContentLayout } from '../../components/layouts/content-layout.tsx';
import { buttonClassName } from '../../components/ui/button.tsx';
import { UploadIcon } from '../../components/ui/icons.tsx';
import { getInboxQueryOptions } from '../../features/inbox/api/get-inbox.ts';
import { InboxView } from '../../features/inbox/components/inbox-view.tsx';

export const Route = createLazyRoute('/inbox')({ component: InboxPage });

/** The route's loader starts this (see prefetch.ts). */
export function prefetch(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(getInboxQueryOptions());
}

function InboxPage() {
  const navigate = useNavigate();
  return (
    <ContentLayout
      title="Inbox"
      description="Entries no rule could classify. Sort them in bulk, or turn one into a rule so the next ones sort themselves."
    >
      <InboxView
        onMakeRule={(draft) => navigate({ to: '/settings/rules', search: { draft } })}
        emptyAction={
          <Link to="/settings/imports" className={buttonClassName('secondary')}>
            <UploadIcon />
            Import a calendar
          </Link>
        }
      />
    </ContentLayout>
  );
}
