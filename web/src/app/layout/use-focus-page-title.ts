import { useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { PAGE_TITLE_ID } from '../../components/layouts/content-layout.tsx';

/**
 * After a client-side navigation, move focus to the new page's heading: without it, keyboard and
 * screen-reader users stay on the link they pressed and nothing tells them the page changed.
 * The first page load is left alone (the browser starts at the top anyway).
 */
export function useFocusPageTitleOnNavigate(): void {
  const pathname = useRouterState({ select: (state) => state.resolvedLocation?.pathname });
  const previous = useRef(pathname);

  useEffect(() => {
    if (pathname === previous.current) return;
    const isFirstLoad = previous.current === undefined;
    previous.current = pathname;
    if (!isFirstLoad) document.getElementById(PAGE_TITLE_ID)?.focus();
  }, [pathname]);
}
