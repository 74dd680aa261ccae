import { Button } from '../../../components/ui/button.tsx';
import { durationFact } from '../utils/entry-facts.ts';
import { type CategoryChoice, CategoryPicker } from './category-picker.tsx';

/** The bulk action: one category (and subtype) for every selected entry. */
export function ClassifyToolbar({
  count,
  minutes,
  choice,
  onChoiceChange,
  pending,
  onClassify,
  onClear,
}: {
  count: number;
  minutes: number;
  choice: CategoryChoice;
  onChoiceChange: (choice: CategoryChoice) => void;
  pending: boolean;
  onClassify: () => void;
  onClear: () => void;
}) {
  const none = count === 0;
  return (
    <div
      role="toolbar"
      aria-label="Classify selected entries"
      className={`flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 px-5 py-3 ${none ? 'bg-slate-50' : 'bg-accent-50'}`}
    >
      <p className="min-w-40 text-sm text-slate-700" aria-live="polite">
        {none ? (
          'Select entries to classify them together.'
        ) : (
          <>
            <span className="font-semibold text-slate-900">{count} selected</span>
            <span className="text-slate-600"> · {durationFact(minutes)}</span>
          </>
        )}
      </p>
      <div className="ml-auto flex flex-wrap items-center gap-2">
        <span aria-hidden="true" className="text-sm text-slate-600">
          Classify as
        </span>
        <CategoryPicker
          value={choice}
          onChange={onChoiceChange}
          disabled={pending}
          label="Classify selected as"
        />
        <Button onClick={onClassify} disabled={none} loading={pending}>
          {none ? 'Classify' : `Classify ${count}`}
        </Button>
        {!none && (
          <Button variant="secondary" onClick={onClear} disabled={pending}>
            Clear
          </Button>
        )}
      </div>
    </div>
  );
}
