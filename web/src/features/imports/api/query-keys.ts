/** Query-key factories of the imports screen: file imports, calendar subscriptions and the ICS feed. */
export const importKeys = {
  all: ['imports'] as const,
  history: () => [...importKeys.all, 'history'] as const,
};

export const subscriptionKeys = {
  all: ['subscriptions'] as const,
  list: () => [...subscriptionKeys.all, 'list'] as const,
};

export const feedKeys = {
  all: ['feed'] as const,
  mine: () => [...feedKeys.all, 'mine'] as const,
};
