import type { MemberRole } from '@tiltmeter/shared/accounts';

export const ROLE_LABELS: Record<MemberRole, string> = {
  member: 'Member',
  manager: 'Manager',
  admin: 'Admin',
};

/** What each role may do, in a sentence, for the role pickers. */
export const ROLE_DESCRIPTIONS: Record<MemberRole, string> = {
  member: 'Sees their own numbers and the team views they belong to.',
  manager: 'Also creates and shapes teams, and sees org patterns.',
  admin: 'Also manages members, invitations, organization settings and the audit log.',
};
