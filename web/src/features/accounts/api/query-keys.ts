/** Query-key factory: every key of the feature starts with `all`, so one invalidation covers them. */
export const accountsKeys = {
  all: ['accounts'] as const,
  /** The signed-in user with the current organization, role and settings; null when signed out. */
  me: () => [...accountsKeys.all, 'me'] as const,
  organizations: () => [...accountsKeys.all, 'organizations'] as const,
  members: () => [...accountsKeys.all, 'members'] as const,
  invitations: () => [...accountsKeys.all, 'invitations'] as const,
};
