import type { Entry } from '@tiltmeter/shared/entries';
import type { DraftRule } from '@tiltmeter/shared/rules';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useClassifyEntries } from '../api/classify-entries.ts';
import { useInbox } from '../api/get-inbox.ts';
import { durationFact, entryMinutes } from '../utils/entry-facts.ts';
import { type CategoryChoice, choiceLabel } from './category-picker.tsx';
import { ClassifyToolbar } from './classify-toolbar.tsx';
import { InboxEmpty } from './inbox-empty.tsx';
import { InboxTable } from './inbox-table.tsx';

export interface InboxViewProps {
  /** "Make a rule from this": where the page takes the draft (the rules editor). */
  onMakeRule: (draft: DraftRule) => void;
  /** The link or button of the empty state (import more calendars). */
  emptyAction?: ReactNode;
}

type Notice = { tone: 'error'; text: string };

export function InboxView({ onMakeRule, emptyAction }: InboxViewProps) {
  const inbox = useInbox();
  const classify = useClassifyEntries();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [choice, setChoice] = useState<CategoryChoice>({ category: 'maker', subtype: null });
  const [notice, setNotice] = useState<Notice | null>(null);
  const { toast } = useToast();

  const items = inbox.data?.items;
  // Entries that left the inbox (classified here or elsewhere) leave the selection too.
  useEffect(() => {
    if (!items) return;
    const present = new Set(items.map((item) => item.id));
    setSelected((current) => {
      const kept = [...current].filter((id) => present.has(id));
      return kept.length === current.size ? current : new Set(kept);
    });
  }, [items]);

  const selectedMinutes = useMemo(
    () =>
      (items ?? [])
        .filter((item) => selected.has(item.id))
        .reduce((sum, item) => sum + entryMinutes(item), 0),
    [items, selected],
  );

  function runClassify(ids: string[], target: CategoryChoice) {
    setNotice(null);
    classify.mutate(
      { ids, category: target.category, subtype: target.category === 'manager' ? target.subtype : null },
      {
        onSuccess: ({ updated }) => {
          setSelected(new Set());
          toast({
            title: `Classified ${updated} ${updated === 1 ? 'entry' : 'entries'} as ${choiceLabel(target)}`,
          });
        },
        onError: (error) =>
          setNotice({
            tone: 'error',
            text: error instanceof ApiError ? error.message : 'The entries could not be classified.',
          }),
      },
    );
  }

  if (inbox.isPending) return <InboxSkeleton />;
  if (inbox.isError) {
    return (
      <Alert
        tone="error"
        title="The inbox could not be loaded"
        action={
          <Button variant="secondary" size="sm" onClick={() => inbox.refetch()}>
            Try again
          </Button>
        }
      >
        {inbox.error.message}
      </Alert>
    );
  }

  const { total } = inbox.data;
  const list = inbox.data.items;

  return (
    <div className="space-y-4">
      {notice && <Alert tone="error">{notice.text}</Alert>}
      {list.length === 0 ? (
        <InboxEmpty action={emptyAction} />
      ) : (
        <section
          aria-labelledby="inbox-heading"
          className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs"
        >
          <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 px-5 py-4">
            <h2 id="inbox-heading" className="text-sm font-semibold text-slate-900">
              {total} unclassified {total === 1 ? 'entry' : 'entries'}
            </h2>
            <p className="text-sm text-slate-600">
              {durationFact(list.reduce((sum, item) => sum + entryMinutes(item), 0))} in total
              {total > list.length && ` · showing the ${list.length} most recent`}
            </p>
          </header>
          <ClassifyToolbar
            count={selected.size}
            minutes={selectedMinutes}
            choice={choice}
            onChoiceChange={setChoice}
            pending={classify.isPending}
            onClassify={() => runClassify([...selected], choice)}
            onClear={() => setSelected(new Set())}
          />
          <InboxTable
            items={list}
            selected={selected}
            onSelectedChange={setSelected}
            pending={classify.isPending}
            onClassifyOne={(entry: Entry, target) => runClassify([entry.id], target)}
            onMakeRule={onMakeRule}
          />
        </section>
      )}
    </div>
  );
}

function InboxSkeleton() {
  return (
    <div
      role="status"
      aria-label="Loading the inbox"
      className="rounded-xl border border-slate-200 bg-white p-5"
    >
      <div className="h-4 w-48 animate-pulse rounded bg-slate-200" />
      <div className="mt-6 space-y-4">
        {[0, 1, 2, 3, 4].map((row) => (
          <div key={row} className="flex items-center gap-4">
            <div className="size-4 animate-pulse rounded bg-slate-200" />
            <div className="h-3.5 flex-1 animate-pulse rounded bg-slate-100" />
            <div className="h-3.5 w-32 animate-pulse rounded bg-slate-100" />
            <div className="h-3.5 w-40 animate-pulse rounded bg-slate-100" />
          </div>
        ))}
      </div>
    </div>
  );
}
