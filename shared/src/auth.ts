import { z } from 'zod';
import { TimeZoneSchema } from './entries.ts';

/**
 * Sign-up, sign-in, sign-out and passwords, served by better-auth under /api/auth. The session is an
 * httpOnly cookie (SameSite=Lax; Secure when PUBLIC_URL is https). Every POST here that carries the
 * cookie must send an `Origin` header of the app (browsers do).
 *
 * Errors use the API's envelope `{ error: { code, message } }`. Sign-in answers the same 401 for an
 * unknown email and a wrong password; the reset request always answers 200.
 */

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
const PasswordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export const AuthUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
});
export type AuthUser = z.infer<typeof AuthUserSchema>;

export const SignUpBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  email: z.email().max(320),
  password: PasswordSchema,
  /** The member's IANA time zone in the new organization (default UTC); the browser knows it. */
  timeZone: TimeZoneSchema.optional(),
  /** Name of the organization made for the new user (default "<name>'s organization"). */
  organizationName: z.string().trim().min(1).max(100).optional(),
  /**
   * Signing up to accept this invitation: no organization of one's own is made. Accept it next with
   * POST /api/v1/invitations/:id/accept.
   */
  invitationId: z.string().min(1).optional(),
});
export type SignUpBody = z.input<typeof SignUpBodySchema>;

export const SignInBodySchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  /** false: a browser-session cookie instead of a 7-day one. */
  rememberMe: z.boolean().optional(),
});
export type SignInBody = z.infer<typeof SignInBodySchema>;

export const SignedInResponseSchema = z.object({ user: AuthUserSchema });
export type SignedInResponse = z.infer<typeof SignedInResponseSchema>;

export const RequestPasswordResetBodySchema = z.object({ email: z.email().max(320) });
export type RequestPasswordResetBody = z.infer<typeof RequestPasswordResetBodySchema>;

/** The link in the reset email: `<PUBLIC_URL>/reset-password?token=<token>`; the page calls `resetPassword`. */
export const RESET_PASSWORD_PAGE_PATH = '/reset-password';

export const ResetPasswordBodySchema = z.object({
  token: z.string().min(1),
  newPassword: PasswordSchema,
});
export type ResetPasswordBody = z.infer<typeof ResetPasswordBodySchema>;

export const ChangePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: PasswordSchema,
  /** Sign out every other session of this user (other browsers and devices). */
  revokeOtherSessions: z.boolean().optional(),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

export const StatusResponseSchema = z.object({ status: z.boolean() });

export const SessionResponseSchema = z
  .object({
    user: AuthUserSchema,
    session: z.object({ expiresAt: z.iso.datetime() }),
  })
  .nullable();
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const authEndpoints = {
  /** Creates the user, an organization with the user as admin (unless `invitationId`), and a session. */
  signUp: {
    method: 'POST',
    url: '/api/auth/sign-up/email',
    schema: { body: SignUpBodySchema, response: { 200: SignedInResponseSchema } },
  },
  /** Rate limited per client address. */
  signIn: {
    method: 'POST',
    url: '/api/auth/sign-in/email',
    schema: { body: SignInBodySchema, response: { 200: SignedInResponseSchema } },
  },
  signOut: {
    method: 'POST',
    url: '/api/auth/sign-out',
    schema: { response: { 200: z.object({ success: z.boolean() }) } },
  },
  /** The signed-in user, or null. */
  getSession: {
    method: 'GET',
    url: '/api/auth/get-session',
    schema: { response: { 200: SessionResponseSchema } },
  },
  /** Rate limited. Always 200, whether or not the address has an account. */
  requestPasswordReset: {
    method: 'POST',
    url: '/api/auth/request-password-reset',
    schema: { body: RequestPasswordResetBodySchema, response: { 200: StatusResponseSchema } },
  },
  /** Rate limited. A token works once; every session of the user is signed out. */
  resetPassword: {
    method: 'POST',
    url: '/api/auth/reset-password',
    schema: { body: ResetPasswordBodySchema, response: { 200: StatusResponseSchema } },
  },
  changePassword: {
    method: 'POST',
    url: '/api/auth/change-password',
    schema: { body: ChangePasswordBodySchema, response: { 200: z.object({ user: AuthUserSchema }) } },
  },
} as const;
