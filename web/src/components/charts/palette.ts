import type { CSSProperties } from 'react';

/**
 * The chart palette. Categories use the design tokens of index.css (Okabe-Ito blue for maker, orange
 * for manager), so they stay apart under the common colour-vision deficiencies and in greyscale.
 * Manager subtypes are steps of the same orange, light to dark, and every block also carries the
 * subtype's short label: the shade is a help, never the only cue. Dark ink on every orange step
 * keeps at least 4.5:1 contrast.
 */

export type CalendarCategory = 'maker' | 'manager' | 'neutral' | 'excluded' | 'unclassified';
export type SubtypeKey =
  | 'one_on_one'
  | 'team_sync'
  | 'review'
  | 'hiring'
  | 'external'
  | 'coordination'
  | 'unspecified';

export const MAKER_COLOR = 'var(--color-maker)';
export const MAKER_LIGHT = 'var(--color-maker-light)';
export const MAKER_SOFT = 'var(--color-maker-soft)';
export const MANAGER_COLOR = 'var(--color-manager)';
export const NEUTRAL_COLOR = 'var(--color-neutral-time)';
export const WARNING_COLOR = 'var(--color-warning)';
export const CRITICAL_COLOR = 'var(--color-critical)';
export const OK_COLOR = 'var(--color-ok)';

/** Literal values for SVG attributes in places where CSS variables are awkward (exports, tests). */
export const HEX = {
  maker: '#0072b2',
  makerLight: '#56b4e9',
  makerSoft: '#e4f2fb',
  manager: '#e69f00',
  managerSoft: '#fdf2dc',
  neutral: '#a3a3a3',
  warning: '#b45309',
  warningSoft: '#fef3c7',
  critical: '#b91c1c',
  criticalSoft: '#fee2e2',
  ok: '#15803d',
  grid: '#e2e8f0',
  axis: '#64748b',
} as const;

export const MANAGER_INK = '#3b2200';

export const SUBTYPE_STYLES: Record<SubtypeKey, { fill: string; label: string; short: string }> = {
  coordination: { fill: '#fbe3b0', label: 'Coordination', short: 'Coord.' },
  one_on_one: { fill: '#f7cf7a', label: '1:1', short: '1:1' },
  review: { fill: '#f0b429', label: 'Review', short: 'Review' },
  team_sync: { fill: '#e69f00', label: 'Team sync', short: 'Sync' },
  unspecified: { fill: '#eaa617', label: 'Manager', short: 'Mgr' },
  hiring: { fill: '#d89000', label: 'Hiring', short: 'Hiring' },
  external: { fill: '#cf8a00', label: 'External', short: 'External' },
};

export const SUBTYPE_ORDER: readonly SubtypeKey[] = [
  'one_on_one',
  'team_sync',
  'review',
  'hiring',
  'external',
  'coordination',
  'unspecified',
];

export const CATEGORY_LABELS: Record<CalendarCategory, string> = {
  maker: 'Maker',
  manager: 'Manager',
  neutral: 'Neutral',
  excluded: 'Excluded',
  unclassified: 'Unclassified',
};

const HATCH = 'repeating-linear-gradient(135deg, #f1f5f9 0 5px, #e2e8f0 5px 7px)';

/** The look of a calendar block of a category (and manager subtype). */
export function entryStyle(category: CalendarCategory, subtype: string | null): CSSProperties {
  switch (category) {
    case 'maker':
      return { background: MAKER_COLOR, color: '#fff', borderColor: '#005a8c' };
    case 'manager': {
      const style = SUBTYPE_STYLES[(subtype ?? 'unspecified') as SubtypeKey] ?? SUBTYPE_STYLES.unspecified;
      return { background: style.fill, color: MANAGER_INK, borderColor: '#a86a00' };
    }
    case 'neutral':
      return { background: '#d9d9d9', color: '#333', borderColor: '#a3a3a3' };
    case 'excluded':
      return { background: HATCH, color: '#475569', borderColor: '#cbd5e1', borderStyle: 'dashed' };
    default:
      return { background: '#fff', color: '#334155', borderColor: '#64748b', borderStyle: 'dashed' };
  }
}

/** "Manager · 1:1", "Maker", "Excluded". */
export function categoryLabel(category: CalendarCategory, subtype: string | null): string {
  if (category === 'manager') {
    const style = SUBTYPE_STYLES[(subtype ?? 'unspecified') as SubtypeKey];
    return subtype && style ? `Manager · ${style.label}` : 'Manager';
  }
  return CATEGORY_LABELS[category];
}
