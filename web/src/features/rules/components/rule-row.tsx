import type { DraftRule } from '@tiltmeter/shared/rules';
import type { KeyboardEvent, ReactNode } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { ChevronDownIcon, TrashIcon } from '../../../components/ui/icons.tsx';
import { Switch } from '../../../components/ui/switch.tsx';
import { cn } from '../../../lib/cn.ts';
import { describeConditions } from '../utils/draft.ts';
import { CategoryBadge } from './category-badge.tsx';

function ArrowIcon({ direction }: { direction: 'up' | 'down' }) {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {direction === 'up' ? (
        <path d="M10 15.5v-11M5.5 9 10 4.5 14.5 9" />
      ) : (
        <path d="M10 4.5v11M5.5 11 10 15.5 14.5 11" />
      )}
    </svg>
  );
}

export interface RuleRowProps {
  rule: DraftRule;
  index: number;
  count: number;
  expanded: boolean;
  isNew: boolean;
  isChanged: boolean;
  hasErrors: boolean;
  readOnly: boolean;
  onToggleExpanded: () => void;
  onMove: (delta: -1 | 1) => void;
  onEnabledChange: (enabled: boolean) => void;
  onDelete: () => void;
  /** The expanded editor. */
  children?: ReactNode;
  rowRef?: (node: HTMLLIElement | null) => void;
  /** Native drag and drop, as a shortcut for the move buttons. */
  drag?: {
    onDragStart: () => void;
    onDragOver: () => void;
    onDrop: () => void;
    onDragEnd: () => void;
    over: boolean;
  };
}

/**
 * One rule in the ordered list: its position, name, outcome and conditions in a line, with move,
 * enable and delete controls. Alt+Up and Alt+Down on the row move it too.
 */
export function RuleRow({
  rule,
  index,
  count,
  expanded,
  isNew,
  isChanged,
  hasErrors,
  readOnly,
  onToggleExpanded,
  onMove,
  onEnabledChange,
  onDelete,
  children,
  drag,
  rowRef,
}: RuleRowProps) {
  const summary = describeConditions(rule.conditions);
  const name = rule.name.trim() || 'Untitled rule';
  const panelId = `rule-panel-${index}`;

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>) {
    if (readOnly || !event.altKey) return;
    if (event.key === 'ArrowUp' && index > 0) {
      event.preventDefault();
      onMove(-1);
    } else if (event.key === 'ArrowDown' && index < count - 1) {
      event.preventDefault();
      onMove(1);
    }
  }

  return (
    <li
      ref={rowRef}
      onKeyDown={onKeyDown}
      draggable={!readOnly && !expanded && Boolean(drag)}
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = 'move';
        drag?.onDragStart();
      }}
      onDragOver={(event) => {
        if (!drag) return;
        event.preventDefault();
        drag.onDragOver();
      }}
      onDrop={(event) => {
        event.preventDefault();
        drag?.onDrop();
      }}
      onDragEnd={() => drag?.onDragEnd()}
      className={cn(
        'group/rule bg-white transition-colors',
        expanded && 'bg-slate-50/50',
        drag?.over && 'shadow-[inset_0_2px_0_0_var(--color-accent-600)]',
        !rule.enabled && !expanded && 'bg-slate-50',
      )}
    >
      <div className="flex items-start gap-3 px-4 py-3">
        <span
          className={cn(
            'mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-md text-xs font-semibold tabular-nums',
            rule.enabled ? 'bg-slate-100 text-slate-700' : 'bg-slate-100 text-slate-500',
          )}
          aria-hidden="true"
        >
          {index + 1}
        </span>
        <button
          type="button"
          onClick={onToggleExpanded}
          aria-expanded={expanded}
          aria-controls={panelId}
          className="min-w-0 flex-1 rounded-md text-left"
        >
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span
              className={cn(
                'text-sm font-semibold',
                rule.enabled ? 'text-slate-900' : 'text-slate-500 line-through decoration-slate-400',
              )}
            >
              <span className="sr-only">
                Rule {index + 1} of {count}:{' '}
              </span>
              {name}
            </span>
            <CategoryBadge category={rule.outcome.category} subtype={rule.outcome.subtype} />
            {isNew && (
              <span className="rounded bg-accent-50 px-1.5 py-0.5 text-[11px] font-semibold text-accent-700 uppercase">
                New
              </span>
            )}
            {!isNew && isChanged && (
              <span className="rounded bg-warning-soft px-1.5 py-0.5 text-[11px] font-semibold text-amber-800 uppercase">
                Edited
              </span>
            )}
            {hasErrors && (
              <span className="rounded bg-critical-soft px-1.5 py-0.5 text-[11px] font-semibold text-red-800 uppercase">
                Needs a fix
              </span>
            )}
            {!rule.enabled && <span className="text-xs text-slate-600">(off)</span>}
          </span>
          <span className="mt-0.5 block truncate text-[13px] text-slate-600">
            {summary.length > 0 ? summary.join(' · ') : 'No conditions'}
          </span>
        </button>
        <div className="flex shrink-0 items-center gap-1">
          {!readOnly && (
            <>
              <Switch
                label={`${name} is on`}
                hideLabel
                checked={rule.enabled}
                onChange={onEnabledChange}
                className="mr-1 [&_button]:mt-0"
              />
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Move ${name} up`}
                disabled={index === 0}
                onClick={() => onMove(-1)}
                className="px-1.5"
              >
                <ArrowIcon direction="up" />
              </Button>
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Move ${name} down`}
                disabled={index === count - 1}
                onClick={() => onMove(1)}
                className="px-1.5"
              >
                <ArrowIcon direction="down" />
              </Button>
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Delete ${name}`}
                onClick={onDelete}
                className="px-1.5 text-slate-500 hover:bg-critical-soft hover:text-red-700"
              >
                <TrashIcon />
              </Button>
            </>
          )}
          <Button
            variant="ghost"
            size="sm"
            aria-hidden="true"
            tabIndex={-1}
            onClick={onToggleExpanded}
            className="px-1.5"
          >
            <ChevronDownIcon className={cn('transition-transform', expanded && 'rotate-180')} />
          </Button>
        </div>
      </div>
      {expanded && (
        <div id={panelId} className="border-t border-slate-100 px-4 pt-4 pb-5 sm:pl-13">
          {children}
        </div>
      )}
    </li>
  );
}
