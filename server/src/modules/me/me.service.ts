import {
  DEFAULT_WORKING_HOURS,
  type Me,
  type MemberSettings,
  RoleProfileSchema,
  type UpdateMySettingsBody,
  WorkingHoursSchema,
} from '@tiltmeter/shared';
import type { Prisma } from '../../generated/prisma/client.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { TenantDb } from '../../lib/tenant-db.ts';
import type { AuthContext, Principal } from '../../plugins/auth.ts';
import type { Db } from '../../plugins/database.ts';
import { organizationSelect, toOrganizationDto } from '../organizations/organizations.service.ts';

export const settingsSelect = {
  displayName: true,
  timeZone: true,
  workingHours: true,
  roleProfile: true,
  calendarEmails: true,
  shareWithTeamLeads: true,
  shareChangedAt: true,
} satisfies Prisma.MemberSettingsSelect;

type SettingsRow = Prisma.MemberSettingsGetPayload<{ select: typeof settingsSelect }>;

export function toSettingsDto(row: SettingsRow): MemberSettings {
  return {
    displayName: row.displayName,
    timeZone: row.timeZone,
    // Stored JSON written through the same schema; parsing fills days a hand-edited row left out.
    workingHours: WorkingHoursSchema.parse(row.workingHours),
    roleProfile: RoleProfileSchema.parse(row.roleProfile),
    calendarEmails: row.calendarEmails,
    shareWithTeamLeads: row.shareWithTeamLeads,
    shareChangedAt: row.shareChangedAt?.toISOString() ?? null,
  };
}

/** The caller: user, current organization, role and settings (null without an organization). */
export async function getMe(db: Db, principal: Principal, auth: AuthContext | null): Promise<Me> {
  // Read fresh: the request may just have changed it (accepting an invitation verifies the email).
  const row = await db.user.findUniqueOrThrow({
    where: { id: principal.userId },
    select: { id: true, name: true, email: true, emailVerified: true, createdAt: true },
  });
  const user = { ...row, createdAt: row.createdAt.toISOString() };
  if (!auth) {
    return {
      user,
      organization: null,
      member: null,
      role: null,
      settings: null,
      authenticatedWith: principal.via,
    };
  }
  const [organization, settings] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: auth.orgId }, select: organizationSelect }),
    db.memberSettings.findFirst({
      where: { memberId: auth.memberId, organizationId: auth.orgId },
      select: settingsSelect,
    }),
  ]);
  return {
    user,
    organization: toOrganizationDto(organization),
    member: { id: auth.memberId, role: auth.role },
    role: auth.role,
    settings: settings ? toSettingsDto(settings) : null,
    authenticatedWith: principal.via,
  };
}

export async function updateMySettings(
  db: TenantDb,
  auth: AuthContext,
  input: UpdateMySettingsBody,
): Promise<MemberSettings> {
  return db.$transaction(async (tx) => {
    const before = await tx.memberSettings.findUnique({
      where: { memberId: auth.memberId },
      select: settingsSelect,
    });
    const sharingChanged =
      input.shareWithTeamLeads !== undefined &&
      input.shareWithTeamLeads !== (before?.shareWithTeamLeads ?? false);
    const data = {
      ...input,
      ...(input.calendarEmails
        ? { calendarEmails: [...new Set(input.calendarEmails.map((e) => e.toLowerCase()))] }
        : {}),
      ...(sharingChanged ? { shareChangedAt: new Date() } : {}),
    };
    const { workingHours, ...rest } = data;
    const row = await tx.memberSettings.upsert({
      where: { memberId: auth.memberId },
      create: {
        memberId: auth.memberId,
        organizationId: auth.orgId,
        ...rest,
        workingHours: workingHours ?? DEFAULT_WORKING_HOURS,
      },
      update: { ...rest, ...(workingHours ? { workingHours } : {}) },
      select: settingsSelect,
    });
    if (sharingChanged) {
      await recordAudit(
        tx,
        auth,
        'settings.sharing_changed',
        { type: 'member', id: auth.memberId },
        { shareWithTeamLeads: row.shareWithTeamLeads },
      );
    }
    return toSettingsDto(row);
  });
}
