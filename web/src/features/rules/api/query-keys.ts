/** Query-key factory of the rules editor; every key starts with `all`. */
export const ruleKeys = {
  all: ['rules'] as const,
  /** One rule set: the organization's (teamId null) or a team's. */
  list: (teamId: string | null) => [...ruleKeys.all, 'list', teamId ?? 'organization'] as const,
  preview: (body: unknown) => [...ruleKeys.all, 'preview', body] as const,
  recompute: () => [...ruleKeys.all, 'recompute'] as const,
  teams: () => [...ruleKeys.all, 'teams'] as const,
};
