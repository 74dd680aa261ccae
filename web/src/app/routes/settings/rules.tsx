import type { QueryClient } from '@tanstack/react-query';
import { createLazyRoute, getRouteApi, useNavigate } from '@tanstack/react-router';
import { ContentLayout } from '../../../components/layouts/content-layout.tsx';
import { getRecomputeQueryOptions } from '../../../features/rules/api/get-recompute.ts';
import { getRulesQueryOptions } from '../../../features/rules/api/get-rules.ts';
import { getTeamsQueryOptions } from '../../../features/rules/api/get-teams.ts';
import { RulesEditor } from '../../../features/rules/components/rules-editor.tsx';
import { useSession } from '../../layout/session.tsx';

export const Route = createLazyRoute('/settings/rules')({ component: RulesPage });

/**
 * The route's loader starts these (see ../prefetch.ts): the organization's rule set (what the editor
 * opens on), the teams of its picker, and the latest reclassification.
 */
export function prefetch(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(getRulesQueryOptions(null));
  void queryClient.prefetchQuery(getTeamsQueryOptions());
  void queryClient.prefetchQuery(getRecomputeQueryOptions());
}

// Through the route API, not `Route`: reading `Route` inside its own component makes its type circular.
const rulesRoute = getRouteApi('/settings/rules');

function RulesPage() {
  const { role, memberId } = useSession();
  const { draft } = rulesRoute.useSearch();
  const navigate = useNavigate();
  return (
    <ContentLayout
      title="Classification rules"
      description="The ordered rules that decide whether an entry is maker or manager time. Try a change on your own entries in the live preview before you save it."
    >
      <RulesEditor
        role={role}
        memberId={memberId}
        incomingDraft={draft}
        onIncomingDraftConsumed={() => navigate({ to: '/settings/rules', search: {}, replace: true })}
      />
    </ContentLayout>
  );
}
