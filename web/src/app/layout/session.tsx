import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import type { Me, MemberRole, MemberSettings, Organization, User } from '@tiltmeter/shared/accounts';
import { createContext, type ReactNode, useCallback, useContext, useRef } from 'react';
import { getMeQueryOptions, useMe } from '../../features/accounts/api/get-me.ts';
import { accountsKeys } from '../../features/accounts/api/query-keys.ts';

/** A signed-in member of an organization: what every page inside the app shell can rely on. */
export interface Session {
  user: User;
  organization: Organization;
  memberId: string;
  role: MemberRole;
  settings: MemberSettings;
  /** The name the organization sees: the display name, or the account name. */
  displayName: string;
}

export function toSession(me: Me | null | undefined): Session | null {
  if (!me?.organization || !me.member || !me.role || !me.settings) return null;
  return {
    user: me.user,
    organization: me.organization,
    memberId: me.member.id,
    role: me.role,
    settings: me.settings,
    displayName: me.settings.displayName ?? me.user.name,
  };
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The signed-in member; only inside the app shell (its route guard guarantees one). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() is for pages inside the app shell');
  return session;
}

/**
 * The session from the `me` query, holding on to the last one while `me` is being replaced (signing
 * out empties it a moment before the app is left), so the shell never renders half a user.
 */
export function useLatestSession(): Session | null {
  const { data } = useMe();
  const latest = useRef<Session | null>(null);
  const session = toSession(data);
  if (session) latest.current = session;
  return latest.current;
}

/** Only a path inside this app, so `?redirect=` cannot send anyone to another site. */
export function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  return value;
}

/**
 * After signing in, up or accepting an invitation: forget everything cached for whoever was here
 * before, load the new session, and go to `redirect` (or My week).
 */
export function useEnterApp() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useCallback(
    async (redirect?: string) => {
      queryClient.clear();
      const me = await queryClient.fetchQuery(getMeQueryOptions());
      const target = safeRedirect(redirect) ?? (me?.organization ? '/week' : '/no-organization');
      await router.navigate({ href: target, replace: true });
    },
    [queryClient, router],
  );
}

/**
 * Leaves the app for the sign-in page (after signing out, or when the session ended) and drops every
 * cached answer: the next person at this browser must not see them.
 */
export function useLeaveApp() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useCallback(
    async ({ returnTo }: { returnTo?: string } = {}) => {
      queryClient.setQueryData(accountsKeys.me(), null);
      await router.navigate({ to: '/sign-in', search: returnTo ? { redirect: returnTo } : {} });
      queryClient.clear();
    },
    [queryClient, router],
  );
}
