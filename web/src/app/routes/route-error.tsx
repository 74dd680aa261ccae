import type { ErrorComponentProps } from '@tanstack/react-router';
import { ContentLayout } from '../../components/layouts/content-layout.tsx';
import { Button } from '../../components/ui/button.tsx';

/**
 * Shown when a page throws or its code fails to load. The usual cause of the latter is a new release
 * replacing the old chunks, which a reload fixes.
 */
export function RouteErrorPage({ error }: ErrorComponentProps) {
  const message = error instanceof Error && error.message ? error.message : 'Unknown error.';
  return (
    <ContentLayout title="Something went wrong" description="This page could not be shown.">
      <div role="alert" className="rounded-xl border border-critical/20 bg-critical-soft p-5">
        <p className="text-sm font-medium text-critical">{message}</p>
        <Button variant="secondary" className="mt-4" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      </div>
    </ContentLayout>
  );
}
