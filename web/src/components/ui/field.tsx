import {
  createContext,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useContext,
  useId,
} from 'react';
import { cn } from '../../lib/cn.ts';
import { ChevronDownIcon } from './icons.tsx';

/**
 * Form fields. `Field` draws the label, the hint and the error, and hands the control its id and
 * ARIA wiring through context, so a form reads:
 *
 *   <Field label="Email" error={errors.email}><Input type="email" {...register('email')} /></Field>
 *
 * Any control below reads the context (`useFieldControl`): Input, Textarea, Select, Combobox.
 */

interface FieldContextValue {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
  required: boolean;
}

const FieldContext = createContext<FieldContextValue | null>(null);

/** The id, `aria-describedby` and `aria-invalid` a control inside a `Field` should carry. */
export function useFieldControl(props: { id?: string; 'aria-describedby'?: string; invalid?: boolean } = {}) {
  const field = useContext(FieldContext);
  const invalid = props.invalid ?? field?.invalid ?? false;
  const describedBy = [field?.describedBy, props['aria-describedby']].filter(Boolean).join(' ') || undefined;
  return {
    id: props.id ?? field?.id,
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    required: field?.required || undefined,
  };
}

export interface FieldProps {
  label: ReactNode;
  /** A hint under the label: format, consequences, defaults. */
  description?: ReactNode;
  /** The field's error; shown under the control and announced with it. */
  error?: string | undefined;
  /** Marks the control required (shown as "required" to assistive tech; the form validates). */
  required?: boolean;
  /** Shown after the label, in grey: "(optional)". */
  optional?: boolean;
  /** Hides the label visually (it stays the accessible name). */
  hideLabel?: boolean;
  /** Overrides the generated control id. */
  id?: string;
  className?: string;
  children: ReactNode;
}

export function Field({
  label,
  description,
  error,
  required = false,
  optional = false,
  hideLabel = false,
  id,
  className,
  children,
}: FieldProps) {
  const generated = useId();
  const controlId = id ?? `field-${generated}`;
  const descriptionId = description ? `${controlId}-description` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;

  return (
    <FieldContext.Provider value={{ id: controlId, describedBy, invalid: Boolean(error), required }}>
      <div className={cn('min-w-0', className)}>
        <label
          htmlFor={controlId}
          className={cn('mb-1.5 block text-sm font-medium text-slate-800', hideLabel && 'sr-only')}
        >
          {label}
          {optional && (
            <>
              {' '}
              <span className="ml-1 font-normal text-slate-500">(optional)</span>
            </>
          )}
        </label>
        {description && (
          <p id={descriptionId} className="-mt-0.5 mb-2 text-[13px] leading-5 text-slate-600">
            {description}
          </p>
        )}
        {children}
        {error && <FieldError id={errorId}>{error}</FieldError>}
      </div>
    </FieldContext.Provider>
  );
}

/** A field error on its own, for controls outside a `Field` (a group of checkboxes, a row editor). */
export function FieldError({ id, children }: { id?: string | undefined; children: ReactNode }) {
  return (
    <p id={id} className="mt-1.5 flex items-start gap-1.5 text-[13px] leading-5 font-medium text-critical">
      {children}
    </p>
  );
}

/**
 * The look of a text control; exported for controls built elsewhere (combobox, tag input). Without a
 * width: `controlClasses(className)` adds `w-full` unless the caller sets a width of its own.
 */
export const controlClassName =
  'block rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs ring-1 ring-control-border ring-inset transition-shadow placeholder:text-slate-500 focus:ring-2 focus:ring-accent-600 focus-visible:outline-none disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 aria-[invalid=true]:ring-critical aria-[invalid=true]:focus:ring-critical read-only:bg-slate-50';

export function controlClasses(className?: string): string {
  return cn(controlClassName, !/(^|\s)(w|max-w)-/.test(className ?? '') && 'w-full', className);
}

export interface InputProps extends InputHTMLAttributes<HTMLInputElement> {
  invalid?: boolean;
}

export function Input({ className, invalid, id, 'aria-describedby': describedBy, ...props }: InputProps) {
  const control = useFieldControl({ id, 'aria-describedby': describedBy, invalid });
  return <input {...control} className={controlClasses(className)} {...props} />;
}

export interface TextareaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  invalid?: boolean;
}

export function Textarea({
  className,
  invalid,
  id,
  'aria-describedby': describedBy,
  ...props
}: TextareaProps) {
  const control = useFieldControl({ id, 'aria-describedby': describedBy, invalid });
  return <textarea rows={3} {...control} className={controlClasses(className)} {...props} />;
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> {
  options: readonly SelectOption[];
  invalid?: boolean;
  /** A first, empty choice ("Choose a team…"). */
  placeholder?: string;
}

/** The native select, styled: the platform's keyboard and screen-reader support comes for free. */
export function Select({
  className,
  invalid,
  id,
  options,
  placeholder,
  'aria-describedby': describedBy,
  ...props
}: SelectProps) {
  const control = useFieldControl({ id, 'aria-describedby': describedBy, invalid });
  return (
    <div className={cn('relative', className)}>
      <select {...control} className={controlClasses('appearance-none pr-9')} {...props}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-slate-500" />
    </div>
  );
}
