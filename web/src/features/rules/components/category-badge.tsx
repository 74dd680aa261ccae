import { SUBTYPE_LABELS } from '@tiltmeter/shared/classification/reasons';
import type { Category, ManagerSubtype } from '@tiltmeter/shared/entries';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';

export const CATEGORY_LABELS: Record<Category, string> = {
  maker: 'Maker',
  manager: 'Manager',
  neutral: 'Neutral',
  excluded: 'Excluded',
  unclassified: 'Unclassified',
};

const TONES: Record<Category, BadgeTone> = {
  maker: 'maker',
  manager: 'manager',
  neutral: 'neutral',
  excluded: 'neutral',
  unclassified: 'warning',
};

/** Fill colours of the category swatches (the design tokens of index.css). */
export const CATEGORY_SWATCHES: Record<Category, string> = {
  maker: 'bg-maker',
  manager: 'bg-manager',
  neutral: 'bg-neutral-time',
  excluded: 'bg-slate-200',
  // Hatched: time nobody has decided about yet, distinct from every category's solid fill.
  unclassified: 'bg-[repeating-linear-gradient(135deg,#94a3b8_0_2px,#e2e8f0_2px_5px)]',
};

export function CategoryBadge({
  category,
  subtype,
}: {
  category: Category;
  subtype?: ManagerSubtype | null;
}) {
  return (
    <Badge tone={TONES[category]}>
      {CATEGORY_LABELS[category]}
      {subtype ? ` · ${SUBTYPE_LABELS[subtype]}` : ''}
    </Badge>
  );
}
