/** Query-key factory of the team retro: every key starts with `all`, so one invalidation covers them. */
export const teamRetroKeys = {
  all: ['team-retro'] as const,
  /** GET /api/v1/teams/:id/metrics for a range of ISO weeks. */
  metrics: (teamId: string, from: string, to: string) =>
    [...teamRetroKeys.all, 'metrics', teamId, from, to] as const,
};
