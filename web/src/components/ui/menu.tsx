import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { cn } from '../../lib/cn.ts';
import { CheckIcon } from './icons.tsx';

export type MenuEntry =
  | {
      kind?: 'item';
      label: string;
      /** A second line under the label (a role, an email). */
      description?: string;
      icon?: ReactNode;
      onSelect: () => void;
      /** Makes the entry a `menuitemradio` (one of a set, like the current organization). */
      checked?: boolean;
      disabled?: boolean;
      tone?: 'default' | 'danger';
    }
  | { kind: 'separator' }
  | { kind: 'heading'; label: string };

export interface MenuProps {
  /** The button's content. */
  trigger: ReactNode;
  /** The button's accessible name when its content is not enough ("Account menu for Ada"). */
  triggerLabel?: string;
  triggerClassName?: string;
  items: readonly MenuEntry[];
  /** Non-interactive content above the items (who is signed in). */
  header?: ReactNode;
  /** Which edge of the button the menu lines up with. */
  align?: 'start' | 'end';
  /** Open below the button (default) or above it (at the foot of a sidebar). */
  side?: 'bottom' | 'top';
  /** The menu's width; by default at least the button's. */
  menuClassName?: string;
  className?: string;
}

/**
 * A menu button (WAI-ARIA APG): Enter, Space or Down opens on the first item, Up on the last; arrows,
 * Home and End move; typing a letter jumps; Escape closes and returns focus to the button; Tab or a
 * click elsewhere closes.
 */
export function Menu({
  trigger,
  triggerLabel,
  triggerClassName,
  items,
  header,
  align = 'start',
  side = 'bottom',
  menuClassName,
  className,
}: MenuProps) {
  const [open, setOpen] = useState(false);
  const [focusIndex, setFocusIndex] = useState(0);
  const id = useId();
  const buttonId = `${id}-button`;
  const menuId = `${id}-menu`;
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<Array<HTMLButtonElement | null>>([]);

  // Stable keys without array indexes: a label is unique within its kind, separators are counted.
  let separators = 0;
  const keys = items.map((item) =>
    item.kind === 'separator' ? `separator-${separators++}` : `${item.kind ?? 'item'}-${item.label}`,
  );

  const actionable = items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => (item.kind ?? 'item') === 'item' && !(item as { disabled?: boolean }).disabled)
    .map(({ index }) => index);

  useEffect(() => {
    if (!open) return;
    itemRefs.current[focusIndex]?.focus();
  }, [open, focusIndex]);

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function openAt(which: 'first' | 'last') {
    const index = which === 'first' ? actionable[0] : actionable.at(-1);
    if (index === undefined) return;
    setFocusIndex(index);
    setOpen(true);
  }

  function close({ focusButton }: { focusButton: boolean }) {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  }

  function move(delta: 1 | -1) {
    const position = actionable.indexOf(focusIndex);
    const next = actionable[(position + delta + actionable.length) % actionable.length];
    if (next !== undefined) setFocusIndex(next);
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openAt('first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openAt('last');
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        move(1);
        return;
      case 'ArrowUp':
        event.preventDefault();
        move(-1);
        return;
      case 'Home':
        event.preventDefault();
        if (actionable[0] !== undefined) setFocusIndex(actionable[0]);
        return;
      case 'End': {
        event.preventDefault();
        const last = actionable.at(-1);
        if (last !== undefined) setFocusIndex(last);
        return;
      }
      case 'Escape':
        event.preventDefault();
        close({ focusButton: true });
        return;
      case 'Tab':
        close({ focusButton: false });
        return;
      default:
        if (event.key.length === 1 && /\S/.test(event.key)) {
          const letter = event.key.toLowerCase();
          const position = actionable.indexOf(focusIndex);
          const ordered = [...actionable.slice(position + 1), ...actionable.slice(0, position + 1)];
          const match = ordered.find((index) => {
            const item = items[index];
            return item && 'label' in item && item.label.toLowerCase().startsWith(letter);
          });
          if (match !== undefined) setFocusIndex(match);
        }
    }
  }

  return (
    <div ref={rootRef} className={cn('relative', className)}>
      <button
        ref={buttonRef}
        type="button"
        id={buttonId}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={triggerLabel}
        onClick={() => (open ? setOpen(false) : openAt('first'))}
        onKeyDown={onButtonKeyDown}
        className={triggerClassName}
      >
        {trigger}
      </button>
      {open && (
        <div
          className={cn(
            'absolute z-40 min-w-full overflow-hidden rounded-xl bg-white py-1.5 shadow-xl ring-1 ring-slate-900/10',
            side === 'bottom' ? 'top-full mt-2' : 'bottom-full mb-2',
            align === 'start' ? 'left-0' : 'right-0',
            menuClassName,
          )}
        >
          {header && <div className="border-b border-slate-100 px-3.5 pt-1.5 pb-3">{header}</div>}
          <div
            role="menu"
            id={menuId}
            aria-labelledby={buttonId}
            tabIndex={-1}
            onKeyDown={onMenuKeyDown}
            className={cn('max-h-80 overflow-y-auto', Boolean(header) && 'pt-1.5')}
          >
            {items.map((item, index) => {
              if (item.kind === 'separator') {
                return <hr key={keys[index]} className="my-1.5 border-slate-100" />;
              }
              if (item.kind === 'heading') {
                return (
                  <p
                    key={`heading-${item.label}`}
                    role="presentation"
                    className="px-3.5 pt-2 pb-1 text-[11px] font-semibold tracking-wider text-slate-500 uppercase"
                  >
                    {item.label}
                  </p>
                );
              }
              const isRadio = item.checked !== undefined;
              // Only `menuitemradio` takes aria-checked; the attribute object keeps it off plain items.
              const roleProps = isRadio
                ? ({ role: 'menuitemradio', 'aria-checked': Boolean(item.checked) } as const)
                : ({ role: 'menuitem' } as const);
              return (
                <button
                  key={keys[index]}
                  ref={(element) => {
                    itemRefs.current[index] = element;
                  }}
                  type="button"
                  {...roleProps}
                  aria-disabled={item.disabled || undefined}
                  tabIndex={-1}
                  onClick={() => {
                    if (item.disabled) return;
                    close({ focusButton: true });
                    item.onSelect();
                  }}
                  onMouseMove={() => {
                    if (!item.disabled && focusIndex !== index) setFocusIndex(index);
                  }}
                  className={cn(
                    'flex w-full items-center gap-2.5 px-3.5 py-2 text-left text-sm focus:bg-slate-100 focus-visible:bg-accent-50 focus-visible:outline-none aria-disabled:opacity-50',
                    item.tone === 'danger' ? 'text-critical' : 'text-slate-700',
                  )}
                >
                  {item.icon && (
                    <span className="flex size-5 shrink-0 items-center justify-center text-slate-500 [&>svg]:size-[18px]">
                      {item.icon}
                    </span>
                  )}
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{item.label}</span>
                    {item.description && (
                      <span className="block truncate text-xs text-slate-500">{item.description}</span>
                    )}
                  </span>
                  {isRadio && (
                    <CheckIcon
                      className={cn('size-4 shrink-0 text-accent-600', !item.checked && 'invisible')}
                    />
                  )}
                </button>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
