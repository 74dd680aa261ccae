import { z } from 'zod';
import { TimeZoneSchema } from './entries.ts';
import { RoleProfileSchema, WorkingHoursSchema } from './metrics.ts';

/**
 * Contracts of accounts: who I am (`/me`), my settings, my organizations, the members of the current
 * organization and invitations. Every URL is under /api/v1 and needs a session cookie or an API token.
 */

const IsoInstantSchema = z.iso.datetime();

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

/** What a member may do in an organization; `admin` manages members, teams, tokens of others, audit. */
export const MEMBER_ROLES = ['member', 'manager', 'admin'] as const;
export const MemberRoleSchema = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof MemberRoleSchema>;

export const TITLE_POLICIES = ['show', 'hide', 'drop'] as const;
export const TitlePolicySchema = z.enum(TITLE_POLICIES);
export type TitlePolicy = z.infer<typeof TitlePolicySchema>;

/** The privacy floor of the product: aggregates are never shown over fewer members than this. */
export const MIN_GROUP_SIZE_FLOOR = 5;

export const IdParamsSchema = z.object({ id: z.string().min(1) });

// ---------------------------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------------------------

export const UserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.email(),
  emailVerified: z.boolean(),
  createdAt: IsoInstantSchema,
});
export type User = z.infer<typeof UserSchema>;

export const OrganizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  /** Team and org views suppress groups smaller than this (never below 5). */
  minGroupSize: z.int().min(MIN_GROUP_SIZE_FLOOR),
  titlePolicy: TitlePolicySchema,
  createdAt: IsoInstantSchema,
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const MemberSettingsSchema = z.object({
  /** Shown instead of the account name inside this organization; null uses the account name. */
  displayName: z.string().nullable(),
  timeZone: z.string(),
  workingHours: WorkingHoursSchema,
  roleProfile: RoleProfileSchema,
  /** Addresses that identify the member as an attendee in imported calendars. */
  calendarEmails: z.array(z.string()),
  /** Revocable opt-in: leads of the member's teams may see the member's individual metrics. */
  shareWithTeamLeads: z.boolean(),
  shareChangedAt: IsoInstantSchema.nullable(),
});
export type MemberSettings = z.infer<typeof MemberSettingsSchema>;

export const MemberSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.email(),
  /** The member's display name in this organization, falling back to the account name. */
  displayName: z.string(),
  role: MemberRoleSchema,
  createdAt: IsoInstantSchema,
});
export type Member = z.infer<typeof MemberSchema>;

// ---------------------------------------------------------------------------------------------
// GET /api/v1/me, PATCH /api/v1/me/settings
// ---------------------------------------------------------------------------------------------

/**
 * Who is calling. A signed-in user who belongs to no organization yet (an invitee who signed up to
 * accept an invitation) gets `organization`, `member` and `settings` as null.
 */
export const MeSchema = z.object({
  user: UserSchema,
  organization: OrganizationSchema.nullable(),
  member: z.object({ id: z.string(), role: MemberRoleSchema }).nullable(),
  role: MemberRoleSchema.nullable(),
  settings: MemberSettingsSchema.nullable(),
  /** How this request was authenticated; API tokens are bound to the organization they were made in. */
  authenticatedWith: z.enum(['session', 'token']),
});
export type Me = z.infer<typeof MeSchema>;

export const UpdateMySettingsBodySchema = z
  .object({
    displayName: z.string().trim().min(1).max(100).nullable(),
    timeZone: TimeZoneSchema,
    workingHours: WorkingHoursSchema,
    roleProfile: RoleProfileSchema,
    calendarEmails: z.array(z.email().max(320)).max(20),
    shareWithTeamLeads: z.boolean(),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one setting' });
export type UpdateMySettingsBody = z.infer<typeof UpdateMySettingsBodySchema>;

export const meEndpoints = {
  get: {
    method: 'GET',
    url: '/api/v1/me',
    schema: { response: { 200: MeSchema } },
  },
  updateSettings: {
    method: 'PATCH',
    url: '/api/v1/me/settings',
    schema: { body: UpdateMySettingsBodySchema, response: { 200: MemberSettingsSchema } },
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Organizations: mine, switch, update the current one
// ---------------------------------------------------------------------------------------------

export const MyOrganizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  role: MemberRoleSchema,
  /** The organization this request acts in. */
  current: z.boolean(),
});
export type MyOrganization = z.infer<typeof MyOrganizationSchema>;

export const ListMyOrganizationsResponseSchema = z.object({ items: z.array(MyOrganizationSchema) });
export type ListMyOrganizationsResponse = z.infer<typeof ListMyOrganizationsResponseSchema>;

export const SwitchOrganizationBodySchema = z.object({ organizationId: z.string().min(1) });
export type SwitchOrganizationBody = z.infer<typeof SwitchOrganizationBodySchema>;

export const UpdateOrganizationBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    minGroupSize: z.int().min(MIN_GROUP_SIZE_FLOOR).max(1000),
    titlePolicy: TitlePolicySchema,
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one field' });
export type UpdateOrganizationBody = z.infer<typeof UpdateOrganizationBodySchema>;

export const organizationEndpoints = {
  listMine: {
    method: 'GET',
    url: '/api/v1/organizations',
    schema: { response: { 200: ListMyOrganizationsResponseSchema } },
  },
  /** Session only: makes another of my organizations the current one (API tokens cannot switch). */
  switch: {
    method: 'POST',
    url: '/api/v1/organizations/switch',
    schema: { body: SwitchOrganizationBodySchema, response: { 200: MeSchema } },
  },
  /** Admin only: the current organization's name and privacy settings. */
  updateCurrent: {
    method: 'PATCH',
    url: '/api/v1/organizations/current',
    schema: { body: UpdateOrganizationBodySchema, response: { 200: OrganizationSchema } },
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Members of the current organization
// ---------------------------------------------------------------------------------------------

export const ListMembersResponseSchema = z.object({ items: z.array(MemberSchema) });
export type ListMembersResponse = z.infer<typeof ListMembersResponseSchema>;

export const UpdateMemberBodySchema = z.object({ role: MemberRoleSchema });
export type UpdateMemberBody = z.infer<typeof UpdateMemberBodySchema>;

export const memberEndpoints = {
  list: {
    method: 'GET',
    url: '/api/v1/members',
    schema: { response: { 200: ListMembersResponseSchema } },
  },
  /** Admin only; the last admin cannot be demoted. Audited. */
  update: {
    method: 'PATCH',
    url: '/api/v1/members/:id',
    schema: { params: IdParamsSchema, body: UpdateMemberBodySchema, response: { 200: MemberSchema } },
  },
  /** Admin only; removes the membership with its entries, settings and tokens. Audited. */
  remove: {
    method: 'DELETE',
    url: '/api/v1/members/:id',
    schema: { params: IdParamsSchema, response: { 204: z.null() } },
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Invitations
// ---------------------------------------------------------------------------------------------

export const INVITATION_STATUSES = ['pending', 'accepted', 'canceled', 'expired'] as const;
export const InvitationStatusSchema = z.enum(INVITATION_STATUSES);
export type InvitationStatus = z.infer<typeof InvitationStatusSchema>;

export const InvitationSchema = z.object({
  id: z.string(),
  email: z.email(),
  role: MemberRoleSchema,
  /** The team the invitee joins on accepting, if any. */
  teamId: z.string().nullable(),
  status: InvitationStatusSchema,
  expiresAt: IsoInstantSchema,
  invitedBy: z.object({ userId: z.string(), name: z.string() }),
  createdAt: IsoInstantSchema,
});
export type Invitation = z.infer<typeof InvitationSchema>;

export const CreateInvitationBodySchema = z.object({
  email: z.email().max(320),
  role: MemberRoleSchema.default('member'),
  teamId: z.string().min(1).optional(),
});
export type CreateInvitationBody = z.input<typeof CreateInvitationBodySchema>;

export const ListInvitationsResponseSchema = z.object({ items: z.array(InvitationSchema) });
export type ListInvitationsResponse = z.infer<typeof ListInvitationsResponseSchema>;

/** The link in the invitation email: `<PUBLIC_URL>/invitations/<id>`; the page calls `accept`. */
export const invitationLinkPath = (invitationId: string) => `/invitations/${invitationId}`;

export const invitationEndpoints = {
  /** Admin only: pending and past invitations of the current organization. */
  list: {
    method: 'GET',
    url: '/api/v1/invitations',
    schema: { response: { 200: ListInvitationsResponseSchema } },
  },
  /** Admin only: sends the invitation link by email (or logs it when no SMTP is configured). */
  create: {
    method: 'POST',
    url: '/api/v1/invitations',
    schema: { body: CreateInvitationBodySchema, response: { 201: InvitationSchema } },
  },
  /** Admin only: cancels a pending invitation. */
  cancel: {
    method: 'DELETE',
    url: '/api/v1/invitations/:id',
    schema: { params: IdParamsSchema, response: { 204: z.null() } },
  },
  /**
   * Signed in with a session whose email is the invited address (sign up first if needed, with
   * `invitationId` so no organization of your own is made). Makes the new organization the current one.
   */
  accept: {
    method: 'POST',
    url: '/api/v1/invitations/:id/accept',
    schema: { params: IdParamsSchema, response: { 200: MeSchema } },
  },
} as const;
