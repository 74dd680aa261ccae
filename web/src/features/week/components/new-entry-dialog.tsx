import { CreateEntryBodySchema, MANAGER_SUBTYPES, type ManagerSubtype } from '@tiltmeter/shared/entries';
import { type FormEvent, useState } from 'react';
import { SUBTYPE_STYLES } from '../../../components/charts/palette.ts';
import { errorMessage } from '../../../components/charts/states.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field, Input, Select } from '../../../components/ui/field.tsx';
import { formatDayLabel } from '../../../lib/iso-week.ts';
import type { CreateEntryInput } from '../api/create-entry.ts';
import { clockLabel, parseClock, zonedInstant } from '../utils/zoned-time.ts';
import type { DraftRange } from './week-calendar.tsx';

const CATEGORY_OPTIONS = [
  { value: '', label: 'Let the rules decide' },
  { value: 'maker', label: 'Maker' },
  ...MANAGER_SUBTYPES.map((subtype) => ({
    value: `manager:${subtype}`,
    label: `Manager · ${SUBTYPE_STYLES[subtype].label}`,
  })),
  { value: 'neutral', label: 'Neutral' },
  { value: 'excluded', label: 'Excluded' },
];

type Errors = Partial<Record<'title' | 'date' | 'start' | 'end' | 'form', string>>;

interface NewEntryDialogProps {
  open: boolean;
  draft: DraftRange | null;
  dates: readonly string[];
  timeZone: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: CreateEntryInput) => void;
  onClose: () => void;
}

/**
 * A manual entry: opened by dragging over empty time (pre-filled with that range) or from the
 * "Add entry" button (the keyboard way). Times are the member's wall-clock times in their zone.
 */
export function NewEntryDialog({
  open,
  draft,
  dates,
  timeZone,
  pending,
  error,
  onSubmit,
  onClose,
}: NewEntryDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      dismissible={!pending}
      title="Add an entry"
      description={`Times are in your time zone (${timeZone}). The rules classify it unless you choose.`}
    >
      {open && (
        <NewEntryForm
          draft={draft}
          dates={dates}
          timeZone={timeZone}
          pending={pending}
          error={error}
          onSubmit={onSubmit}
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}

function NewEntryForm({
  draft,
  dates,
  timeZone,
  pending,
  error,
  onSubmit,
  onClose,
}: Omit<NewEntryDialogProps, 'open'>) {
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(draft?.date ?? dates[0] ?? '');
  const [start, setStart] = useState(clockLabel(draft?.startMinute ?? 9 * 60));
  const [end, setEnd] = useState(clockLabel(Math.min(draft?.endMinute ?? 10 * 60, 1439)));
  const [category, setCategory] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const next: Errors = {};
    const startMinute = parseClock(start);
    const endMinute = parseClock(end);
    if (startMinute === null) next.start = 'Enter a time like 09:30.';
    if (endMinute === null) next.end = 'Enter a time like 10:30.';
    if (startMinute !== null && endMinute !== null && endMinute <= startMinute) {
      next.end = 'The end must be after the start.';
    }
    if (Object.keys(next).length > 0 || startMinute === null || endMinute === null) {
      setErrors(next);
      return;
    }
    const body = {
      title: title.trim() || null,
      start: zonedInstant(date, startMinute, timeZone).toISOString(),
      end: zonedInstant(date, endMinute, timeZone).toISOString(),
      timeZone,
    };
    // The server's own schema: the form accepts exactly what the API does.
    const parsed = CreateEntryBodySchema.safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'title' || field === 'start' || field === 'end') next[field] = issue.message;
        else next.form = issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    const [chosen, subtype] = category.split(':') as [string, ManagerSubtype | undefined];
    onSubmit({
      body: parsed.data,
      classification: chosen
        ? { category: chosen as 'maker' | 'manager' | 'neutral' | 'excluded', subtype: subtype ?? null }
        : null,
    });
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="space-y-4">
      <Field label="Title" optional error={errors.title}>
        <Input
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          placeholder="Focus: payments refactor"
          maxLength={500}
          data-autofocus
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Day" error={errors.date}>
          <Select
            value={date}
            onChange={(event) => setDate(event.target.value)}
            options={dates.map((value) => ({ value, label: formatDayLabel(value) }))}
          />
        </Field>
        <Field label="Start" error={errors.start}>
          <Input
            type="time"
            step={900}
            value={start}
            onChange={(event) => setStart(event.target.value)}
            required
          />
        </Field>
        <Field label="End" error={errors.end}>
          <Input
            type="time"
            step={900}
            value={end}
            onChange={(event) => setEnd(event.target.value)}
            required
          />
        </Field>
      </div>
      <Field
        label="Category"
        description="Choosing one sets it as your own classification, as reclassifying does."
      >
        <Select
          value={category}
          onChange={(event) => setCategory(event.target.value)}
          options={CATEGORY_OPTIONS}
        />
      </Field>
      {errors.form || error ? <Alert tone="error">{errors.form ?? errorMessage(error)}</Alert> : null}
      <div className="flex justify-end gap-3 pt-1">
        <Button variant="secondary" onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          Add entry
        </Button>
      </div>
    </form>
  );
}
