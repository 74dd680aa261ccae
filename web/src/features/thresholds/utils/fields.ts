import type {
  RoleProfile,
  ThresholdKey,
  ThresholdLayer,
  ThresholdOverrides,
} from '@tiltmeter/shared/metrics';
import { ROLE_PROFILES, ThresholdOverridesSchema } from '@tiltmeter/shared/metrics';

/**
 * How each threshold reads on screen. Values are stored in minutes and fractions; people think in hours
 * and percentages, so every field converts at the edge and nowhere else.
 */
export type Unit = 'percent' | 'hours' | 'weeks' | 'blocks' | 'points';

export interface ThresholdMeta {
  key: ThresholdKey;
  label: string;
  /** What the threshold means, as a sentence about the member's week. */
  description: string;
  unit: Unit;
  level: 'warning' | 'critical' | null;
  /** Bounds in display units (from the shared schema). */
  min: number;
  max: number;
  step: number;
}

export const THRESHOLDS: readonly ThresholdMeta[] = [
  {
    key: 'targetMakerShare',
    label: 'Target maker share',
    description: 'A week below this share of maker time (of maker + manager) raises a warning.',
    unit: 'percent',
    level: 'warning',
    min: 0,
    max: 100,
    step: 1,
  },
  {
    key: 'minDeepBlocksPerWeek',
    label: 'Deep work floor',
    description: 'Fewer deep blocks than this in a week raises a warning.',
    unit: 'blocks',
    level: 'warning',
    min: 0,
    max: 35,
    step: 1,
  },
  {
    key: 'deepBlockMinutes',
    label: 'Deep block length',
    description: 'The shortest uninterrupted maker run that counts as a deep block.',
    unit: 'hours',
    level: null,
    min: 2,
    max: 4,
    step: 2,
  },
  {
    key: 'zeroMakerMinutes',
    label: 'Zero-maker week',
    description: 'A week with manager time and no more maker time than this is critical.',
    unit: 'hours',
    level: 'critical',
    min: 0,
    max: 10,
    step: 0.25,
  },
  {
    key: 'heavyMeetingDayMinutes',
    label: 'Heavy meeting day',
    description: 'A day with at least this much manager time is a heavy meeting day.',
    unit: 'hours',
    level: 'warning',
    min: 0.25,
    max: 24,
    step: 0.25,
  },
  {
    key: 'sustainedTiltWeeks',
    label: 'Sustained tilt',
    description: 'This many weeks in a row below target is a sustained tilt.',
    unit: 'weeks',
    level: 'warning',
    min: 1,
    max: 104,
    step: 1,
  },
  {
    key: 'burnoutWeeks',
    label: 'Burnout pattern',
    description: 'This many weeks in a row below target is a burnout pattern.',
    unit: 'weeks',
    level: 'critical',
    min: 1,
    max: 104,
    step: 1,
  },
  {
    key: 'driftPoints',
    label: 'Drift',
    description: 'The 4-week maker share this many points or more below the 12-week baseline.',
    unit: 'points',
    level: 'warning',
    min: 0.5,
    max: 100,
    step: 0.5,
  },
  {
    key: 'afterHoursMinutesPerWeek',
    label: 'After hours',
    description: 'More than this much work outside working hours in a week counts as an after-hours week…',
    unit: 'hours',
    level: 'warning',
    min: 0,
    max: 168,
    step: 0.25,
  },
  {
    key: 'afterHoursWeeks',
    label: 'After-hours weeks',
    description: '…and this many after-hours weeks…',
    unit: 'weeks',
    level: 'warning',
    min: 1,
    max: 52,
    step: 1,
  },
  {
    key: 'afterHoursWindowWeeks',
    label: 'After-hours window',
    description: '…in this many recent weeks raises the warning.',
    unit: 'weeks',
    level: 'warning',
    min: 1,
    max: 52,
    step: 1,
  },
  {
    key: 'weekendMinutes',
    label: 'Weekend',
    description: 'More than this much work on non-working days of one week raises a warning.',
    unit: 'hours',
    level: 'warning',
    min: 0,
    max: 168,
    step: 0.25,
  },
];

export const META: Record<ThresholdKey, ThresholdMeta> = Object.fromEntries(
  THRESHOLDS.map((meta) => [meta.key, meta]),
) as Record<ThresholdKey, ThresholdMeta>;

const isMinutes = (key: ThresholdKey) => key.endsWith('Minutes') || key === 'afterHoursMinutesPerWeek';

/** Stored value → display value (minutes → hours, fraction → percent). */
export function toDisplay(key: ThresholdKey, value: number): number {
  if (key === 'targetMakerShare') return Math.round(value * 1000) / 10;
  if (isMinutes(key)) return Math.round((value / 60) * 100) / 100;
  return value;
}

/** Display value → stored value. */
export function fromDisplay(key: ThresholdKey, value: number): number {
  if (key === 'targetMakerShare') return Math.round(value * 10) / 1000;
  if (isMinutes(key)) return Math.round(value * 60);
  return value;
}

const UNIT_SUFFIX: Record<Unit, [string, string]> = {
  percent: ['%', '%'],
  hours: ['h', 'h'],
  weeks: ['week', 'weeks'],
  blocks: ['block', 'blocks'],
  points: ['point', 'points'],
};

export function unitLabel(unit: Unit, value?: number): string {
  const [one, many] = UNIT_SUFFIX[unit];
  return value === 1 ? one : many;
}

/** "50 %", "5 h", "26 weeks", "2 blocks a week". */
const PER_WEEK: Partial<Record<ThresholdKey, string>> = {
  minDeepBlocksPerWeek: ' a week',
  afterHoursMinutesPerWeek: ' a week',
};

export function formatThreshold(key: ThresholdKey, value: number): string {
  const meta = META[key];
  const shown = toDisplay(key, value);
  const number = Number.isInteger(shown)
    ? String(shown)
    : shown.toLocaleString(undefined, { maximumFractionDigits: 2 });
  const suffix = PER_WEEK[key] ?? '';
  return meta.unit === 'percent' ? `${number} %` : `${number} ${unitLabel(meta.unit, shown)}${suffix}`;
}

export const LAYER_LABELS: Record<ThresholdLayer, string> = {
  default: 'Default',
  org: 'Organization',
  team: 'Team',
  member: 'You',
};

export const PROFILE_LABELS: Record<RoleProfile, string> = {
  maker: 'Maker',
  hybrid: 'Hybrid',
  manager: 'Manager',
};

// ---------------------------------------------------------------------------------------------
// Forms: one text value per field, keyed by the override's path ("weekendMinutes",
// "profiles.maker.targetMakerShare"); empty means "inherit".
// ---------------------------------------------------------------------------------------------

export type FormValues = Record<string, string>;

export const PROFILE_KEYS = ['targetMakerShare', 'minDeepBlocksPerWeek'] as const;

/** The fields a scope edits: members set their own target flat; org and team set targets per profile. */
export function fieldPaths(scope: 'org' | 'team' | 'member'): string[] {
  const flat = THRESHOLDS.map((meta) => meta.key).filter(
    (key) => scope === 'member' || !(PROFILE_KEYS as readonly string[]).includes(key),
  );
  if (scope === 'member') return flat;
  return [
    ...ROLE_PROFILES.flatMap((profile) => PROFILE_KEYS.map((key) => `profiles.${profile}.${key}`)),
    ...flat,
  ];
}

export const keyOfPath = (path: string) => path.split('.').at(-1) as ThresholdKey;

function valueAt(overrides: ThresholdOverrides | null, path: string): number | undefined {
  if (!overrides) return undefined;
  const parts = path.split('.');
  if (parts[0] === 'profiles') {
    const profile = overrides.profiles?.[parts[1] as RoleProfile];
    return profile?.[parts[2] as (typeof PROFILE_KEYS)[number]];
  }
  return overrides[parts[0] as ThresholdKey];
}

export function toFormValues(overrides: ThresholdOverrides | null, paths: readonly string[]): FormValues {
  return Object.fromEntries(
    paths.map((path) => {
      const value = valueAt(overrides, path);
      return [path, value === undefined ? '' : String(toDisplay(keyOfPath(path), value))];
    }),
  );
}

export type FormErrors = Record<string, string>;

function rangeMessage(meta: ThresholdMeta): string {
  if (meta.key === 'deepBlockMinutes') return 'Choose 2 or 4 hours.';
  const unit = meta.unit === 'percent' ? '%' : unitLabel(meta.unit);
  return `Enter a number from ${meta.min} to ${meta.max} ${unit}.`;
}

/**
 * The overrides a form describes, on top of `base` (fields the form does not show are kept), checked
 * with the server's schema. Errors are keyed by field path, in the form's units.
 */
export function fromFormValues(
  values: FormValues,
  base: ThresholdOverrides | null,
): { ok: true; overrides: ThresholdOverrides } | { ok: false; errors: FormErrors } {
  const overrides: ThresholdOverrides = structuredClone(base ?? {});
  const errors: FormErrors = {};
  for (const [path, text] of Object.entries(values)) {
    const key = keyOfPath(path);
    const parts = path.split('.');
    const trimmed = text.trim();
    let stored: number | undefined;
    if (trimmed !== '') {
      const number = Number(trimmed.replace(',', '.'));
      if (!Number.isFinite(number)) {
        errors[path] = 'Enter a number, or leave it empty to inherit.';
        continue;
      }
      stored = fromDisplay(key, number);
    }
    if (parts[0] === 'profiles') {
      const profile = parts[1] as RoleProfile;
      const profiles = { ...overrides.profiles };
      const entry = { ...profiles[profile], [key]: stored };
      if (stored === undefined) delete entry[key as (typeof PROFILE_KEYS)[number]];
      if (Object.keys(entry).length === 0) delete profiles[profile];
      else profiles[profile] = entry;
      overrides.profiles = profiles;
      if (Object.keys(profiles).length === 0) delete overrides.profiles;
    } else if (stored === undefined) {
      delete overrides[key];
    } else {
      (overrides as Record<string, unknown>)[key] = stored;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = ThresholdOverridesSchema.safeParse(overrides);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      if (!errors[path]) errors[path] = rangeMessage(META[keyOfPath(path)] ?? META.targetMakerShare);
    }
    return { ok: false, errors };
  }
  return { ok: true, overrides: parsed.data };
}

/** A server message names fields by key ("sustainedTiltWeeks cannot exceed burnoutWeeks"): use their labels. */
export function readableMessage(message: string): string {
  let text = message.replace(/^Invalid body\.[\w.]+:\s*/, '');
  for (const meta of THRESHOLDS) text = text.replaceAll(meta.key, `“${meta.label}”`);
  return text.charAt(0).toUpperCase() + text.slice(1).replace(/\.?$/, '.');
}
