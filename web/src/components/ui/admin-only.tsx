import { EmptyState } from './empty-state.tsx';
import { LockIcon } from './icons.tsx';

/** What a page for admins shows to anyone else who opens it (the server refuses the data anyway). */
export function AdminOnly({ what }: { what: string }) {
  return (
    <EmptyState icon={<LockIcon />} title="For admins only">
      Only admins of this organization can see the {what}. Ask one of them if you need a change.
    </EmptyState>
  );
}
