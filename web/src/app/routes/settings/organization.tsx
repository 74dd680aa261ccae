import { createLazyRoute } from '@tanstack/react-router';
import { ContentLayout } from '../../../components/layouts/content-layout.tsx';
import { AdminOnly } from '../../../components/ui/admin-only.tsx';
import { OrganizationForm } from '../../../features/accounts/components/organization-form.tsx';
import { useSession } from '../../layout/session.tsx';

export const Route = createLazyRoute('/settings/organization')({ component: OrganizationPage });

function OrganizationPage() {
  const { role, organization } = useSession();
  return (
    <ContentLayout
      title="Organization"
      description="The organization's name, and how much its team and org views may reveal about people."
    >
      {role === 'admin' ? (
        <OrganizationForm key={organization.id} organization={organization} canEdit />
      ) : (
        <AdminOnly what="organization settings" />
      )}
    </ContentLayout>
  );
}
