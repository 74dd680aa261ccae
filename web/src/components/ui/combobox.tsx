import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { cn } from '../../lib/cn.ts';
import { controlClasses, useFieldControl } from './field.tsx';
import { CheckIcon, ChevronDownIcon } from './icons.tsx';

export interface ComboboxOption {
  value: string;
  label: string;
  /** Shown on the right, greyed (an offset, a count); searched too. */
  hint?: string;
  /** Extra words to match ("Kolkata" for Asia/Calcutta). */
  keywords?: string;
}

export interface ComboboxProps {
  options: readonly ComboboxOption[];
  value: string | null;
  onChange: (value: string) => void;
  placeholder?: string;
  /** Shown in the list when nothing matches. */
  emptyText?: string;
  /** The most options drawn at once; typing narrows the rest. */
  limit?: number;
  invalid?: boolean;
  disabled?: boolean;
  id?: string;
  'aria-describedby'?: string;
  className?: string;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[_/]+/g, ' ');
}

/**
 * A select with search (WAI-ARIA combobox with a listbox popup): type to filter, Up/Down to move,
 * Enter to choose, Escape to close (a second Escape restores the chosen value). The input shows the
 * chosen option's label when not being edited; leaving the field without choosing keeps the old value.
 * Works inside a `Field` like the other controls.
 */
export function Combobox({
  options,
  value,
  onChange,
  placeholder,
  emptyText = 'No matches',
  limit = 200,
  invalid,
  disabled,
  id,
  'aria-describedby': describedBy,
  className,
}: ComboboxProps) {
  const control = useFieldControl({ id, 'aria-describedby': describedBy, invalid });
  const generated = useId();
  const listboxId = `${generated}-listbox`;
  const selected = options.find((option) => option.value === value) ?? null;
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const matches = useMemo(() => {
    if (!query) return options.slice(0, limit);
    const words = normalise(query).split(/\s+/).filter(Boolean);
    return options
      .filter((option) => {
        const haystack = normalise(
          `${option.value} ${option.label} ${option.hint ?? ''} ${option.keywords ?? ''}`,
        );
        return words.every((word) => haystack.includes(word));
      })
      .slice(0, limit);
  }, [options, query, limit]);

  // Keep the active option in view while moving with the keyboard.
  useEffect(() => {
    if (!open) return;
    const element = listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    element?.scrollIntoView?.({ block: 'nearest' });
  }, [active, open]);

  function openList() {
    if (open) return;
    const index = matches.findIndex((option) => option.value === value);
    setActive(Math.max(index, 0));
    setOpen(true);
  }

  function choose(option: ComboboxOption) {
    onChange(option.value);
    setQuery(null);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) openList();
        else setActive((index) => Math.min(index + 1, matches.length - 1));
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) openList();
        else setActive((index) => Math.max(index - 1, 0));
        return;
      case 'Home':
      case 'End':
        if (!open) return;
        event.preventDefault();
        setActive(event.key === 'Home' ? 0 : Math.max(matches.length - 1, 0));
        return;
      case 'Enter': {
        if (!open) return;
        event.preventDefault();
        const option = matches[active];
        if (option) choose(option);
        return;
      }
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
        } else if (query !== null) {
          event.preventDefault();
          setQuery(null);
        }
        return;
      case 'Tab':
        setOpen(false);
        setQuery(null);
        return;
    }
  }

  const activeOption = open ? matches[active] : undefined;

  return (
    <div className={cn('relative', className)}>
      <input
        ref={inputRef}
        {...control}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listboxId}
        aria-activedescendant={activeOption ? `${listboxId}-${active}` : undefined}
        disabled={disabled}
        placeholder={placeholder}
        value={query ?? selected?.label ?? ''}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={(event) => event.target.select()}
        onClick={openList}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setQuery(null);
        }}
        className={controlClasses('pr-9')}
      />
      <button
        type="button"
        tabIndex={-1}
        aria-hidden="true"
        disabled={disabled}
        onMouseDown={(event) => {
          // Keep focus in the input; the button only toggles the list.
          event.preventDefault();
          inputRef.current?.focus();
          if (open) setOpen(false);
          else openList();
        }}
        className="absolute inset-y-0 right-0 flex w-9 items-center justify-center text-slate-500"
      >
        <ChevronDownIcon className="size-4" />
      </button>
      <div
        ref={listRef}
        id={listboxId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!open}
        className="absolute z-30 mt-1.5 max-h-72 w-full overflow-y-auto rounded-xl bg-white py-1.5 text-sm shadow-xl ring-1 ring-slate-900/10"
      >
        {open && matches.length === 0 && <p className="px-3.5 py-2 text-slate-500">{emptyText}</p>}
        {open &&
          matches.map((option, index) => {
            const isSelected = option.value === value;
            return (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the input owns the keyboard (aria-activedescendant)
              <div
                key={option.value}
                id={`${listboxId}-${index}`}
                data-index={index}
                role="option"
                tabIndex={-1}
                aria-selected={isSelected}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(option)}
                onMouseMove={() => setActive(index)}
                className={cn(
                  'flex cursor-pointer items-center gap-2 px-3.5 py-2',
                  index === active ? 'bg-accent-50 text-accent-700' : 'text-slate-700',
                )}
              >
                <CheckIcon className={cn('size-4 shrink-0 text-accent-600', !isSelected && 'invisible')} />
                <span className="min-w-0 flex-1 truncate">{option.label}</span>
                {option.hint && <span className="shrink-0 text-xs text-slate-500">{option.hint}</span>}
              </div>
            );
          })}
      </div>
    </div>
  );
}
