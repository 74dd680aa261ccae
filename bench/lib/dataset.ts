import { randomBytes } from 'node:crypto';
import type { IsoWeek } from '@tiltmeter/shared';
import { generateWeek, type WeekPlan } from '../../server/src/demo/calendar.ts';
import {
  type GeneratedOrganization,
  type GenerateResult,
  generateData,
} from '../../server/src/demo/generate.ts';
import { randomFor } from '../../server/src/demo/prng.ts';
import { addIsoWeeks } from '../../server/src/engine/index.ts';
import type { IncomingEntry } from '../../server/src/modules/entries/entry-writer.ts';
import { addMembership } from '../../server/src/modules/members/members.service.ts';
import { generateApiToken } from '../../server/src/modules/tokens/token-secret.ts';
import type { Db, Sql } from '../../server/src/plugins/database.ts';

export interface Caller {
  memberId: string;
  token: string;
  headers: { authorization: string };
}

export interface ScaleData {
  members: number;
  weeks: number;
  fromWeek: IsoWeek;
  toWeek: IsoWeek;
  organization: GeneratedOrganization;
  generate: GenerateResult;
  /** An engineer in a full team: the weekly series is theirs. */
  engineer: Caller;
  /** The engineer's team. */
  team: { id: string; memberIds: string[] };
  /** The admin: the team and org views are requested as them. */
  admin: Caller;
}

export async function tokenFor(db: Db, organizationId: string, memberId: string): Promise<Caller> {
  const { token, prefix, hash } = generateApiToken();
  await db.apiToken.create({ data: { organizationId, memberId, name: 'bench', prefix, tokenHash: hash } });
  return { memberId, token, headers: { authorization: `Bearer ${token}` } };
}

/** A new member (default settings, Europe/Berlin) of an organization, with a token. */
export async function freshMember(db: Db, organizationId: string, label: string): Promise<Caller> {
  const email = `${label}-${randomBytes(4).toString('hex')}@bench.example.test`;
  const user = await db.user.create({ data: { name: label, email } });
  const { memberId } = await addMembership(db, {
    organizationId,
    userId: user.id,
    role: 'member',
    timeZone: 'Europe/Berlin',
  });
  await db.memberSettings.update({ where: { memberId }, data: { calendarEmails: ['alice@example.test'] } });
  return tokenFor(db, organizationId, memberId);
}

/** An organization of `members` people and `weeks` weeks of calendars, through the generator. */
export async function prepareScale(
  clients: { db: Db; sql: Sql },
  options: { members: number; weeks: number; toWeek: IsoWeek; log: (message: string) => void },
): Promise<ScaleData> {
  const generate = await generateData(clients, {
    orgs: 1,
    members: options.members,
    weeks: options.weeks,
    // One seed per scale: each scale is its own organization.
    seed: options.members,
    toWeek: options.toWeek,
    log: options.log,
  });
  const organization = generate.organizations[0] as GeneratedOrganization;
  // A full team the admin is not in: the team view is then the aggregate view (the admin sees no
  // individuals there, so no view is audited), as a manager looking across teams sees it.
  const adminId = organization.memberIds[0] as string;
  const team =
    organization.teams.find((t) => t.memberIds.length >= 8 && !t.memberIds.includes(adminId)) ??
    (organization.teams.at(-1) as GeneratedOrganization['teams'][number]);
  const engineerId = team.memberIds.find((id) => id !== team.leadMemberId) as string;
  const [engineer, admin] = await Promise.all([
    tokenFor(clients.db, organization.organizationId, engineerId),
    tokenFor(clients.db, organization.organizationId, adminId),
  ]);
  await clients.sql`ANALYZE`;
  return {
    members: options.members,
    weeks: options.weeks,
    fromWeek: generate.fromWeek,
    toWeek: generate.toWeek,
    organization,
    generate,
    engineer,
    team: { id: team.id, memberIds: team.memberIds },
    admin,
  };
}

const BULK_PLAN: WeekPlan = {
  off: false,
  makerShare: 0.55,
  zeroMaker: false,
  protectedWeekdays: [],
  placement: 'anywhere',
  adHoc: [
    { title: 'Design review', attendees: 5 },
    { title: 'Quick sync', attendees: 3 },
    { title: 'Customer call', attendees: 4 },
    { title: '1:1', attendees: 2 },
  ],
  makerTitles: ['Focus time', 'Coding', 'Code review'],
  lateEvenings: 1,
  saturday: false,
};

/**
 * `count` entries of one person's calendar going back from `toWeek` (as many weeks as it takes), as a
 * bulk request body holds them: ISO strings and the caller's own external ids.
 */
export function bulkEntries(key: string, toWeek: IsoWeek, count: number) {
  const entries: IncomingEntry[] = [];
  for (let week = 0; entries.length < count; week++) {
    const iso = addIsoWeeks(toWeek, -week);
    entries.push(
      ...generateWeek({ key, timeZone: 'Europe/Berlin' }, iso, BULK_PLAN, [], randomFor('bulk', key, iso)),
    );
  }
  return entries.slice(0, count).map((entry) => ({
    externalUid: entry.externalUid ?? undefined,
    title: entry.title,
    start: entry.start.toISOString(),
    end: entry.end.toISOString(),
    timeZone: entry.timeZone,
    allDay: entry.allDay,
    attendees: entry.attendees,
    organizer: entry.organizer,
    showAs: entry.showAs,
  }));
}
