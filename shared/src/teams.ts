import { z } from 'zod';
import { IdParamsSchema } from './accounts.ts';

/**
 * Teams of the current organization. A team has members and one or more leads. `private` (the
 * default) shows the team aggregates only; `open` means the team agreed that its members see each
 * other's individual metrics in retros. Archived teams keep their history but grant no visibility.
 */

export const TEAM_VISIBILITIES = ['private', 'open'] as const;
export const TeamVisibilitySchema = z.enum(TEAM_VISIBILITIES);
export type TeamVisibility = z.infer<typeof TeamVisibilitySchema>;

export const TeamMemberSchema = z.object({
  memberId: z.string(),
  displayName: z.string(),
  isLead: z.boolean(),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

export const TeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  visibility: TeamVisibilitySchema,
  sprintDays: z.int().min(1),
  archivedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  members: z.array(TeamMemberSchema),
});
export type Team = z.infer<typeof TeamSchema>;

const TeamNameSchema = z.string().trim().min(1).max(100);

export const CreateTeamBodySchema = z.object({
  name: TeamNameSchema,
  visibility: TeamVisibilitySchema.default('private'),
  sprintDays: z.int().min(1).max(56).default(14),
});
export type CreateTeamBody = z.input<typeof CreateTeamBodySchema>;

export const UpdateTeamBodySchema = z
  .object({ name: TeamNameSchema, visibility: TeamVisibilitySchema, sprintDays: z.int().min(1).max(56) })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one field' });
export type UpdateTeamBody = z.infer<typeof UpdateTeamBodySchema>;

export const ListTeamsQuerySchema = z.object({
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});
export type ListTeamsQuery = z.input<typeof ListTeamsQuerySchema>;

export const ListTeamsResponseSchema = z.object({ items: z.array(TeamSchema) });
export type ListTeamsResponse = z.infer<typeof ListTeamsResponseSchema>;

export const TeamMemberParamsSchema = z.object({ id: z.string().min(1), memberId: z.string().min(1) });

export const PutTeamMemberBodySchema = z.object({ isLead: z.boolean().default(false) });
export type PutTeamMemberBody = z.input<typeof PutTeamMemberBodySchema>;

/**
 * Who may change a team: admins and managers any team, a lead their own team (except archiving).
 * Every member of the organization may list teams.
 */
export const teamEndpoints = {
  list: {
    method: 'GET',
    url: '/api/v1/teams',
    schema: { querystring: ListTeamsQuerySchema, response: { 200: ListTeamsResponseSchema } },
  },
  create: {
    method: 'POST',
    url: '/api/v1/teams',
    schema: { body: CreateTeamBodySchema, response: { 201: TeamSchema } },
  },
  update: {
    method: 'PATCH',
    url: '/api/v1/teams/:id',
    schema: { params: IdParamsSchema, body: UpdateTeamBodySchema, response: { 200: TeamSchema } },
  },
  archive: {
    method: 'POST',
    url: '/api/v1/teams/:id/archive',
    schema: { params: IdParamsSchema, response: { 200: TeamSchema } },
  },
  /** Adds the member to the team, or changes whether they lead it. */
  putMember: {
    method: 'PUT',
    url: '/api/v1/teams/:id/members/:memberId',
    schema: { params: TeamMemberParamsSchema, body: PutTeamMemberBodySchema, response: { 200: TeamSchema } },
  },
  removeMember: {
    method: 'DELETE',
    url: '/api/v1/teams/:id/members/:memberId',
    schema: { params: TeamMemberParamsSchema, response: { 200: TeamSchema } },
  },
} as const;
