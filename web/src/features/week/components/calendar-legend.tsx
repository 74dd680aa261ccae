import {
  type CalendarCategory,
  entryStyle,
  SUBTYPE_ORDER,
  SUBTYPE_STYLES,
} from '../../../components/charts/palette.ts';

const CATEGORIES: readonly { category: CalendarCategory; label: string }[] = [
  { category: 'maker', label: 'Maker' },
  { category: 'neutral', label: 'Neutral' },
  { category: 'excluded', label: 'Excluded (counts nowhere)' },
  { category: 'unclassified', label: 'Unclassified' },
];

/** What the calendar's colours, rails and marks mean. */
export function CalendarLegend() {
  return (
    <div className="space-y-2 text-xs text-slate-600">
      <ul className="flex flex-wrap gap-x-4 gap-y-1.5">
        {CATEGORIES.map(({ category, label }) => (
          <li key={category} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="h-3 w-4 rounded-sm border"
              style={entryStyle(category, null)}
            />
            {label}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span className="flex" aria-hidden="true">
            {SUBTYPE_ORDER.filter((key) => key !== 'unspecified').map((key) => (
              <span
                key={key}
                className="h-3 w-2 first:rounded-l-sm last:rounded-r-sm"
                style={{ background: SUBTYPE_STYLES[key].fill }}
              />
            ))}
          </span>
          Manager, by kind:{' '}
          {SUBTYPE_ORDER.filter((key) => key !== 'unspecified')
            .map((key) => SUBTYPE_STYLES[key].label)
            .join(', ')}
        </li>
      </ul>
      <ul className="flex flex-wrap gap-x-4 gap-y-1.5">
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="h-3 w-1.5 rounded-full bg-maker" />
          Deep block (uninterrupted maker time)
        </li>
        <li className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="h-3 w-4 rounded-sm border border-dashed border-maker/50 bg-maker-soft"
            style={{
              backgroundImage:
                'repeating-linear-gradient(45deg, transparent 0 3px, rgb(86 180 233 / 0.25) 3px 4px)',
            }}
          />
          Capacity: a free block long enough for deep work
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="h-3 w-4 rounded-sm border border-slate-200 bg-slate-100" />
          Outside working hours
        </li>
        <li className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="rounded-sm bg-critical px-0.5 text-[9px] leading-[13px] font-bold text-white"
          >
            −60m
          </span>
          Focus cost of a meeting
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true">✎</span>
          Classified by you
        </li>
      </ul>
    </div>
  );
}
