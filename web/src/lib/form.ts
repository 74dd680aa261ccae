import {
  type ChangeEvent,
  type FormEvent,
  type RefObject,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import { ApiError } from './api-client.ts';

/**
 * Forms validate with the same shared zod schemas as the server, and show the server's answer the
 * same way: every problem beside its field, keyed by its path ('email', 'workingHours.1.0.end').
 */

/** Field path ('workingHours.1.0.end') to message. */
export type FieldErrors = Partial<Record<string, string>>;

/** What forms need from a zod issue; typed structurally so the web package does not depend on zod. */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: string;
  format?: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
}

/** What forms need from a schema: every zod schema has it. */
export interface FormSchema<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly SchemaIssue[] } };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed[0]?.toUpperCase() + trimmed.slice(1);
  return /[.!?)]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * A person's words for a zod issue. The shared schemas keep zod's default messages (written for
 * developers, "Too small: expected string to have >=8 characters"); the field's label says what it
 * is, so the message says what to do.
 */
export function issueMessage(issue: SchemaIssue): string {
  const minimum = typeof issue.minimum === 'number' ? issue.minimum : undefined;
  const maximum = typeof issue.maximum === 'number' ? issue.maximum : undefined;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return minimum === undefined || minimum <= 1 ? 'Required.' : `Use at least ${minimum} characters.`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') return `Add at least ${minimum ?? 1}.`;
      return minimum === undefined ? 'Too small.' : `Must be at least ${minimum}.`;
    case 'too_big':
      if (issue.origin === 'string') return `Use at most ${maximum} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `At most ${maximum}.`;
      return maximum === undefined ? 'Too large.' : `Must be at most ${maximum}.`;
    case 'invalid_format':
      if (issue.format === 'email') return 'Enter an email address, like name@example.com.';
      // Shared schemas name the format ("a time like 09:00").
      if (/^an? /.test(issue.message)) return sentence(`Enter ${issue.message}`);
      return sentence(issue.message);
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return 'Enter a whole number.';
      return 'Required.';
    case 'invalid_value':
      return 'Choose one of the options.';
    case 'not_multiple_of':
      return sentence(issue.message);
    default:
      // Refinements of the shared schemas: "end must be after start", "is not a known IANA time zone".
      if (issue.message.startsWith('is ')) return sentence(`This ${issue.message}`);
      return sentence(issue.message);
  }
}

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The first problem of each field. Problems of the whole form (no path) are under ''. */
export function fieldErrorsFromIssues(issues: readonly SchemaIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = pathKey(issue.path);
    errors[key] ??= issueMessage(issue);
  }
  return errors;
}

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function validate<T>(schema: FormSchema<T>, values: unknown): Validated<T> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: fieldErrorsFromIssues(result.error.issues) };
}

/**
 * The field errors in an API error (validation issues of the request body, `['body', 'email']`),
 * keyed like the form's own.
 */
export function fieldErrorsFromApi(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path[0] === 'body' ? issue.path.slice(1) : issue.path;
    const key = pathKey(path);
    errors[key] ??= sentence(issue.message);
  }
  return errors;
}

/** The message to show for a failed request: the server's words, or a plain one for anything else. */
export function errorMessage(error: unknown, fallback = 'Something went wrong. Try again.'): string {
  if (error instanceof ApiError) return error.message || fallback;
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}

/** Moves focus to the first invalid control in the form: where the user has to act next. */
export function focusFirstInvalid(form: HTMLElement | null): void {
  const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  target?.focus();
}

export interface FormHelpers<TValues> {
  values: TValues;
  /** Back to `next` (or the initial values), with no errors. */
  reset: (next?: TValues) => void;
  setErrors: (errors: FieldErrors) => void;
}

export interface UseFormOptions<TValues, TOut> {
  initialValues: TValues;
  schema: FormSchema<TOut>;
  /** Runs with the parsed values; a thrown ApiError's field issues land beside the fields. */
  onSubmit: (data: TOut, helpers: FormHelpers<TValues>) => Promise<unknown> | unknown;
  /** Turns the form's state into the schema's input (trim empties to null, split lists...). */
  toInput?: (values: TValues) => unknown;
  /** Rules across fields the schema does not know ("the two passwords differ"), checked after it. */
  check?: (values: TValues) => FieldErrors;
}

/**
 * A small form state: values, per-field errors, the request's own error, and a submit handler that
 * validates first. `register(name)` wires a text input:
 *
 *   const form = useForm({ initialValues: { email: '' }, schema: RequestPasswordResetBodySchema, onSubmit });
 *   <form {...form.formProps}>
 *     <Field label="Email" error={form.errors.email}><Input {...form.register('email')} /></Field>
 *     <FormError error={form.submitError} />
 */
export function useForm<TValues extends Record<string, unknown>, TOut>({
  initialValues,
  schema,
  onSubmit,
  toInput,
  check,
}: UseFormOptions<TValues, TOut>) {
  const [values, setValuesState] = useState<TValues>(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitCount, setSubmitCount] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // After a failed submit, the first invalid field takes focus (once the errors have rendered).
  useEffect(() => {
    if (submitCount > 0) focusFirstInvalid(formRef.current);
  }, [submitCount]);

  const setValue = useCallback(<K extends keyof TValues>(name: K, value: TValues[K]) => {
    setValuesState((current) => ({ ...current, [name]: value }));
    // The user is fixing the field: its old message no longer applies.
    setErrors((current) => {
      if (!((name as string) in current)) return current;
      const next = { ...current };
      delete next[name as string];
      return next;
    });
  }, []);

  const register = useCallback(
    <K extends keyof TValues & string>(name: K) => ({
      name,
      value: (values[name] ?? '') as string,
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
        setValue(name, event.target.value as TValues[K]),
    }),
    [values, setValue],
  );

  const initial = useRef(initialValues);
  const reset = useCallback((next?: TValues) => {
    setValuesState(next ?? initial.current);
    setErrors({});
    setSubmitError(null);
  }, []);

  async function handleSubmit(event?: FormEvent) {
    event?.preventDefault();
    if (submitting) return;
    setSubmitError(null);
    const result = validate(schema, toInput ? toInput(values) : values);
    const crossErrors = check?.(values) ?? {};
    if (!result.ok || Object.keys(crossErrors).length > 0) {
      setErrors({ ...(result.ok ? {} : result.errors), ...crossErrors });
      setSubmitCount((count) => count + 1);
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      await onSubmit(result.data, { values, reset, setErrors });
    } catch (error) {
      const fieldErrors = fieldErrorsFromApi(error);
      setErrors(fieldErrors);
      setSubmitError(error);
      if (Object.keys(fieldErrors).length > 0) setSubmitCount((count) => count + 1);
    } finally {
      setSubmitting(false);
    }
  }

  return {
    values,
    setValue,
    setValues: setValuesState,
    register,
    reset,
    errors,
    setErrors,
    submitError,
    setSubmitError,
    submitting,
    handleSubmit,
    formRef: formRef as RefObject<HTMLFormElement>,
    formProps: {
      ref: formRef as RefObject<HTMLFormElement>,
      noValidate: true,
      onSubmit: (event: FormEvent<HTMLFormElement>) => {
        void handleSubmit(event);
      },
    },
  };
}
