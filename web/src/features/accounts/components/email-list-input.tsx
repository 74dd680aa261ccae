import { UpdateMySettingsBodySchema } from '@tiltmeter/shared/accounts';
import { type KeyboardEvent, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Input } from '../../../components/ui/field.tsx';
import { CloseIcon, PlusIcon } from '../../../components/ui/icons.tsx';
import { validate } from '../../../lib/form.ts';

export interface EmailListInputProps {
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** Called with a message when a typed address is not valid (the Field shows it). */
  onInvalid: (message: string | undefined) => void;
  disabled?: boolean;
  /** The most addresses the list takes. */
  max?: number;
}

/**
 * A short list of email addresses: type one and press Enter (or Add); each shows as a chip with a
 * remove button. Use inside a `Field` (the text input takes the label).
 */
export function EmailListInput({
  value,
  onChange,
  onInvalid,
  disabled = false,
  max = 20,
}: EmailListInputProps) {
  const [draft, setDraft] = useState('');

  function add() {
    const email = draft.trim().toLowerCase();
    if (!email) return;
    if (value.includes(email)) {
      setDraft('');
      return;
    }
    // The same rule as the server's: one address of `calendarEmails`.
    const checked = validate(UpdateMySettingsBodySchema, { calendarEmails: [email] });
    if (!checked.ok) {
      onInvalid(checked.errors['calendarEmails.0'] ?? 'Enter an email address, like name@example.com.');
      return;
    }
    onInvalid(undefined);
    onChange([...value, email]);
    setDraft('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    }
  }

  return (
    <div>
      <div className="flex gap-2">
        <Input
          type="email"
          autoComplete="off"
          placeholder="you@work.example"
          value={draft}
          disabled={disabled || value.length >= max}
          onChange={(event) => {
            setDraft(event.target.value);
            onInvalid(undefined);
          }}
          onKeyDown={onKeyDown}
        />
        <Button variant="secondary" onClick={add} disabled={disabled || !draft.trim() || value.length >= max}>
          <PlusIcon />
          Add
        </Button>
      </div>
      {value.length > 0 && (
        <ul aria-label="Calendar addresses" className="mt-3 flex flex-wrap gap-2">
          {value.map((email) => (
            <li
              key={email}
              className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-1 pr-1 pl-3 text-sm text-slate-800 ring-1 ring-slate-200 ring-inset"
            >
              {email}
              <button
                type="button"
                disabled={disabled}
                onClick={() => onChange(value.filter((item) => item !== email))}
                aria-label={`Remove ${email}`}
                className="rounded-full p-0.5 text-slate-500 hover:bg-slate-200 hover:text-slate-800"
              >
                <CloseIcon className="size-3.5" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
