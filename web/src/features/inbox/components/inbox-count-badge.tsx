import { useInboxCount } from '../api/get-inbox.ts';

/** The number of unclassified entries, beside "Inbox" in the navigation; nothing at inbox zero. */
export function InboxCountBadge() {
  const count = useInboxCount();
  if (!count.data) return null;
  const text = count.data > 99 ? '99+' : String(count.data);
  return (
    <span className="ml-auto rounded-full bg-manager-soft px-1.5 py-px text-[11px] font-semibold text-manager-ink tabular-nums ring-1 ring-manager/30 ring-inset">
      <span aria-hidden="true">{text}</span>
      <span className="sr-only">({count.data} unclassified)</span>
    </span>
  );
}
