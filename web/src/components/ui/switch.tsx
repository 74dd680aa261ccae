import { type ReactNode, useId } from 'react';
import { cn } from '../../lib/cn.ts';

export interface SwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The accessible name; shown beside the switch unless `hideLabel`. */
  label: ReactNode;
  /** A sentence under the label: what turning it on does. */
  description?: ReactNode;
  hideLabel?: boolean;
  disabled?: boolean;
  /** Busy while a change is saved; the switch stays where the user put it. */
  busy?: boolean;
  className?: string;
  id?: string;
  /** A fuller accessible name than the visible label ("Lead of Platform: Ada" for a visible "Lead"). */
  'aria-label'?: string;
}

/** An on/off control for settings that apply at once (role="switch", Space toggles). */
export function Switch({
  checked,
  onChange,
  label,
  description,
  hideLabel = false,
  disabled = false,
  busy = false,
  className,
  id,
  'aria-label': ariaLabel,
}: SwitchProps) {
  const generated = useId();
  const switchId = id ?? `switch-${generated}`;
  const labelId = `${switchId}-label`;
  const descriptionId = description ? `${switchId}-description` : undefined;
  return (
    <div className={cn('flex items-start gap-3', className)}>
      <button
        type="button"
        role="switch"
        id={switchId}
        aria-checked={checked}
        aria-labelledby={ariaLabel ? undefined : labelId}
        aria-label={ariaLabel}
        aria-describedby={descriptionId}
        aria-busy={busy || undefined}
        disabled={disabled}
        onClick={() => onChange(!checked)}
        className={cn(
          'relative mt-0.5 inline-flex h-5 w-9 shrink-0 items-center rounded-full ring-1 transition-colors ring-inset disabled:cursor-not-allowed disabled:opacity-60',
          checked ? 'bg-accent-600 ring-accent-600' : 'bg-slate-200 ring-control-border',
        )}
      >
        <span
          aria-hidden="true"
          className={cn(
            'inline-block size-4 rounded-full bg-white shadow-sm ring-1 ring-slate-900/10 transition-transform',
            checked ? 'translate-x-[18px]' : 'translate-x-0.5',
          )}
        />
      </button>
      <div className={cn('min-w-0', hideLabel && 'sr-only')}>
        <label id={labelId} htmlFor={switchId} className="text-sm font-medium text-slate-900">
          {label}
        </label>
        {description && (
          <div id={descriptionId} className="mt-0.5 text-[13px] leading-5 text-slate-600">
            {description}
          </div>
        )}
      </div>
    </div>
  );
}
