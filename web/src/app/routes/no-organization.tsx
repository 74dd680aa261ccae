import { createLazyRoute } from '@tanstack/react-router';
import { Alert } from '../../components/ui/alert.tsx';
import { Avatar } from '../../components/ui/avatar.tsx';
import { Button } from '../../components/ui/button.tsx';
import { MailIcon } from '../../components/ui/icons.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { useMe } from '../../features/accounts/api/get-me.ts';
import { useSignOut } from '../../features/auth/api/sign-out.ts';
import { errorMessage } from '../../lib/form.ts';
import { AuthLayout } from '../layout/auth-layout.tsx';
import { useLeaveApp } from '../layout/session.tsx';

export const Route = createLazyRoute('/no-organization')({ component: NoOrganizationPage });

/** Signed in, but a member of no organization: an invitee who has not accepted yet, or a removed member. */
function NoOrganizationPage() {
  const me = useMe();
  const signOut = useSignOut();
  const leaveApp = useLeaveApp();
  const { toast } = useToast();
  const user = me.data?.user;

  return (
    <AuthLayout
      title="You are not in an organization yet"
      description="Tiltmeter works inside an organization: your numbers, your team and its settings live there."
    >
      <div className="space-y-5">
        {user && (
          <div className="flex items-center gap-3 rounded-xl border border-slate-200 bg-slate-50 p-4">
            <Avatar name={user.name} />
            <div className="min-w-0 text-sm">
              <p className="text-slate-600">Signed in as</p>
              <p className="truncate font-semibold text-slate-900">{user.email}</p>
            </div>
          </div>
        )}
        <Alert tone="info" title="Waiting for an invitation?">
          <span className="flex items-start gap-2">
            <MailIcon className="mt-1 size-4 shrink-0 text-slate-500" />
            <span>
              Open the link in your invitation email to join. No email? Ask an admin of your organization to
              invite {user ? <strong className="font-semibold">{user.email}</strong> : 'you'}.
            </span>
          </span>
        </Alert>
        <Button
          variant="secondary"
          className="w-full"
          loading={signOut.isPending}
          onClick={() =>
            signOut.mutate(undefined, {
              onSuccess: () => void leaveApp(),
              onError: (error) =>
                toast({ tone: 'error', title: 'Could not sign out', description: errorMessage(error) }),
            })
          }
        >
          Sign out
        </Button>
      </div>
    </AuthLayout>
  );
}
