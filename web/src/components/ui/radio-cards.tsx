import { type ReactNode, useId } from 'react';
import { cn } from '../../lib/cn.ts';
import { FieldError } from './field.tsx';

export interface RadioCardOption<T extends string> {
  value: T;
  label: ReactNode;
  /** What choosing it means, in a sentence or two. */
  description?: ReactNode;
  /** Something to show on the right of the label (a badge, a number). */
  aside?: ReactNode;
}

export interface RadioCardsProps<T extends string> {
  /** The group's name, read as the fieldset's legend. */
  legend: ReactNode;
  description?: ReactNode;
  hideLegend?: boolean;
  name: string;
  value: T;
  onChange: (value: T) => void;
  options: readonly RadioCardOption<T>[];
  /** Columns on wide screens; one column on narrow ones. */
  columns?: 1 | 2 | 3;
  error?: string | undefined;
  disabled?: boolean;
}

/**
 * A choice among a few options that each need a sentence of explanation (role profile, team
 * visibility, title policy). Native radios in a fieldset: arrow keys move, the legend names the group.
 */
export function RadioCards<T extends string>({
  legend,
  description,
  hideLegend = false,
  name,
  value,
  onChange,
  options,
  columns = 3,
  error,
  disabled = false,
}: RadioCardsProps<T>) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      aria-describedby={[descriptionId, errorId].filter(Boolean).join(' ') || undefined}
      disabled={disabled}
    >
      <legend className={cn('mb-1.5 text-sm font-medium text-slate-800', hideLegend && 'sr-only')}>
        {legend}
      </legend>
      {description && (
        <p id={descriptionId} className="-mt-0.5 mb-2.5 text-[13px] leading-5 text-slate-600">
          {description}
        </p>
      )}
      <div className={cn('grid gap-3', columns === 2 && 'sm:grid-cols-2', columns === 3 && 'sm:grid-cols-3')}>
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          const checked = option.value === value;
          return (
            <label
              key={option.value}
              htmlFor={optionId}
              className={cn(
                'relative flex cursor-pointer gap-3 rounded-xl border bg-white p-4 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent-600 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-70',
                checked
                  ? 'border-accent-600 bg-accent-50/60 ring-1 ring-accent-600'
                  : 'border-slate-300 hover:border-slate-400',
              )}
            >
              <input
                type="radio"
                id={optionId}
                name={name}
                value={option.value}
                checked={checked}
                onChange={() => onChange(option.value)}
                aria-labelledby={`${optionId}-label`}
                aria-describedby={option.description ? `${optionId}-description` : undefined}
                className="mt-0.5 size-4 shrink-0 accent-accent-600 focus-visible:outline-none"
              />
              <span className="min-w-0 flex-1">
                <span className="flex items-start justify-between gap-2">
                  <span id={`${optionId}-label`} className="text-sm font-semibold text-slate-900">
                    {option.label}
                  </span>
                  {option.aside}
                </span>
                {option.description && (
                  <span
                    id={`${optionId}-description`}
                    className="mt-1 block text-[13px] leading-5 text-slate-600"
                  >
                    {option.description}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
      {error && <FieldError id={errorId}>{error}</FieldError>}
    </fieldset>
  );
}
