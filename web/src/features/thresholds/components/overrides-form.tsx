import { ROLE_PROFILES, type ThresholdOverrides } from '@tiltmeter/shared/metrics';
import { type FormEvent, useId, useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Field, Input, Select } from '../../../components/ui/field.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { type ThresholdScope, usePutThresholds } from '../api/put-thresholds.ts';
import {
  type FormErrors,
  type FormValues,
  fieldPaths,
  formatThreshold,
  fromFormValues,
  keyOfPath,
  META,
  PROFILE_LABELS,
  readableMessage,
  toDisplay,
  toFormValues,
  unitLabel,
} from '../utils/fields.ts';

/** Fields in reading order; their explanations are in the table above the form. */
const GROUPS: ReadonlyArray<{ title: string; keys: readonly string[] }> = [
  { title: 'Targets', keys: ['targetMakerShare', 'minDeepBlocksPerWeek', 'deepBlockMinutes'] },
  { title: 'Meeting load', keys: ['heavyMeetingDayMinutes', 'zeroMakerMinutes'] },
  { title: 'Streaks and drift', keys: ['sustainedTiltWeeks', 'burnoutWeeks', 'driftPoints'] },
  {
    title: 'Outside working hours',
    keys: ['afterHoursMinutesPerWeek', 'afterHoursWeeks', 'afterHoursWindowWeeks', 'weekendMinutes'],
  },
];

export interface OverridesFormProps {
  scope: ThresholdScope;
  /** What this scope overrides today. */
  overrides: ThresholdOverrides | null;
  /** The value a field falls back to when left empty (stored units), for the hint. */
  inherited: (path: string) => number | undefined;
  /** "Save your thresholds", "Save Platform’s thresholds". */
  saveLabel: string;
}

/** Errors from the server are keyed `body.<path>`; the form's fields by `<path>`. */
function serverErrors(error: unknown): { fields: FormErrors; message: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, message: 'The thresholds could not be saved.' };
  const fields: FormErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.filter((part) => part !== 'body').join('.');
    if (path) fields[path] = readableMessage(issue.message);
  }
  return { fields, message: Object.keys(fields).length > 0 ? null : error.message };
}

/** One scope's overrides. Empty fields inherit; every value is checked with the server's schema first. */
export function OverridesForm({ scope, overrides, inherited, saveLabel }: OverridesFormProps) {
  const id = useId();
  const kind = scope.kind;
  const paths = fieldPaths(kind);
  const [values, setValues] = useState<FormValues>(() => toFormValues(overrides, paths));
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const put = usePutThresholds();

  const initial = toFormValues(overrides, paths);
  const dirty = paths.some((path) => (values[path] ?? '') !== (initial[path] ?? ''));
  const setCount = paths.filter((path) => (values[path] ?? '').trim() !== '').length;

  function set(path: string, value: string) {
    setValues((current) => ({ ...current, [path]: value }));
    setErrors(({ [path]: _cleared, ...rest }) => rest);
    setSavedAt(null);
  }

  function submit(next: FormValues) {
    setFormError(null);
    const result = fromFormValues(next, overrides);
    if (!result.ok) {
      setErrors(result.errors);
      document.getElementById(`${id}-${Object.keys(result.errors)[0]}`)?.focus();
      return;
    }
    put.mutate(
      { scope, overrides: result.overrides },
      {
        onSuccess: () => {
          setErrors({});
          setValues(next);
          setSavedAt(Date.now());
        },
        onError: (error) => {
          const { fields, message } = serverErrors(error);
          setErrors(fields);
          setFormError(message);
        },
      },
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit(values);
  }

  function fieldFor(path: string, label?: string) {
    const key = keyOfPath(path);
    const meta = META[key];
    const fallback = inherited(path);
    const fieldId = `${id}-${path}`;
    const hint = fallback === undefined ? undefined : `Empty: ${formatThreshold(key, fallback)}`;
    if (key === 'deepBlockMinutes') {
      return (
        <Field key={path} id={fieldId} label={label ?? meta.label} error={errors[path]}>
          <Select
            value={values[path] ?? ''}
            onChange={(event) => set(path, event.target.value)}
            options={[
              {
                value: '',
                label: `Inherit${fallback === undefined ? '' : ` (${formatThreshold(key, fallback)})`}`,
              },
              { value: '2', label: '2 hours' },
              { value: '4', label: '4 hours, the half-day' },
            ]}
          />
        </Field>
      );
    }
    const unit =
      meta.unit === 'percent'
        ? '%'
        : unitLabel(
            meta.unit,
            Number(values[path] || (fallback !== undefined ? toDisplay(key, fallback) : 0)),
          );
    return (
      <Field key={path} id={fieldId} label={label ?? meta.label} error={errors[path]}>
        <div className="relative">
          <Input
            inputMode="decimal"
            autoComplete="off"
            value={values[path] ?? ''}
            placeholder={fallback === undefined ? 'Inherit' : String(toDisplay(key, fallback))}
            onChange={(event) => set(path, event.target.value)}
            className="pr-16"
          />
          <span
            aria-hidden="true"
            className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-[13px] text-slate-500"
          >
            {unit}
          </span>
        </div>
        {hint && (values[path] ?? '') === '' && (
          <p className="mt-1 text-xs text-slate-600">{hint}, inherited</p>
        )}
      </Field>
    );
  }

  const profilePaths = paths.filter((path) => path.startsWith('profiles.'));

  return (
    <form onSubmit={onSubmit} noValidate className="@container space-y-7">
      {profilePaths.length > 0 && (
        <fieldset>
          <legend className="text-sm font-semibold text-slate-900">Targets per role profile</legend>
          <p className="mt-0.5 text-[13px] text-slate-600">
            Each member is measured against the targets of their profile.
          </p>
          <div className="mt-3 grid gap-3 @xl:grid-cols-3">
            {ROLE_PROFILES.map((profile) => (
              <fieldset key={profile} className="space-y-3 rounded-lg border border-slate-200 p-4">
                <legend className="float-left mb-1 w-full text-sm font-semibold text-slate-800">
                  {PROFILE_LABELS[profile]}
                </legend>
                {fieldFor(`profiles.${profile}.targetMakerShare`, 'Target maker share')}
                {fieldFor(`profiles.${profile}.minDeepBlocksPerWeek`, 'Deep blocks a week')}
              </fieldset>
            ))}
          </div>
        </fieldset>
      )}
      {GROUPS.map((group) => {
        const groupPaths = group.keys.filter((key) => paths.includes(key));
        if (groupPaths.length === 0) return null;
        return (
          <fieldset key={group.title}>
            <legend className="text-sm font-semibold text-slate-900">{group.title}</legend>
            <div className="mt-3 grid gap-x-5 gap-y-4 @md:grid-cols-2 @2xl:grid-cols-3">
              {groupPaths.map((path) => fieldFor(path))}
            </div>
          </fieldset>
        );
      })}
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="flex flex-wrap items-center justify-end gap-3 border-t border-slate-100 pt-5">
        <p className="mr-auto text-[13px] text-slate-600" role="status">
          {savedAt
            ? 'Saved. Signals use the new values from now on.'
            : `${setCount} of ${paths.length} values set here; the rest inherit.`}
        </p>
        {setCount > 0 && (
          <Button
            variant="ghost"
            disabled={put.isPending}
            onClick={() => submit(Object.fromEntries(paths.map((path) => [path, ''])))}
          >
            Clear all
          </Button>
        )}
        <Button type="submit" loading={put.isPending} disabled={!dirty}>
          {saveLabel}
        </Button>
      </div>
    </form>
  );
}
