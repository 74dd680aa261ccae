import { createLazyRoute } from '@tanstack/react-router';
import { ContentLayout } from '../../../components/layouts/content-layout.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { ProfileDetailsCard } from '../../../features/accounts/components/profile-details-card.tsx';
import { RoleProfileCard } from '../../../features/accounts/components/role-profile-card.tsx';
import { SharingCard } from '../../../features/accounts/components/sharing-card.tsx';
import { WorkingHoursCard } from '../../../features/accounts/components/working-hours-card.tsx';
import { ChangePasswordForm } from '../../../features/auth/components/change-password-form.tsx';
import { useSession } from '../../layout/session.tsx';

export const Route = createLazyRoute('/settings/profile')({ component: ProfilePage });

function ProfilePage() {
  const { settings, user, organization } = useSession();
  const { toast } = useToast();
  return (
    <ContentLayout
      title="Profile"
      description={`Your settings in ${organization.name}: how you appear, your hours, your targets and what you share.`}
    >
      <div className="space-y-6">
        <ProfileDetailsCard settings={settings} accountName={user.name} email={user.email} />
        <RoleProfileCard settings={settings} />
        <WorkingHoursCard settings={settings} />
        <SharingCard settings={settings} minGroupSize={organization.minGroupSize} />
        <Card title="Password" description="For signing in to every organization you belong to.">
          <ChangePasswordForm onChanged={() => toast({ title: 'Password changed' })} />
        </Card>
      </div>
    </ContentLayout>
  );
}
