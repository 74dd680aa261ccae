import { MANAGER_SUBTYPES, type ManagerSubtype, UpdateEntryBodySchema } from '@tiltmeter/shared/entries';
import type { WeekEntry } from '@tiltmeter/shared/metrics-api';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { categoryLabel, entryStyle, SUBTYPE_STYLES } from '../../../components/charts/palette.ts';
import { errorMessage } from '../../../components/charts/states.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Field, Select } from '../../../components/ui/field.tsx';
import { CloseIcon } from '../../../components/ui/icons.tsx';
import { cn } from '../../../lib/cn.ts';
import { formatDayLabel } from '../../../lib/iso-week.ts';
import type { ReclassifyInput } from '../api/update-entry.ts';
import { clockLabel, wallClock } from '../utils/zoned-time.ts';

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
  timeZone: string;
  anchor: HTMLElement;
  pending: boolean;
  error: unknown;
  onSubmit: (input: ReclassifyInput) => void;
  onClose: () => void;
}

const WIDTH = 320;
const GAP = 8;

/**
 * Reclassify in place: a popover beside the entry with the category (and manager subtype), whether
 * the change applies to this entry or the whole recurring series, and "return to rules". Escape, a
 * click outside or Cancel closes it and puts focus back on the entry.
 */
export function EntryPopover({
  entry,
  timeZone,
  anchor,
  pending,
  error,
  onSubmit,
  onClose,
}: EntryPopoverProps) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [category, setCategory] = useState<Choice>(
    entry.category === 'unclassified' ? 'maker' : (entry.category as Choice),
  );
  const [subtype, setSubtype] = useState<ManagerSubtype>(entry.subtype ?? 'coordination');
  const [scope, setScope] = useState<'entry' | 'series'>('entry');
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useLayoutEffect(() => {
    function place() {
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
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [anchor]);

  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
  }, []);

  useEffect(() => {
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      if (!ref.current?.contains(target) && !anchor.contains(target)) onClose();
    }
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [anchor, onClose]);

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

  const start = wallClock(entry.start, timeZone);
  const end = wallClock(entry.end, timeZone);
  const title = entry.title ?? 'Untitled entry';

  return (
    <div
      ref={ref}
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-reason`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
      className="fixed z-50 rounded-xl bg-white shadow-2xl ring-1 ring-slate-900/10"
      style={{ width: WIDTH, top: position?.top ?? -9999, left: position?.left ?? -9999 }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit(category);
        }}
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
          <button
            type="button"
            onClick={onClose}
            aria-label="Close"
            className="-m-1 rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
          >
            <CloseIcon className="size-4" />
          </button>
        </div>
        <div className="space-y-3.5 px-4 py-3">
          <p
            id={`${id}-reason`}
            className="rounded-lg bg-slate-50 px-3 py-2 text-xs leading-5 text-slate-600"
          >
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
    </div>
  );
}
