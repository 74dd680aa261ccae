import type { SVGProps } from 'react';

/** A tray: entries waiting to be sorted. Drawn like the line icons of components/ui/icons.tsx. */
export function InboxIcon(props: Omit<SVGProps<SVGSVGElement>, 'children'>) {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      <path d="M3 11.5 5 4.5a1.5 1.5 0 0 1 1.4-1h7.2a1.5 1.5 0 0 1 1.4 1l2 7" />
      <path d="M3 11.5v3.5a1.5 1.5 0 0 0 1.5 1.5h11a1.5 1.5 0 0 0 1.5-1.5v-3.5h-4l-1 2h-4l-1-2z" />
    </svg>
  );
}
