/** Query-key factory of the thresholds screen. */
export const thresholdKeys = {
  all: ['thresholds'] as const,
  settings: () => [...thresholdKeys.all, 'settings'] as const,
  teams: () => [...thresholdKeys.all, 'teams'] as const,
};
