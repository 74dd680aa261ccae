import { Outlet, useMatches } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { accessOf } from '../router.tsx';
import { AppShell } from './app-shell.tsx';
import { useFocusPageTitleOnNavigate } from './use-focus-page-title.ts';

/**
 * Members' pages are drawn inside the app shell; the account pages (sign-in, invitations...) draw
 * their own frame. The route's `staticData.access` decides, like the guard.
 */
// The explicit return type breaks a type cycle: router.tsx uses this component, and its hooks read
// the registered router's type.
export function RootLayout(): ReactNode {
  const access = useMatches({ select: (matches) => accessOf(matches) });
  useFocusPageTitleOnNavigate();
  return access === 'member' ? <AppShell /> : <Outlet />;
}
