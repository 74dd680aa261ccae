import { useRouter } from '@tanstack/react-router';
import { Avatar } from '../../components/ui/avatar.tsx';
import { ChevronDownIcon, KeyIcon, SignOutIcon, UserIcon } from '../../components/ui/icons.tsx';
import { Menu } from '../../components/ui/menu.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { useSignOut } from '../../features/auth/api/sign-out.ts';
import { errorMessage } from '../../lib/form.ts';
import { type Session, useLeaveApp } from './session.tsx';

/** Who is signed in, with the way to their own settings and out. */
export function UserMenu({ session }: { session: Session }) {
  const router = useRouter();
  const signOut = useSignOut();
  const leaveApp = useLeaveApp();
  const { toast } = useToast();
  const { user, displayName } = session;

  return (
    <Menu
      className="lg:w-full"
      side="bottom"
      align="end"
      triggerLabel={`Account menu for ${displayName}`}
      triggerClassName="flex w-full items-center gap-2.5 rounded-lg p-1.5 text-left transition-colors hover:bg-slate-100 aria-expanded:bg-slate-100"
      menuClassName="w-64 lg:right-auto lg:bottom-full lg:left-0 lg:top-auto lg:mt-0 lg:mb-2"
      trigger={
        <>
          <Avatar name={displayName} />
          <span className="hidden min-w-0 flex-1 lg:block">
            <span className="block truncate text-sm font-medium text-slate-900">{displayName}</span>
            <span className="block truncate text-xs text-slate-500">{user.email}</span>
          </span>
          <ChevronDownIcon className="hidden size-4 shrink-0 text-slate-500 lg:block" />
        </>
      }
      header={
        <div className="min-w-0">
          <p className="truncate text-sm font-semibold text-slate-900">{displayName}</p>
          <p className="truncate text-xs text-slate-500">{user.email}</p>
        </div>
      }
      items={[
        {
          label: 'Profile',
          icon: <UserIcon />,
          onSelect: () => void router.navigate({ to: '/settings/profile' }),
        },
        {
          label: 'API tokens',
          icon: <KeyIcon />,
          onSelect: () => void router.navigate({ to: '/settings/tokens' }),
        },
        { kind: 'separator' },
        {
          label: signOut.isPending ? 'Signing out…' : 'Sign out',
          icon: <SignOutIcon />,
          onSelect: () =>
            signOut.mutate(undefined, {
              onSuccess: () => void leaveApp(),
              onError: (error) =>
                toast({ tone: 'error', title: 'Could not sign out', description: errorMessage(error) }),
            }),
        },
      ]}
    />
  );
}
