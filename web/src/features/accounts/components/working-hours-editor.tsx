import { ISO_WEEKDAYS, type IsoWeekday, type TimeRange, type WorkingHours } from '@tiltmeter/shared/metrics';
import { Button } from '../../../components/ui/button.tsx';
import { controlClassName, FieldError } from '../../../components/ui/field.tsx';
import { CloseIcon, PlusIcon } from '../../../components/ui/icons.tsx';
import { Switch } from '../../../components/ui/switch.tsx';
import { cn } from '../../../lib/cn.ts';
import type { FieldErrors } from '../../../lib/form.ts';
import { normaliseClockTime, WEEKDAY_NAMES } from '../utils/working-hours.ts';

const DEFAULT_RANGE: TimeRange = { start: '09:00', end: '17:00' };

export interface WorkingHoursEditorProps {
  value: WorkingHours;
  onChange: (value: WorkingHours) => void;
  /** Errors keyed by path inside the working hours: '1' (the day), '1.0.end' (a range's end). */
  errors?: FieldErrors;
  disabled?: boolean;
}

/**
 * One row per weekday: a switch for "works this day" and its time ranges (a split day is two ranges).
 * Times are typed as HH:MM on a 24-hour clock and tidied on leaving the field ("9" becomes 09:00).
 */
export function WorkingHoursEditor({
  value,
  onChange,
  errors = {},
  disabled = false,
}: WorkingHoursEditorProps) {
  function setDay(day: IsoWeekday, ranges: TimeRange[]) {
    onChange({ ...value, [day]: ranges });
  }

  function setRange(day: IsoWeekday, index: number, patch: Partial<TimeRange>) {
    setDay(
      day,
      value[day].map((range, i) => (i === index ? { ...range, ...patch } : range)),
    );
  }

  function copyMondayToWeekdays() {
    const monday = value['1'];
    onChange({ ...value, '2': monday, '3': monday, '4': monday, '5': monday });
  }

  return (
    <div>
      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200">
        {ISO_WEEKDAYS.map((day) => {
          const ranges = value[day];
          const working = ranges.length > 0;
          const dayName = WEEKDAY_NAMES[day];
          const dayErrors = Object.entries(errors).filter(
            ([key]) => key === day || key.startsWith(`${day}.`),
          );
          return (
            <li key={day} className="grid gap-3 px-4 py-3 sm:grid-cols-[10rem_minmax(0,1fr)] sm:items-start">
              <Switch
                className="pt-1.5"
                label={dayName}
                checked={working}
                disabled={disabled}
                onChange={(on) => setDay(day, on ? [DEFAULT_RANGE] : [])}
              />
              <div className="min-w-0">
                {working ? (
                  <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                    {ranges.map((range, index) => {
                      const which = ranges.length > 1 ? `${dayName}, hours ${index + 1}` : dayName;
                      const startError = errors[`${day}.${index}.start`];
                      const endError = errors[`${day}.${index}.end`];
                      return (
                        // biome-ignore lint/suspicious/noArrayIndexKey: ranges are edited in place, by position
                        <div key={index} className="flex items-center gap-1.5">
                          <TimeInput
                            label={`${which}: start`}
                            value={range.start}
                            invalid={Boolean(startError)}
                            disabled={disabled}
                            onChange={(start) => setRange(day, index, { start })}
                          />
                          <span className="text-sm text-slate-500" aria-hidden="true">
                            –
                          </span>
                          <TimeInput
                            label={`${which}: end`}
                            value={range.end}
                            invalid={Boolean(endError)}
                            disabled={disabled}
                            onChange={(end) => setRange(day, index, { end })}
                          />
                          {ranges.length > 1 && (
                            <button
                              type="button"
                              disabled={disabled}
                              onClick={() =>
                                setDay(
                                  day,
                                  ranges.filter((_, i) => i !== index),
                                )
                              }
                              aria-label={`Remove ${range.start}–${range.end} on ${dayName}`}
                              className="rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
                            >
                              <CloseIcon className="size-4" />
                            </button>
                          )}
                        </div>
                      );
                    })}
                    {ranges.length < 8 && (
                      <Button
                        variant="ghost"
                        size="sm"
                        disabled={disabled}
                        onClick={() => {
                          const last = ranges.at(-1);
                          const start = last && last.end < '23:00' ? last.end : '18:00';
                          setDay(day, [...ranges, { start, end: start < '23:00' ? '24:00' : start }]);
                        }}
                        aria-label={`Add hours on ${dayName}`}
                      >
                        <PlusIcon />
                        Add hours
                      </Button>
                    )}
                  </div>
                ) : (
                  <p className="pt-1.5 text-sm text-slate-500">
                    Not a working day: time worked counts as weekend time.
                  </p>
                )}
                {dayErrors.length > 0 && (
                  <FieldError>{[...new Set(dayErrors.map(([, message]) => message))].join(' ')}</FieldError>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <div className="mt-3">
        <Button
          variant="secondary"
          size="sm"
          disabled={disabled || value['1'].length === 0}
          onClick={copyMondayToWeekdays}
        >
          Copy Monday to Tuesday–Friday
        </Button>
      </div>
    </div>
  );
}

function TimeInput({
  label,
  value,
  onChange,
  invalid,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  disabled: boolean;
}) {
  return (
    <input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      aria-label={label}
      aria-invalid={invalid || undefined}
      placeholder="09:00"
      maxLength={5}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
      onBlur={(event) => {
        const tidy = normaliseClockTime(event.target.value);
        if (tidy !== event.target.value) onChange(tidy);
      }}
      className={cn(controlClassName, 'w-[4.5rem] text-center tabular-nums')}
    />
  );
}
