import { SUBTYPE_LABELS } from '@tiltmeter/shared/classification/reasons';
import { MANAGER_SUBTYPES, type ManagerSubtype } from '@tiltmeter/shared/entries';
import { Select } from '../../../components/ui/field.tsx';

export type ClassifiableCategory = 'maker' | 'manager' | 'neutral' | 'excluded';

export interface CategoryChoice {
  category: ClassifiableCategory;
  subtype: ManagerSubtype | null;
}

export const CATEGORY_OPTIONS: ReadonlyArray<{ value: ClassifiableCategory; label: string }> = [
  { value: 'maker', label: 'Maker' },
  { value: 'manager', label: 'Manager' },
  { value: 'neutral', label: 'Neutral' },
  { value: 'excluded', label: 'Excluded' },
];

const SUBTYPE_OPTIONS = MANAGER_SUBTYPES.map((subtype) => ({
  value: subtype,
  label: SUBTYPE_LABELS[subtype],
}));

/** A category, and for manager time the kind of manager work: the two selects every classification needs. */
export function CategoryPicker({
  value,
  onChange,
  disabled,
  label = 'Category',
}: {
  value: CategoryChoice;
  onChange: (value: CategoryChoice) => void;
  disabled?: boolean;
  /** Accessible name of the category select ("Classify selected as"). */
  label?: string;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select
        aria-label={label}
        className="w-32"
        options={CATEGORY_OPTIONS}
        value={value.category}
        disabled={disabled}
        onChange={(event) => {
          const category = event.target.value as ClassifiableCategory;
          onChange({ category, subtype: category === 'manager' ? (value.subtype ?? 'coordination') : null });
        }}
      />
      {value.category === 'manager' && (
        <Select
          aria-label="Kind of manager work"
          className="w-36"
          options={SUBTYPE_OPTIONS}
          value={value.subtype ?? 'coordination'}
          disabled={disabled}
          onChange={(event) =>
            onChange({ category: 'manager', subtype: event.target.value as ManagerSubtype })
          }
        />
      )}
    </div>
  );
}

export function choiceLabel(choice: CategoryChoice): string {
  const category =
    CATEGORY_OPTIONS.find((option) => option.value === choice.category)?.label ?? choice.category;
  return choice.subtype ? `${category} · ${SUBTYPE_LABELS[choice.subtype]}` : category;
}
