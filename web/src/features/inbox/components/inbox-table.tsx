import type { Entry } from '@tiltmeter/shared/entries';
import type { DraftRule } from '@tiltmeter/shared/rules';
import { Fragment, type KeyboardEvent, type MouseEvent, useEffect, useRef, useState } from 'react';
import { entryFacts, entryWhen, reasonText } from '../utils/entry-facts.ts';
import type { CategoryChoice } from './category-picker.tsx';
import { MakeRulePanel } from './make-rule-panel.tsx';

interface InboxTableProps {
  items: readonly Entry[];
  selected: ReadonlySet<string>;
  onSelectedChange: (selected: ReadonlySet<string>) => void;
  pending: boolean;
  onClassifyOne: (entry: Entry, choice: CategoryChoice) => void;
  onMakeRule: (draft: DraftRule) => void;
}

const checkboxClassName = 'size-4 cursor-pointer rounded border-slate-300 accent-accent-600';

/**
 * The unclassified entries with a checkbox each. Keyboard: Tab reaches the checkboxes, Space toggles,
 * Up and Down move between rows (with Shift they select as they go); Shift+click selects a range.
 */
export function InboxTable({
  items,
  selected,
  onSelectedChange,
  pending,
  onClassifyOne,
  onMakeRule,
}: InboxTableProps) {
  const boxes = useRef(new Map<string, HTMLInputElement>());
  const anchor = useRef<number | null>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  const [ruleFor, setRuleFor] = useState<string | null>(null);

  const allSelected = items.length > 0 && items.every((item) => selected.has(item.id));
  const someSelected = !allSelected && items.some((item) => selected.has(item.id));
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = someSelected;
  }, [someSelected]);

  function setRange(from: number, to: number, value: boolean) {
    const next = new Set(selected);
    const [low, high] = from < to ? [from, to] : [to, from];
    for (const item of items.slice(low, high + 1)) {
      if (value) next.add(item.id);
      else next.delete(item.id);
    }
    onSelectedChange(next);
  }

  function onRowClick(index: number, event: MouseEvent<HTMLInputElement>) {
    const item = items[index];
    if (!item) return;
    const value = event.currentTarget.checked;
    if (event.shiftKey && anchor.current !== null) setRange(anchor.current, index, value);
    else setRange(index, index, value);
    anchor.current = index;
  }

  function onRowKeyDown(index: number, event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const target = index + (event.key === 'ArrowDown' ? 1 : -1);
    const next = items[target];
    if (!next) return;
    if (event.shiftKey) {
      const nextSet = new Set(selected);
      nextSet.add((items[index] as Entry).id);
      nextSet.add(next.id);
      onSelectedChange(nextSet);
      anchor.current = target;
    }
    boxes.current.get(next.id)?.focus();
  }

  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">
          Unclassified entries. Use the checkboxes to select entries, then classify them with the toolbar
          above.
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50/60 text-xs font-medium tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="w-12 py-2.5 pr-2 pl-5">
              <input
                ref={selectAll}
                type="checkbox"
                className={checkboxClassName}
                aria-label={allSelected ? 'Deselect all entries' : 'Select all entries'}
                checked={allSelected}
                disabled={pending}
                onChange={() =>
                  onSelectedChange(allSelected ? new Set() : new Set(items.map((item) => item.id)))
                }
              />
            </th>
            <th scope="col" className="py-2.5 pr-4 font-medium">
              Entry
            </th>
            <th scope="col" className="py-2.5 pr-4 font-medium">
              When
            </th>
            <th scope="col" className="hidden py-2.5 pr-4 font-medium md:table-cell">
              Why it is here
            </th>
            <th scope="col" className="py-2.5 pr-5 text-right font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((entry, index) => {
            const when = entryWhen(entry);
            const isSelected = selected.has(entry.id);
            const title = entry.title ?? 'Untitled entry';
            const panelOpen = ruleFor === entry.id;
            return (
              <Fragment key={entry.id}>
                <tr className={isSelected ? 'bg-accent-50/60' : 'hover:bg-slate-50'}>
                  <td className="py-3 pr-2 pl-5 align-top">
                    <input
                      ref={(node) => {
                        if (node) boxes.current.set(entry.id, node);
                        else boxes.current.delete(entry.id);
                      }}
                      type="checkbox"
                      className={`${checkboxClassName} mt-0.5`}
                      aria-label={`Select ${title}, ${when.day} ${when.time}`}
                      checked={isSelected}
                      disabled={pending}
                      onClick={(event) => onRowClick(index, event)}
                      onChange={() => {}}
                      onKeyDown={(event) => onRowKeyDown(index, event)}
                    />
                  </td>
                  <td className="max-w-72 py-3 pr-4 align-top">
                    <p
                      className={`truncate font-medium ${entry.title ? 'text-slate-900' : 'text-slate-500 italic'}`}
                    >
                      {title}
                    </p>
                    <p className="mt-0.5 truncate text-xs text-slate-600">{entry.calendar}</p>
                  </td>
                  <td className="py-3 pr-4 align-top whitespace-nowrap">
                    <p className="text-slate-900">{when.day}</p>
                    <p className="mt-0.5 text-xs text-slate-600">
                      {when.time} · {when.duration}
                    </p>
                  </td>
                  <td className="hidden py-3 pr-4 align-top md:table-cell">
                    <p className="text-slate-700">{reasonText(entry.reason)}</p>
                    <ul className="mt-1 flex flex-wrap gap-1" aria-label="What the rules saw">
                      {entryFacts(entry).map((fact) => (
                        <li
                          key={fact}
                          className="rounded-md bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700"
                        >
                          {fact}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="py-3 pr-5 text-right align-top">
                    <button
                      type="button"
                      aria-expanded={panelOpen}
                      aria-controls={`make-rule-${entry.id}`}
                      onClick={() => setRuleFor(panelOpen ? null : entry.id)}
                      className="rounded-md px-2 py-1 text-sm font-medium whitespace-nowrap text-accent-700 hover:bg-accent-50"
                    >
                      Make a rule<span className="sr-only"> from {title}</span>
                    </button>
                  </td>
                </tr>
                {panelOpen && (
                  <tr id={`make-rule-${entry.id}`} className="bg-slate-50">
                    <td colSpan={5} className="px-5 py-4">
                      <MakeRulePanel
                        entry={entry}
                        pending={pending}
                        onClassifyOne={(choice) => onClassifyOne(entry, choice)}
                        onMakeRule={onMakeRule}
                        onClose={() => setRuleFor(null)}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
