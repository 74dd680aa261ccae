import { SignUpBodySchema } from '@tiltmeter/shared';
import type { Db } from '../../plugins/database.ts';
import { createOrganizationWithAdmin } from '../organizations/organizations.service.ts';

const SignUpExtrasSchema = SignUpBodySchema.pick({
  timeZone: true,
  organizationName: true,
  invitationId: true,
}).partial();

/**
 * A pending, unexpired invitation addressed to this email. Looked up across organizations on purpose:
 * the invitee is not a member yet, and the invitation id (sent only to that address) is the key.
 */
export async function findOpenInvitation(db: Db, invitationId: string, email: string) {
  return db.invitation.findFirst({
    where: {
      id: invitationId,
      email: email.toLowerCase(),
      status: 'pending',
      expiresAt: { gt: new Date() },
    },
    select: { id: true, organizationId: true, role: true, teamId: true },
  });
}

/**
 * After better-auth committed a new user: make their organization, with them as admin, unless they
 * signed up to accept an invitation (they accept it next). If that fails, the user is removed again,
 * so a retried sign-up starts clean instead of meeting "user already exists" without an organization.
 */
export async function provisionSignedUpUser(
  db: Db,
  user: { id: string; email: string; name: string },
  body: unknown,
): Promise<void> {
  const parsed = SignUpExtrasSchema.safeParse(body ?? {});
  const extras = parsed.success ? parsed.data : {};
  try {
    if (extras.invitationId && (await findOpenInvitation(db, extras.invitationId, user.email))) return;
    await createOrganizationWithAdmin(db, {
      userId: user.id,
      name: extras.organizationName ?? `${user.name}'s organization`,
      timeZone: extras.timeZone ?? 'UTC',
    });
  } catch (error) {
    await db.user.delete({ where: { id: user.id } }).catch(() => {});
    throw error;
  }
}
