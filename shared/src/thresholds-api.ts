import { z } from 'zod';
import {
  DEFAULT_THRESHOLDS,
  ResolvedThresholdsSchema,
  ROLE_PROFILE_TARGETS,
  THRESHOLD_ORIGINS,
  ThresholdOverridesSchema,
} from './metrics.ts';

/** The brief's defaults, each with where it comes from: what the thresholds screen shows first. */
export const ThresholdDefaultsSchema = z.object({
  values: z.record(z.string(), z.number()),
  profiles: z.record(z.string(), z.object({ targetMakerShare: z.number(), minDeepBlocksPerWeek: z.int() })),
  origins: z.record(z.string(), z.string()),
});

export const THRESHOLD_DEFAULTS = {
  values: { ...DEFAULT_THRESHOLDS },
  profiles: ROLE_PROFILE_TARGETS,
  origins: THRESHOLD_ORIGINS,
} satisfies z.infer<typeof ThresholdDefaultsSchema>;

export const ThresholdSettingsResponseSchema = z.object({
  defaults: ThresholdDefaultsSchema,
  organization: ThresholdOverridesSchema.nullable(),
  teams: z.array(
    z.object({ teamId: z.string(), name: z.string(), overrides: ThresholdOverridesSchema.nullable() }),
  ),
  me: z.object({ overrides: ThresholdOverridesSchema.nullable(), resolved: ResolvedThresholdsSchema }),
});
export type ThresholdSettingsResponse = z.infer<typeof ThresholdSettingsResponseSchema>;

export const thresholdEndpoints = {
  get: {
    method: 'GET',
    url: '/api/v1/thresholds',
    schema: { response: { 200: ThresholdSettingsResponseSchema } },
  },
  putOrganization: {
    method: 'PUT',
    url: '/api/v1/thresholds/organization',
    schema: { body: ThresholdOverridesSchema, response: { 200: ThresholdSettingsResponseSchema } },
  },
  putTeam: {
    method: 'PUT',
    url: '/api/v1/thresholds/teams/:teamId',
    schema: {
      params: z.object({ teamId: z.string().min(1) }),
      body: ThresholdOverridesSchema,
      response: { 200: ThresholdSettingsResponseSchema },
    },
  },
  putMe: {
    method: 'PUT',
    url: '/api/v1/thresholds/me',
    schema: { body: ThresholdOverridesSchema, response: { 200: ThresholdSettingsResponseSchema } },
  },
} as const;
