import {
  type Entry,
  MANAGER_SUBTYPES,
  type ManagerSubtype,
  UpdateEntryBodySchema,
} from '@tiltmeter/shared/entries';
import type { WeekEntry } from '@tiltmeter/shared/metrics-api';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { categoryLabel, entryStyle, SUBTYPE_STYLES } from '../../../components/charts/palette.ts';
import { errorMessage } from '../../../components/charts/states.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { Field, Select } from '../../../components/ui/field.tsx';
import { CloseIcon, PencilIcon, TrashIcon } from '../../../components/ui/icons.tsx';
import { cn } from '../../../lib/cn.ts';
import { formatDayLabel } from '../../../lib/iso-week.ts';
import { useDeleteEntry } from '../api/delete-entry.ts';
import { useEntry } from '../api/get-entry.ts';
import { type ReclassifyInput, useEditEntry } from '../api/update-entry.ts';
import { deleteConsequence } from '../utils/entry-form.ts';
import { clockLabel, wallClock } from '../utils/zoned-time.ts';
import { EntryEditForm } from './entry-edit-form.tsx';

type Choice = 'maker' | 'manager' | 'neutral' | 'excluded';

const CHOICES: readonly { value: Choice; label: string; hint: string }[] = [
  { value: 'maker', label: 'Maker', hint: 'Building: code, design, writing' },
  { value: 'manager', label: 'Manager', hint: 'Meetings, 1:1s, reviews' },
  { value: 'neutral', label: 'Neutral', hint: 'Lunch, travel, personal' },
  { value: 'excluded', label: 'Excluded', hint: 'Counts nowhere' },
];

const SUBTYPE_OPTIONS = MANAGER_SUBTYPES.map((subtype) => ({
  value: subtype,
  label: SUBTYPE_STYLES[subtype].label,
}));

interface EntryPopoverProps {
  entry: WeekEntry;
  /** The week on screen: its cached entries follow an edit or a deletion at once. */
  week: string;
  timeZone: string;
  anchor: HTMLElement;
  /** A reclassification is in flight. */
  pending: boolean;
  /** The last reclassification failed. */
  error: unknown;
  onSubmit: (input: ReclassifyInput) => void;
  /** The entry's details were saved (the week has its new place already). */
  onEdited: (entry: Entry) => void;
  /** The entry was deleted (the week no longer has it). */
  onDeleted: (entry: WeekEntry) => void;
  onClose: () => void;
}

const WIDTH = 320;
const GAP = 8;

/**
 * An entry in place: a popover beside it to reclassify (the category and manager subtype, for this
 * entry or the whole recurring series, or "return to rules"), to edit its title and times, or to
 * delete it after a confirmation. Escape, a click outside or Cancel closes it and puts focus back on
 * the entry; while a save or a deletion is in flight it stays.
 */
export function EntryPopover({
  entry,
  week,
  timeZone,
  anchor,
  pending,
  error,
  onSubmit,
  onEdited,
  onDeleted,
  onClose,
}: EntryPopoverProps) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const full = useEntry(entry);
  const edit = useEditEntry(week);
  const remove = useDeleteEntry(week);
  const [mode, setMode] = useState<'classify' | 'edit'>('classify');
  const [confirming, setConfirming] = useState(false);
  const busy = pending || edit.isPending || remove.isPending;
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    function place() {
      // A deleted entry's block leaves before the popover does: stay where it was.
      if (!anchor.isConnected) return;
      const rect = anchor.getBoundingClientRect();
      const height = ref.current?.offsetHeight ?? 360;
      const roomRight = window.innerWidth - rect.right;
      const left =
        roomRight >= WIDTH + GAP * 2
          ? rect.right + GAP
          : rect.left >= WIDTH + GAP * 2
            ? rect.left - WIDTH - GAP
            : Math.max(GAP, Math.min(window.innerWidth - WIDTH - GAP, rect.left));
      const top = Math.max(GAP, Math.min(window.innerHeight - height - GAP, rect.top));
      setPosition({ top, left });
    }
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    // The edit form is taller than the classify one, and messages come and go: place again as it grows.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(place);
    if (ref.current) observer?.observe(ref.current);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
      observer?.disconnect();
    };
  }, [anchor]);

  // Focus starts on the chosen category; back from the edit form, on the button that opened it.
  const returning = useRef(false);
  useEffect(() => {
    if (mode !== 'classify') return;
    if (returning.current) editButton.current?.focus();
    else ref.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
  }, [mode]);

  const dismissible = !busy && !confirming;
  useEffect(() => {
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      // The confirmation dialog is inside the popover, so a click in it is not "outside".
      if (!ref.current?.contains(target) && !anchor.contains(target) && dismissible) onClose();
    }
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [anchor, onClose, dismissible]);

  function leaveEdit() {
    edit.reset();
    returning.current = true;
    setMode('classify');
  }

  function closeConfirm() {
    setConfirming(false);
    remove.reset();
    // The native dialog gives focus back by itself in browsers; not everywhere (jsdom), so say it.
    requestAnimationFrame(() => deleteButton.current?.focus());
  }

  const start = wallClock(entry.start, timeZone);
  const end = wallClock(entry.end, timeZone);
  const title = entry.title ?? 'Untitled entry';
  const iconButton =
    'rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 disabled:cursor-not-allowed disabled:opacity-50';

  return (
    <div
      ref={ref}
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      aria-describedby={mode === 'classify' ? `${id}-reason` : undefined}
      onKeyDown={(event) => {
        // Escape in the confirmation is the confirmation's (it closes itself, not the popover).
        if (event.key === 'Escape' && !confirming) {
          event.stopPropagation();
          if (!busy) onClose();
        }
      }}
      className="fixed z-50 rounded-xl bg-white shadow-2xl ring-1 ring-slate-900/10"
      style={{ width: WIDTH, top: position?.top ?? -9999, left: position?.left ?? -9999 }}
    >
      <div className="flex items-start gap-3 border-b border-slate-100 px-4 pt-3.5 pb-3">
        <span
          aria-hidden="true"
          className="mt-1 size-3 shrink-0 rounded-sm border"
          style={entryStyle(entry.category, entry.subtype)}
        />
        <div className="min-w-0 flex-1">
          <h2 id={`${id}-title`} className="truncate text-sm font-semibold text-slate-900">
            {title}
          </h2>
          <p className="text-xs text-slate-500 tabular-nums">
            {formatDayLabel(start.date)} · {clockLabel(start.minutes)}–
            {clockLabel(end.date === start.date ? end.minutes : 1440)}
          </p>
        </div>
        <div className="-m-1 flex shrink-0 items-center gap-0.5">
          {mode === 'classify' && (
            <button
              ref={editButton}
              type="button"
              onClick={() => {
                edit.reset();
                setMode('edit');
              }}
              disabled={busy}
              aria-label="Edit title and time"
              title="Edit title and time"
              className={iconButton}
            >
              <PencilIcon className="size-4" />
            </button>
          )}
          <button
            ref={deleteButton}
            type="button"
            onClick={() => {
              remove.reset();
              setConfirming(true);
            }}
            disabled={busy}
            aria-label="Delete entry"
            title="Delete entry"
            className={cn(iconButton, 'hover:bg-critical-soft hover:text-critical')}
          >
            <TrashIcon className="size-4" />
          </button>
          <button
            type="button"
            onClick={onClose}
            disabled={busy}
            aria-label="Close"
            title="Close"
            className={iconButton}
          >
            <CloseIcon className="size-4" />
          </button>
        </div>
      </div>
      {mode === 'edit' ? (
        <EntryEditForm
          entry={entry}
          full={full.data}
          timeZone={timeZone}
          pending={edit.isPending}
          error={edit.error}
          onCancel={leaveEdit}
          onSubmit={(body) => {
            if (!body) {
              // Nothing changed: nothing to send.
              leaveEdit();
              return;
            }
            edit.mutate({ id: entry.id, body }, { onSuccess: onEdited });
          }}
        />
      ) : (
        <ClassifyForm
          entry={entry}
          id={id}
          pending={pending}
          error={error}
          onSubmit={onSubmit}
          onClose={onClose}
        />
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete “${title}”?`}
        confirmLabel="Delete entry"
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onCancel={closeConfirm}
        onConfirm={() => remove.mutate(entry.id, { onSuccess: () => onDeleted(entry) })}
      >
        <p data-testid="delete-entry-consequence">
          {deleteConsequence(full.data?.source, full.data?.calendar ?? '')}
        </p>
      </ConfirmDialog>
    </div>
  );
}

interface ClassifyFormProps {
  entry: WeekEntry;
  /** The popover's id, for the ids of the reason and the radio groups. */
  id: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: ReclassifyInput) => void;
  onClose: () => void;
}

/** The category (and manager subtype), this entry or its whole series, and "return to rules". */
function ClassifyForm({ entry, id, pending, error, onSubmit, onClose }: ClassifyFormProps) {
  const [category, setCategory] = useState<Choice>(
    entry.category === 'unclassified' ? 'maker' : (entry.category as Choice),
  );
  const [subtype, setSubtype] = useState<ManagerSubtype>(entry.subtype ?? 'coordination');
  const [scope, setScope] = useState<'entry' | 'series'>('entry');
  const [problem, setProblem] = useState<string | null>(null);

  function submit(choice: Choice | null) {
    const body = {
      category: choice,
      subtype: choice === 'manager' ? subtype : null,
      ...(scope === 'series' ? { scope } : {}),
    };
    // The same schema the server validates with.
    const parsed = UpdateEntryBodySchema.safeParse(body);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Check the choice.');
      return;
    }
    setProblem(null);
    onSubmit({ id: entry.id, category: choice, subtype: choice === 'manager' ? subtype : null, scope });
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit(category);
      }}
    >
      <div className="space-y-3.5 px-4 py-3">
        <p id={`${id}-reason`} className="rounded-lg bg-slate-50 px-3 py-2 text-xs leading-5 text-slate-600">
          <span className="font-medium text-slate-800">
            Now {categoryLabel(entry.category, entry.subtype).toLowerCase()}
            {entry.overridden ? ', set by you' : ''}.
          </span>{' '}
          {entry.reason}
        </p>
        <fieldset>
          <legend className="mb-1.5 text-[13px] font-medium text-slate-800">Classify as</legend>
          <div className="grid grid-cols-2 gap-1.5">
            {CHOICES.map((choice) => (
              <label
                key={choice.value}
                className={cn(
                  'flex cursor-pointer items-start gap-2 rounded-lg border px-2.5 py-2 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-accent-600',
                  category === choice.value
                    ? 'border-accent-600 bg-accent-50/60'
                    : 'border-slate-200 hover:border-slate-300',
                )}
              >
                <input
                  type="radio"
                  name={`${id}-category`}
                  value={choice.value}
                  checked={category === choice.value}
                  onChange={() => setCategory(choice.value)}
                  className="mt-0.5 size-3.5 accent-accent-600 focus-visible:outline-none"
                />
                <span className="min-w-0">
                  <span className="flex items-center gap-1.5 text-[13px] font-medium text-slate-900">
                    <span
                      aria-hidden="true"
                      className="size-2.5 rounded-sm border"
                      style={entryStyle(choice.value, choice.value === 'manager' ? subtype : null)}
                    />
                    {choice.label}
                  </span>
                  <span className="block text-[11px] leading-4 text-slate-500">{choice.hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {category === 'manager' && (
          <Field label="Kind of manager work">
            <Select
              value={subtype}
              onChange={(event) => setSubtype(event.target.value as ManagerSubtype)}
              options={SUBTYPE_OPTIONS}
            />
          </Field>
        )}
        {entry.seriesId && (
          <fieldset>
            <legend className="mb-1.5 text-[13px] font-medium text-slate-800">Apply to</legend>
            <div className="space-y-1">
              {(
                [
                  ['entry', 'Only this entry'],
                  ['series', 'Every entry of this recurring series'],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="flex items-center gap-2 text-[13px] text-slate-700">
                  <input
                    type="radio"
                    name={`${id}-scope`}
                    value={value}
                    checked={scope === value}
                    onChange={() => setScope(value)}
                    className="size-3.5 accent-accent-600"
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {problem || error ? <Alert tone="error">{problem ?? errorMessage(error)}</Alert> : null}
      </div>
      <div className="flex items-center justify-between gap-2 rounded-b-xl border-t border-slate-100 bg-slate-50/70 px-4 py-2.5">
        {entry.overridden ? (
          <Button variant="ghost" size="sm" onClick={() => submit(null)} disabled={pending}>
            Return to rules
          </Button>
        ) : (
          <span />
        )}
        <div className="flex gap-2">
          <Button variant="secondary" size="sm" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" size="sm" loading={pending}>
            Save
          </Button>
        </div>
      </div>
    </form>
  );
}
