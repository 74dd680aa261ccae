import { useEffect } from 'react';
import { Kbd } from '../../../components/charts/states.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ChevronRightIcon } from '../../../components/ui/icons.tsx';
import { addIsoWeeks, formatWeekSpan } from '../../../lib/iso-week.ts';

/** Whether a key press belongs to a text field or an open dialog rather than to the page. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('dialog[open], [role="dialog"]')) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/**
 * `[` and `]` step to the previous and next week from anywhere on the page (not while typing or in
 * a dialog). The buttons carry the same actions and show the keys.
 */
export function useWeekShortcuts(week: string, onChange: (week: string) => void) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return;
      if (event.key === '[') {
        event.preventDefault();
        onChange(addIsoWeeks(week, -1));
      } else if (event.key === ']') {
        event.preventDefault();
        onChange(addIsoWeeks(week, 1));
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [week, onChange]);
}

export function WeekNavigator({
  week,
  currentWeek,
  onChange,
}: {
  week: string;
  currentWeek: string;
  onChange: (week: string) => void;
}) {
  useWeekShortcuts(week, onChange);
  const number = Number(week.slice(6));
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <div className="flex items-center rounded-lg bg-white shadow-sm ring-1 ring-slate-300 ring-inset">
        <button
          type="button"
          onClick={() => onChange(addIsoWeeks(week, -1))}
          aria-label="Previous week"
          aria-keyshortcuts="["
          className="rounded-l-lg p-2 text-slate-600 hover:bg-slate-50 hover:text-slate-900"
        >
          <ChevronRightIcon className="size-4 rotate-180" />
        </button>
        <p
          aria-live="polite"
          className="min-w-[13.5rem] border-x border-slate-200 px-3 py-1.5 text-center text-sm font-medium text-slate-900 tabular-nums"
        >
          <span className="text-slate-500">Week {number} · </span>
          {formatWeekSpan(week)}
        </p>
        <button
          type="button"
          onClick={() => onChange(addIsoWeeks(week, 1))}
          aria-label="Next week"
          aria-keyshortcuts="]"
          className="rounded-r-lg p-2 text-slate-600 hover:bg-slate-50 hover:text-slate-900"
        >
          <ChevronRightIcon className="size-4" />
        </button>
      </div>
      {week !== currentWeek && (
        <Button variant="secondary" size="sm" onClick={() => onChange(currentWeek)}>
          This week
        </Button>
      )}
      <p className="hidden items-center gap-1 text-xs text-slate-500 md:flex">
        <Kbd>[</Kbd>
        <Kbd>]</Kbd>
        <span>previous / next week</span>
      </p>
    </div>
  );
}
