import { SUBTYPE_LABELS } from '@tiltmeter/shared/classification/reasons';
import {
  ENTRY_SOURCES,
  MANAGER_SUBTYPES,
  type ManagerSubtype,
  RSVPS,
  SHOW_AS,
} from '@tiltmeter/shared/entries';
import { ISO_WEEKDAYS } from '@tiltmeter/shared/metrics';
import type { DraftRule, RuleCategory, RuleConditions } from '@tiltmeter/shared/rules';
import { type ReactNode, useId } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Field, FieldError, Input, Select } from '../../../components/ui/field.tsx';
import { CloseIcon } from '../../../components/ui/icons.tsx';
import {
  CONDITION_DEFAULTS,
  CONDITION_LABELS,
  CONDITION_ORDER,
  type ConditionKey,
  errorsUnder,
  RSVP_LABELS,
  type RuleErrors,
  SHOW_AS_LABELS,
  SOURCE_LABELS,
  WEEKDAY_SHORT,
} from '../utils/draft.ts';
import { CATEGORY_LABELS } from './category-badge.tsx';
import {
  BooleanEditor,
  ChoiceEditor,
  ListEditor,
  RangeEditor,
  TimeRangesEditor,
} from './condition-editors.tsx';

const OUTCOME_OPTIONS = (['maker', 'manager', 'neutral', 'excluded'] as const).map((category) => ({
  value: category,
  label: CATEGORY_LABELS[category],
}));
const SUBTYPE_OPTIONS = MANAGER_SUBTYPES.map((subtype) => ({
  value: subtype,
  label: SUBTYPE_LABELS[subtype],
}));

const HINTS: Partial<Record<ConditionKey, string>> = {
  titleKeywords: 'Separate with commas. Whole words in any case: “sync” matches “Team Sync”, not “async”.',
  excludeTitleKeywords: 'Exceptions to the keywords above, e.g. “focus group”.',
  titlePattern:
    'A regular expression, case-insensitive. Keywords are easier to read; use this when they are not enough.',
  attendees: 'Everyone invited, including you: a solo block is 0 or 1, a 1:1 is 2.',
  calendars: 'Calendar names as shown in your import history, separated with commas.',
  timeOfDay: 'When the entry starts, in its own time zone.',
};

/** The structured editor of one rule: name, outcome, and each condition with its own control. */
export function RuleForm({
  rule,
  errors,
  readOnly,
  onChange,
}: {
  rule: DraftRule;
  errors: RuleErrors | undefined;
  readOnly: boolean;
  onChange: (rule: DraftRule) => void;
}) {
  const id = useId();
  const present = CONDITION_ORDER.filter((key) => rule.conditions[key] !== undefined);
  const missing = CONDITION_ORDER.filter((key) => rule.conditions[key] === undefined);
  const firstError = (path: string) => errorsUnder(errors, path)[0];
  const setConditions = (conditions: RuleConditions) => onChange({ ...rule, conditions });
  function setCondition<K extends ConditionKey>(key: K, value: RuleConditions[K]) {
    setConditions({ ...rule.conditions, [key]: value });
  }
  function removeCondition(key: ConditionKey) {
    const { [key]: _removed, ...rest } = rule.conditions;
    setConditions(rest);
  }
  const rootConditionError = errors?.conditions?.[0];

  return (
    <div className="space-y-5">
      <div className="grid gap-4 @lg:grid-cols-[minmax(0,1fr)_auto]">
        <Field label="Name" error={firstError('name')}>
          <Input
            value={rule.name}
            maxLength={80}
            disabled={readOnly}
            onChange={(event) => onChange({ ...rule, name: event.target.value })}
          />
        </Field>
        <Field label="Then classify as" error={firstError('outcome')}>
          <div className="flex flex-wrap gap-2">
            <Select
              className="w-36"
              disabled={readOnly}
              options={OUTCOME_OPTIONS}
              value={rule.outcome.category}
              onChange={(event) => {
                const category = event.target.value as RuleCategory;
                onChange({
                  ...rule,
                  outcome: {
                    category,
                    subtype: category === 'manager' ? (rule.outcome.subtype ?? 'coordination') : null,
                  },
                });
              }}
            />
            {rule.outcome.category === 'manager' && (
              <Select
                aria-label="Kind of manager work"
                className="w-40"
                disabled={readOnly}
                options={SUBTYPE_OPTIONS}
                value={rule.outcome.subtype ?? 'coordination'}
                onChange={(event) =>
                  onChange({
                    ...rule,
                    outcome: { category: 'manager', subtype: event.target.value as ManagerSubtype },
                  })
                }
              />
            )}
          </div>
        </Field>
      </div>

      <fieldset
        className="space-y-3"
        aria-describedby={rootConditionError ? `${id}-conditions-error` : undefined}
      >
        <legend className="text-sm font-medium text-slate-800">
          When <span className="font-normal text-slate-600">all of these are true</span>
        </legend>
        {present.length === 0 && <p className="text-sm text-slate-600">No conditions yet: add one below.</p>}
        <ul className="space-y-2.5">
          {present.map((key) => (
            <ConditionRow
              key={key}
              label={CONDITION_LABELS[key]}
              hint={HINTS[key]}
              error={firstError(`conditions.${key}`)}
              readOnly={readOnly}
              onRemove={() => removeCondition(key)}
              hintId={`${id}-${key}-hint`}
            >
              {renderEditor(
                key,
                rule.conditions,
                setCondition,
                readOnly,
                Boolean(firstError(`conditions.${key}`)),
                `${id}-${key}-hint`,
                errors,
              )}
            </ConditionRow>
          ))}
        </ul>
        {rootConditionError && <FieldError id={`${id}-conditions-error`}>{rootConditionError}</FieldError>}
        {!readOnly && missing.length > 0 && (
          <Select
            aria-label="Add a condition"
            className="w-64 max-w-full"
            value=""
            placeholder="+ Add a condition…"
            options={missing.map((key) => ({ value: key, label: CONDITION_LABELS[key] }))}
            onChange={(event) => {
              const key = event.target.value as ConditionKey;
              if (key) setCondition(key, structuredClone(CONDITION_DEFAULTS[key]) as never);
            }}
          />
        )}
      </fieldset>
    </div>
  );
}

function ConditionRow({
  label,
  hint,
  hintId,
  error,
  readOnly,
  onRemove,
  children,
}: {
  label: string;
  hint: string | undefined;
  hintId: string;
  error: string | undefined;
  readOnly: boolean;
  onRemove: () => void;
  children: ReactNode;
}) {
  return (
    <li className="rounded-lg border border-slate-200 bg-slate-50/60 p-3">
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <p className="mb-1.5 text-[13px] font-semibold text-slate-700">{label}</p>
          {children}
          {hint && (
            <p id={hintId} className="mt-1.5 text-xs leading-5 text-slate-600">
              {hint}
            </p>
          )}
          {error && <FieldError>{error}</FieldError>}
        </div>
        {!readOnly && (
          <Button variant="ghost" size="sm" aria-label={`Remove condition: ${label}`} onClick={onRemove}>
            <CloseIcon />
          </Button>
        )}
      </div>
    </li>
  );
}

function renderEditor(
  key: ConditionKey,
  conditions: RuleConditions,
  set: <K extends ConditionKey>(key: K, value: RuleConditions[K]) => void,
  disabled: boolean,
  invalid: boolean,
  hintId: string,
  errors: RuleErrors | undefined,
) {
  const label = CONDITION_LABELS[key];
  switch (key) {
    case 'titleKeywords':
    case 'excludeTitleKeywords':
    case 'calendars':
      return (
        <ListEditor
          label={label}
          value={conditions[key] ?? []}
          onChange={(value) => set(key, value)}
          placeholder={key === 'calendars' ? 'Work, Team calendar' : 'standup, sync, planning'}
          disabled={disabled}
          invalid={invalid}
          describedBy={hintId}
        />
      );
    case 'titlePattern':
      return (
        <Input
          aria-label={label}
          aria-describedby={hintId}
          invalid={invalid}
          className="font-mono"
          value={conditions.titlePattern ?? ''}
          disabled={disabled}
          placeholder="^(1:1|1-1)\b"
          onChange={(event) => set('titlePattern', event.target.value)}
        />
      );
    case 'attendees':
    case 'durationMinutes':
      return (
        <RangeEditor
          label={label}
          unit={key === 'attendees' ? 'people' : 'minutes'}
          value={conditions[key] ?? {}}
          onChange={(value) => set(key, value)}
          disabled={disabled}
          invalid={invalid}
          describedBy={HINTS[key] ? hintId : undefined}
        />
      );
    case 'organizer':
      return (
        <BooleanEditor
          label={label}
          yes="You organized it"
          no="Someone else organized it"
          value={conditions.organizer ?? true}
          onChange={(value) => set('organizer', value)}
          disabled={disabled}
        />
      );
    case 'recurring':
      return (
        <BooleanEditor
          label={label}
          yes="Part of a recurring series"
          no="A one-off"
          value={conditions.recurring ?? true}
          onChange={(value) => set('recurring', value)}
          disabled={disabled}
        />
      );
    case 'weekdays':
      return (
        <ChoiceEditor
          label={label}
          value={conditions.weekdays ?? []}
          options={ISO_WEEKDAYS.map((day) => ({ value: day, label: WEEKDAY_SHORT[day] }))}
          onChange={(value) => set('weekdays', value)}
          disabled={disabled}
        />
      );
    case 'rsvp':
      return (
        <ChoiceEditor
          label={label}
          value={conditions.rsvp ?? []}
          options={RSVPS.map((value) => ({ value, label: RSVP_LABELS[value] }))}
          onChange={(value) => set('rsvp', value)}
          disabled={disabled}
        />
      );
    case 'showAs':
      return (
        <ChoiceEditor
          label={label}
          value={conditions.showAs ?? []}
          options={SHOW_AS.map((value) => ({ value, label: SHOW_AS_LABELS[value] }))}
          onChange={(value) => set('showAs', value)}
          disabled={disabled}
        />
      );
    case 'sources':
      return (
        <ChoiceEditor
          label={label}
          value={conditions.sources ?? []}
          options={ENTRY_SOURCES.map((value) => ({ value, label: SOURCE_LABELS[value] }))}
          onChange={(value) => set('sources', value)}
          disabled={disabled}
        />
      );
    case 'timeOfDay':
      return (
        <TimeRangesEditor
          label="Window"
          value={conditions.timeOfDay ?? []}
          onChange={(value) => set('timeOfDay', value)}
          disabled={disabled}
          errorAt={(index) => errorsUnder(errors, `conditions.timeOfDay.${index}`).length > 0}
        />
      );
  }
}
