import { useId } from 'react';
import { cn } from '../../lib/cn.ts';

export interface SegmentOption<T extends string> {
  value: T;
  label: string;
  /** Read instead of the label by screen readers ("26 weeks" for "26w"). */
  accessibleLabel?: string;
}

interface SegmentedControlProps<T extends string> {
  /** The group's accessible name ("Range", "Show as"). */
  label: string;
  /** Show the label before the segments (otherwise it is for assistive tech only). */
  showLabel?: boolean;
  value: T;
  onChange: (value: T) => void;
  options: readonly SegmentOption<T>[];
  size?: 'sm' | 'md';
  className?: string;
}

/**
 * A choice of a few mutually exclusive views (12/26/52 weeks, chart or table). Native radios in a
 * radio group, drawn as a segmented button: arrow keys move the choice, Tab leaves the group.
 */
export function SegmentedControl<T extends string>({
  label,
  showLabel = false,
  value,
  onChange,
  options,
  size = 'md',
  className,
}: SegmentedControlProps<T>) {
  const name = useId();
  const labelId = `${name}-label`;
  return (
    <div className={cn('flex items-center gap-2', className)}>
      <span id={labelId} className={cn(showLabel ? 'text-[13px] font-medium text-slate-600' : 'sr-only')}>
        {label}
      </span>
      <div
        role="radiogroup"
        aria-labelledby={labelId}
        className="inline-flex rounded-lg bg-slate-100 p-0.5 ring-1 ring-slate-200 ring-inset"
      >
        {options.map((option) => {
          const checked = option.value === value;
          return (
            <label
              key={option.value}
              className={cn(
                'relative cursor-pointer rounded-md font-medium whitespace-nowrap transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-accent-600',
                size === 'sm' ? 'px-2.5 py-1 text-xs' : 'px-3 py-1.5 text-[13px]',
                checked
                  ? 'bg-white text-slate-900 shadow-sm ring-1 ring-slate-200'
                  : 'text-slate-600 hover:text-slate-900',
              )}
            >
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={checked}
                onChange={() => onChange(option.value)}
                className="sr-only"
                aria-label={option.accessibleLabel}
              />
              {option.label}
            </label>
          );
        })}
      </div>
    </div>
  );
}
