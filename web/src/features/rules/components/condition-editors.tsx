import type { TimeRange } from '@tiltmeter/shared/metrics';
import type { CountRange, MinutesRange } from '@tiltmeter/shared/rules';
import { useId, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Input, Select } from '../../../components/ui/field.tsx';
import { CloseIcon, PlusIcon } from '../../../components/ui/icons.tsx';
import { cn } from '../../../lib/cn.ts';

/**
 * Editors for one condition each. They are controlled by the draft rule and never hold a value the
 * draft does not, except the text of a list being typed ("standup, sy").
 */

const splitList = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

/** A comma-separated list (keywords, calendar names). */
export function ListEditor({
  value,
  onChange,
  label,
  placeholder,
  disabled,
  invalid,
  describedBy,
}: {
  value: readonly string[];
  onChange: (value: string[]) => void;
  label: string;
  placeholder?: string;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
}) {
  const [text, setText] = useState(() => value.join(', '));
  // The list changed from outside (undo, a new draft): show it; typing never lands here because
  // splitting the text we hold gives the value we sent.
  const fromText = splitList(text);
  const shown = fromText.join('\u0000') === value.join('\u0000') ? text : value.join(', ');
  return (
    <Input
      aria-label={label}
      aria-describedby={describedBy}
      invalid={invalid}
      value={shown}
      disabled={disabled}
      placeholder={placeholder}
      onChange={(event) => {
        setText(event.target.value);
        onChange(splitList(event.target.value));
      }}
    />
  );
}

const toNumber = (text: string): number | undefined => {
  if (text.trim() === '') return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? Math.trunc(number) : undefined;
};

/** Inclusive min and max; either may stay empty. */
export function RangeEditor({
  value,
  onChange,
  unit,
  label,
  disabled,
  invalid,
  describedBy,
}: {
  value: CountRange | MinutesRange;
  onChange: (value: { min?: number; max?: number }) => void;
  unit: string;
  label: string;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
      <Input
        type="number"
        min={0}
        inputMode="numeric"
        aria-label={`${label}: at least`}
        aria-describedby={describedBy}
        invalid={invalid}
        className="w-24"
        placeholder="any"
        disabled={disabled}
        value={value.min ?? ''}
        onChange={(event) => onChange({ ...value, min: toNumber(event.target.value) })}
      />
      <span>to</span>
      <Input
        type="number"
        min={0}
        inputMode="numeric"
        aria-label={`${label}: at most`}
        aria-describedby={describedBy}
        invalid={invalid}
        className="w-24"
        placeholder="any"
        disabled={disabled}
        value={value.max ?? ''}
        onChange={(event) => onChange({ ...value, max: toNumber(event.target.value) })}
      />
      <span>{unit}</span>
    </div>
  );
}

/** Yes or no, in the words of the condition ("recurring" / "one-off"). */
export function BooleanEditor({
  value,
  onChange,
  yes,
  no,
  label,
  disabled,
}: {
  value: boolean;
  onChange: (value: boolean) => void;
  yes: string;
  no: string;
  label: string;
  disabled?: boolean;
}) {
  return (
    <Select
      aria-label={label}
      className="w-64 max-w-full"
      disabled={disabled}
      value={value ? 'yes' : 'no'}
      onChange={(event) => onChange(event.target.value === 'yes')}
      options={[
        { value: 'yes', label: yes },
        { value: 'no', label: no },
      ]}
    />
  );
}

/** Any of a few values, as toggle chips (native checkboxes, so Space toggles and the group is named). */
export function ChoiceEditor<T extends string>({
  value,
  onChange,
  options,
  label,
  disabled,
  describedBy,
}: {
  value: readonly T[];
  onChange: (value: T[]) => void;
  options: ReadonlyArray<{ value: T; label: string }>;
  label: string;
  disabled?: boolean;
  describedBy?: string;
}) {
  const id = useId();
  return (
    <fieldset aria-describedby={describedBy} disabled={disabled}>
      <legend className="sr-only">{label}</legend>
      <div className="flex flex-wrap gap-1.5">
        {options.map((option) => {
          const checked = value.includes(option.value);
          return (
            <label
              key={option.value}
              htmlFor={`${id}-${option.value}`}
              className={cn(
                'inline-flex cursor-pointer items-center rounded-md px-2.5 py-1 text-[13px] font-medium ring-1 transition-colors ring-inset select-none has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent-600 has-[:disabled]:cursor-not-allowed',
                checked
                  ? 'bg-accent-600 text-white ring-accent-600'
                  : 'bg-white text-slate-700 ring-control-border hover:bg-slate-50',
              )}
            >
              <input
                id={`${id}-${option.value}`}
                type="checkbox"
                className="sr-only"
                checked={checked}
                onChange={() =>
                  onChange(
                    checked
                      ? value.filter((item) => item !== option.value)
                      : options.map((o) => o.value).filter((v) => v === option.value || value.includes(v)),
                  )
                }
              />
              {option.label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Start-time windows: the entry starts inside any of them. */
export function TimeRangesEditor({
  value,
  onChange,
  label,
  disabled,
  errorAt,
}: {
  value: readonly TimeRange[];
  onChange: (value: TimeRange[]) => void;
  label: string;
  disabled?: boolean;
  /** Whether range `index` has an error (outlined). */
  errorAt: (index: number) => boolean;
}) {
  return (
    <div className="space-y-2">
      {value.map((range, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: ranges are edited in place and have no identity
        <div key={index} className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <Input
            type="time"
            aria-label={`${label} ${index + 1}: from`}
            className="w-32"
            invalid={errorAt(index)}
            disabled={disabled}
            value={range.start}
            onChange={(event) =>
              onChange(value.map((r, i) => (i === index ? { ...r, start: event.target.value } : r)))
            }
          />
          <span>to</span>
          <Input
            type="time"
            aria-label={`${label} ${index + 1}: until`}
            className="w-32"
            invalid={errorAt(index)}
            disabled={disabled}
            value={range.end === '24:00' ? '23:59' : range.end}
            onChange={(event) =>
              onChange(value.map((r, i) => (i === index ? { ...r, end: event.target.value } : r)))
            }
          />
          {value.length > 1 && !disabled && (
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Remove ${label.toLowerCase()} ${index + 1}`}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            >
              <CloseIcon />
            </Button>
          )}
        </div>
      ))}
      {!disabled && value.length < 8 && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => onChange([...value, { start: '13:00', end: '17:00' }])}
        >
          <PlusIcon />
          Add a window
        </Button>
      )}
    </div>
  );
}
