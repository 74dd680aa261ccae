import { createLazyRoute, getRouteApi, useNavigate } from '@tanstack/react-router';
import { ContentLayout } from '../../../components/layouts/content-layout.tsx';
import { RulesEditor } from '../../../features/rules/components/rules-editor.tsx';
import { useSession } from '../../layout/session.tsx';

export const Route = createLazyRoute('/settings/rules')({ component: RulesPage });

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
