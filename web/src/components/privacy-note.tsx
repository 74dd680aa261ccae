import type { ReactNode } from 'react';
import { ShieldIcon } from './ui/icons.tsx';

/** States the privacy rule that applies to the view it sits in; it is a product promise, so it shows. */
export function PrivacyNote({ children }: { children: ReactNode }) {
  return (
    <aside className="flex gap-3 rounded-xl border border-slate-200 bg-white p-4 text-sm leading-6 text-slate-600">
      <ShieldIcon className="mt-0.5 size-5 shrink-0 text-slate-400" />
      <div>{children}</div>
    </aside>
  );
}
