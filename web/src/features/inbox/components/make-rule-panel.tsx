import { ruleFromOverride } from '@tiltmeter/shared/classification/rule-from-override';
import type { Entry } from '@tiltmeter/shared/entries';
import type { DraftRule } from '@tiltmeter/shared/rules';
import { useMemo, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { ArrowRightIcon, RulesIcon } from '../../../components/ui/icons.tsx';
import { toEngineEntry } from '../utils/entry-facts.ts';
import { type CategoryChoice, CategoryPicker, choiceLabel } from './category-picker.tsx';

/** Which of the draft's conditions matter to a reader, in words. */
function describeDraft(draft: DraftRule): string {
  const { titleKeywords, attendees, recurring } = draft.conditions;
  if (titleKeywords?.length) return `titles with “${titleKeywords.join('”, “')}”`;
  const parts: string[] = [];
  if (attendees) {
    parts.push(
      attendees.max !== undefined && attendees.max <= 1
        ? 'no other attendees'
        : `${attendees.min ?? 0}${attendees.max === attendees.min ? '' : `–${attendees.max ?? '∞'}`} attendees`,
    );
  }
  if (recurring !== undefined) parts.push(recurring ? 'recurring' : 'one-off');
  return parts.length ? `entries with ${parts.join(', ')}` : 'entries like this one';
}

/**
 * "Make a rule from this": the member says what the entry is, and gets a draft rule that would sort
 * entries like it the same way, to preview and save in the rules editor.
 */
export function MakeRulePanel({
  entry,
  pending,
  onClassifyOne,
  onMakeRule,
  onClose,
}: {
  entry: Entry;
  pending: boolean;
  onClassifyOne: (choice: CategoryChoice) => void;
  onMakeRule: (draft: DraftRule) => void;
  onClose: () => void;
}) {
  const [choice, setChoice] = useState<CategoryChoice>({ category: 'manager', subtype: 'coordination' });
  const draft = useMemo(() => ruleFromOverride(toEngineEntry(entry), choice), [entry, choice]);

  return (
    <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 lg:flex-row lg:items-center">
      <div className="flex items-start gap-3 lg:flex-1">
        <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-lg bg-accent-50 text-accent-700">
          <RulesIcon className="size-4" />
        </span>
        <div className="min-w-0 space-y-2">
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <span aria-hidden="true">This is</span>
            <CategoryPicker value={choice} onChange={setChoice} disabled={pending} label="This entry is" />
          </div>
          <p className="text-sm text-slate-600">
            Suggested rule <span className="font-medium text-slate-900">“{draft.name}”</span>:{' '}
            {describeDraft(draft)} become {choiceLabel(choice).toLowerCase()}.
          </p>
        </div>
      </div>
      <div className="flex flex-wrap gap-2 pl-11 lg:justify-end lg:pl-0">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="secondary" disabled={pending} onClick={() => onClassifyOne(choice)}>
          Only this entry
        </Button>
        <Button onClick={() => onMakeRule(draft)}>
          Preview the rule
          <ArrowRightIcon />
        </Button>
      </div>
    </div>
  );
}
