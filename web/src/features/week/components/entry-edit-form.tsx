import type { Entry } from '@tiltmeter/shared/entries';
import type { WeekEntry } from '@tiltmeter/shared/metrics-api';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../../components/charts/states.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Field, Input } from '../../../components/ui/field.tsx';
import { InfoIcon } from '../../../components/ui/icons.tsx';
import { focusFirstInvalid } from '../../../lib/form.ts';
import type { EditEntryInput } from '../api/update-entry.ts';
import {
  type EntryFormErrors,
  type EntryFormValues,
  editSurvivesHint,
  endsOnLaterDay,
  entryEditBody,
  entryFormErrorsFromApi,
  entryFormValues,
  shiftEndDate,
} from '../utils/entry-form.ts';

interface EntryEditFormProps {
  entry: WeekEntry;
  /** The entry in full, once loaded: where it came from, whether it lasts all day. */
  full: Entry | undefined;
  timeZone: string;
  pending: boolean;
  /** The server's answer to the last save, if it refused. */
  error: unknown;
  /** The changed fields; null when nothing changed. */
  onSubmit: (body: EditEntryInput['body'] | null) => void;
  onCancel: () => void;
}

/**
 * The details of an entry: title, day, start and end as wall-clock times in the member's zone (as the
 * "Add an entry" form has them), checked with the server's schema before anything is sent; a refusal
 * from the server lands beside the field it names.
 */
export function EntryEditForm({
  entry,
  full,
  timeZone,
  pending,
  error,
  onSubmit,
  onCancel,
}: EntryEditFormProps) {
  const initial = useMemo(() => entryFormValues(entry, timeZone), [entry, timeZone]);
  const [values, setValues] = useState<EntryFormValues>(initial);
  const [errors, setErrors] = useState<EntryFormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const ref = useRef<HTMLFormElement>(null);
  // The end day is asked for only when the entry runs past midnight.
  const [multiDay] = useState(() => endsOnLaterDay(initial));

  // The server's refusal shows until the user changes something in answer to it.
  const [answered, setAnswered] = useState<unknown>(null);
  const refusal = error && error !== answered ? error : null;
  const serverErrors = useMemo(() => entryFormErrorsFromApi(refusal), [refusal]);
  const shown: EntryFormErrors = Object.keys(errors).length > 0 ? errors : serverErrors;
  const fieldProblem = (['title', 'date', 'start', 'end', 'endDate'] as const).some((key) => shown[key]);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);

  // After a refused save (the form's rules or the server's), focus goes where the user has to act.
  useEffect(() => {
    if (attempt > 0 || error) focusFirstInvalid(ref.current);
  }, [attempt, error]);

  function set<K extends keyof EntryFormValues>(key: K, value: EntryFormValues[K]) {
    setValues((current) => ({
      ...current,
      [key]: value,
      ...(key === 'date' ? { endDate: multiDay ? shiftEndDate(current, value) : value } : {}),
    }));
    // The user is fixing it: the field's message no longer applies, nor "end after start" once a time moves.
    setErrors((current) => {
      const next = { ...current };
      delete next[key];
      if (key !== 'title') delete next.end;
      return next;
    });
    setAnswered(error);
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const result = entryEditBody(values, initial, timeZone, { allDay: full?.allDay ?? false });
    if (!result.ok) {
      setErrors(result.errors);
      setAttempt((count) => count + 1);
      return;
    }
    setErrors({});
    onSubmit(result.body);
  }

  const hint = full ? editSurvivesHint(full.source, full.calendar) : null;

  return (
    <form ref={ref} onSubmit={handleSubmit} noValidate aria-label="Edit entry">
      <div className="space-y-3 px-4 py-3">
        {hint && (
          <p
            data-testid="entry-edit-import-hint"
            className="flex gap-2 rounded-lg bg-accent-50 px-3 py-2 text-xs leading-5 text-slate-700"
          >
            <InfoIcon className="mt-0.5 size-3.5 shrink-0 text-accent-600" />
            <span>{hint}</span>
          </p>
        )}
        <Field label="Title" optional error={shown.title}>
          <Input
            value={values.title}
            onChange={(event) => set('title', event.target.value)}
            placeholder="Focus: payments refactor"
            maxLength={500}
            data-autofocus
          />
        </Field>
        <Field label={multiDay ? 'Start day' : 'Day'} error={shown.date}>
          <Input
            type="date"
            value={values.date}
            onChange={(event) => set('date', event.target.value)}
            required
          />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Start" error={shown.start}>
            <Input
              type="time"
              step={300}
              value={values.start}
              onChange={(event) => set('start', event.target.value)}
              required
            />
          </Field>
          <Field label="End" error={shown.end}>
            <Input
              type="time"
              step={300}
              value={values.end}
              onChange={(event) => set('end', event.target.value)}
              required
            />
          </Field>
        </div>
        {multiDay && (
          <Field label="End day" error={shown.endDate}>
            <Input
              type="date"
              value={values.endDate}
              onChange={(event) => set('endDate', event.target.value)}
              required
            />
          </Field>
        )}
        <p className="text-[11px] leading-4 text-slate-500">Times are in {timeZone}.</p>
        {shown.form ? (
          <Alert tone="error">{shown.form}</Alert>
        ) : refusal && !fieldProblem ? (
          <Alert tone="error">{errorMessage(refusal)}</Alert>
        ) : refusal ? (
          <Alert tone="error">The change was not saved: see the message beside the field.</Alert>
        ) : null}
      </div>
      <div className="flex items-center justify-end gap-2 rounded-b-xl border-t border-slate-100 bg-slate-50/70 px-4 py-2.5">
        <Button variant="secondary" size="sm" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" size="sm" loading={pending}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
