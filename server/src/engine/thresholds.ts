import {
  DEFAULT_ROLE_PROFILE,
  DEFAULT_THRESHOLDS,
  PROFILE_THRESHOLD_KEYS,
  type ProfileThresholdKey,
  type ResolvedThresholds,
  ROLE_PROFILE_TARGETS,
  type RoleProfile,
  THRESHOLD_KEYS,
  THRESHOLD_ORIGINS,
  type ThresholdKey,
  type ThresholdLayer,
  type ThresholdOverrides,
  type ThresholdSource,
  type Thresholds,
} from '@tiltmeter/shared';

export interface ThresholdLayers {
  /** The member's role profile (member settings); hybrid when not given. */
  profile?: RoleProfile;
  org?: ThresholdOverrides | null;
  team?: ThresholdOverrides | null;
  member?: ThresholdOverrides | null;
}

const isProfileKey = (key: ThresholdKey): key is ProfileThresholdKey =>
  (PROFILE_THRESHOLD_KEYS as readonly string[]).includes(key);

// Most specific first: the first layer that sets a value wins.
const LAYER_ORDER = ['member', 'team', 'org'] as const satisfies readonly Exclude<
  ThresholdLayer,
  'default'
>[];

/**
 * Merges the org, team and member overrides over the defaults and reports, for every threshold, its
 * value and where it was set. Within one layer a profile-specific value ("our makers aim for 65 %")
 * beats a flat one, because it says more about this member. Below all layers, profile targets come
 * from the member's role profile and everything else from the brief's defaults. The layers are
 * expected to be parsed with `ThresholdOverridesSchema`; whether the merged result is coherent
 * (e.g. afterHoursWeeks <= afterHoursWindowWeeks) is for the caller to check with `ThresholdsSchema`
 * before saving an override.
 */
export function resolveThresholds(layers: ThresholdLayers = {}): ResolvedThresholds {
  const profile = layers.profile ?? DEFAULT_ROLE_PROFILE;
  const values = {} as Record<ThresholdKey, number>;
  const sources = {} as Record<ThresholdKey, ThresholdSource>;

  for (const key of THRESHOLD_KEYS) {
    const origin = THRESHOLD_ORIGINS[key];
    let resolved: { value: number; source: ThresholdSource } | undefined;
    for (const layer of LAYER_ORDER) {
      const overrides = layers[layer];
      if (!overrides) continue;
      const fromProfile = isProfileKey(key) ? overrides.profiles?.[profile]?.[key] : undefined;
      if (fromProfile !== undefined) {
        resolved = { value: fromProfile, source: { layer, profile, origin } };
        break;
      }
      const flat = overrides[key];
      if (flat !== undefined) {
        resolved = { value: flat, source: { layer, profile: null, origin } };
        break;
      }
    }
    resolved ??= isProfileKey(key)
      ? { value: ROLE_PROFILE_TARGETS[profile][key], source: { layer: 'default', profile, origin } }
      : { value: DEFAULT_THRESHOLDS[key], source: { layer: 'default', profile: null, origin } };
    values[key] = resolved.value;
    sources[key] = resolved.source;
  }

  return { profile, values: values as Thresholds, sources };
}
