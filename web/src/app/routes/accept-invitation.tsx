import { useQueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { Alert } from '../../components/ui/alert.tsx';
import { Avatar } from '../../components/ui/avatar.tsx';
import { Button } from '../../components/ui/button.tsx';
import { Spinner } from '../../components/ui/loading.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { acceptInvitation } from '../../features/accounts/api/accept-invitation.ts';
import { useMe } from '../../features/accounts/api/get-me.ts';
import { accountsKeys } from '../../features/accounts/api/query-keys.ts';
import { useSignOut } from '../../features/auth/api/sign-out.ts';
import { SignInForm } from '../../features/auth/components/sign-in-form.tsx';
import { SignUpForm } from '../../features/auth/components/sign-up-form.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/form.ts';
import { AuthLayout, textLinkClassName } from '../layout/auth-layout.tsx';
import { useEnterApp } from '../layout/session.tsx';

export const Route = createLazyRoute('/invitations/$invitationId')({ component: AcceptInvitationPage });

/**
 * The link of an invitation email. Signed out: create an account with the invited address (no
 * organization of one's own is made) or sign in, then the invitation is accepted at once. Signed in:
 * one button; if the account is not the invited address, say so and offer to switch accounts.
 */
function AcceptInvitationPage() {
  const { invitationId } = Route.useParams();
  const me = useMe();
  const queryClient = useQueryClient();
  const enterApp = useEnterApp();
  const signOut = useSignOut();
  const { toast } = useToast();
  const [mode, setMode] = useState<'sign-up' | 'sign-in'>('sign-up');
  const [accepting, setAccepting] = useState(false);
  const [acceptError, setAcceptError] = useState<unknown>(null);

  async function accept() {
    setAccepting(true);
    setAcceptError(null);
    try {
      const joined = await acceptInvitation(invitationId);
      toast({ title: `Welcome to ${joined.organization?.name ?? 'your new organization'}` });
      await enterApp('/week');
    } catch (error) {
      setAcceptError(error);
      // Signed in by now (if the form just did it): show the signed-in state with the error.
      await queryClient.invalidateQueries({ queryKey: accountsKeys.me() });
    } finally {
      setAccepting(false);
    }
  }

  function switchAccount() {
    signOut.mutate(undefined, {
      onSuccess: () => {
        setAcceptError(null);
        setMode('sign-in');
        queryClient.setQueryData(accountsKeys.me(), null);
      },
      onError: (error) =>
        toast({ tone: 'error', title: 'Could not sign out', description: errorMessage(error) }),
    });
  }

  if (me.isPending) {
    return (
      <AuthLayout title="Accept your invitation">
        <Spinner label="Checking your session…" />
      </AuthLayout>
    );
  }

  if (me.isError) {
    return (
      <AuthLayout title="Accept your invitation">
        <Alert
          tone="error"
          action={
            <Button variant="secondary" size="sm" onClick={() => void me.refetch()}>
              Try again
            </Button>
          }
        >
          {errorMessage(me.error)}
        </Alert>
      </AuthLayout>
    );
  }

  const user = me.data?.user;

  if (user) {
    const wrongAccount = acceptError instanceof ApiError && acceptError.status === 404;
    return (
      <AuthLayout
        title="Accept your invitation"
        description="You were invited to join an organization on Tiltmeter. Accepting adds you as a member and opens it."
      >
        <div className="space-y-5">
          <div className="flex items-center gap-3 rounded-xl border border-slate-200 bg-slate-50 p-4">
            <Avatar name={user.name} />
            <div className="min-w-0 text-sm">
              <p className="text-slate-600">Signed in as</p>
              <p className="truncate font-semibold text-slate-900">
                {user.name} <span className="font-normal text-slate-600">({user.email})</span>
              </p>
            </div>
          </div>
          {acceptError !== null && (
            <Alert
              tone="error"
              title={wrongAccount ? 'This invitation is not for this account' : 'Could not accept'}
            >
              {wrongAccount ? (
                <>
                  It may have been canceled, or it was sent to another address than{' '}
                  <strong className="font-semibold">{user.email}</strong>. Sign out, then sign in or sign up
                  with the invited address.
                </>
              ) : (
                errorMessage(acceptError)
              )}
            </Alert>
          )}
          {!wrongAccount && (
            <Button className="w-full" onClick={() => void accept()} loading={accepting}>
              Accept invitation
            </Button>
          )}
          <p className="text-sm text-slate-600">
            {wrongAccount ? 'Invited at another address?' : `Not ${user.name}?`}{' '}
            <button
              type="button"
              className={textLinkClassName}
              onClick={switchAccount}
              disabled={signOut.isPending}
            >
              Sign out and use another account
            </button>
          </p>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Join your team on Tiltmeter"
      description={
        mode === 'sign-up'
          ? 'Create your account with the email address the invitation was sent to. You join the organization right away.'
          : 'Sign in with the invited email address to join the organization.'
      }
      footer={
        mode === 'sign-up' ? (
          <>
            Already have an account?{' '}
            <button type="button" className={textLinkClassName} onClick={() => setMode('sign-in')}>
              Sign in to accept
            </button>
          </>
        ) : (
          <>
            New to Tiltmeter?{' '}
            <button type="button" className={textLinkClassName} onClick={() => setMode('sign-up')}>
              Create an account to accept
            </button>
          </>
        )
      }
    >
      {mode === 'sign-up' ? (
        <SignUpForm invitationId={invitationId} onSignedUp={accept} submitLabel="Create account and join" />
      ) : (
        <SignInForm onSignedIn={accept} submitLabel="Sign in and join" />
      )}
    </AuthLayout>
  );
}
