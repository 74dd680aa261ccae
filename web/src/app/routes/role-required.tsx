import { Link } from '@tanstack/react-router';
import type { MemberRole } from '@tiltmeter/shared/accounts';
import { ContentLayout } from '../../components/layouts/content-layout.tsx';
import { buttonClassName } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { LockIcon } from '../../components/ui/icons.tsx';
import { ROLE_LABELS } from '../../features/accounts/roles.ts';

/** "managers and admins" */
function rolesPhrase(roles: readonly MemberRole[]): string {
  const plurals = roles.map((role) => `${ROLE_LABELS[role].toLowerCase()}s`);
  return plurals.length > 1 ? `${plurals.slice(0, -1).join(', ')} and ${plurals.at(-1)}` : (plurals[0] ?? '');
}

/**
 * What a member sees at an address their role may not open (typed, or from an old link), in place of
 * the page: a route's `staticData.roles` in router.tsx, applied by the app shell.
 */
export function RoleRequiredPage({ roles, role }: { roles: readonly MemberRole[]; role: MemberRole }) {
  return (
    <ContentLayout
      title={`For ${rolesPhrase(roles)}`}
      description="This page is not part of what your role in this organization can see."
    >
      <EmptyState
        icon={<LockIcon />}
        title={`Your role is ${ROLE_LABELS[role].toLowerCase()}`}
        action={
          <Link to="/week" className={buttonClassName('primary')}>
            Go to My week
          </Link>
        }
      >
        Only {rolesPhrase(roles)} can open it. Your own numbers are in My week and My trend, and your team's
        in Team retro. Ask an admin if you need a different role.
      </EmptyState>
    </ContentLayout>
  );
}
