import { DEFAULT_WORKING_HOURS } from '@tiltmeter/shared';
import { hashPassword } from 'better-auth/crypto';
import { addIsoWeeks, isoWeekOf } from '../engine/index.ts';
import { scopedDb } from '../lib/tenant-db.ts';
import { loadWriteContext, type SyncCounts, syncCalendar } from '../modules/entries/entry-writer.ts';
import { createOrganizationWithAdmin } from '../modules/organizations/organizations.service.ts';
import { createPrismaClient, createSqlClient, type Db, type Sql } from '../plugins/database.ts';
import {
  DEMO_CALENDAR,
  DEMO_EMAIL,
  DEMO_ORGANIZATION_NAME,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_TEAMS,
  DEMO_WEEKS,
  type DemoPerson,
  demoCalendarWeek,
} from './demo-org.ts';

const SEED_CONCURRENCY = 4;

export interface DemoSeedResult {
  organizationId: string;
  created: boolean;
  members: number;
  teams: number;
  entries: SyncCounts;
  fromWeek: string;
  toWeek: string;
}

/**
 * Creates (or brings up to date) the demo organization: the demo admin through the same path as a
 * sign-up (a better-auth password hash on a credential account, then createOrganizationWithAdmin, which
 * installs the default rules), its people, teams and settings, and 30 weeks of calendars ending with
 * the current week written through the one entry write path (classification and day facts are real).
 * Idempotent: a second run in the same week finds everything in place and changes nothing.
 */
export async function seedDemo(
  clients: { db: Db; sql: Sql },
  options: { now?: Date; log?: (message: string) => void } = {},
): Promise<DemoSeedResult> {
  const { db, sql } = clients;
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();

  const demoUser = await ensureUser(db, DEMO_PEOPLE.find((p) => p.email === DEMO_EMAIL) as DemoPerson);
  const credential = await db.account.findFirst({ where: { userId: demoUser.id, providerId: 'credential' } });
  if (!credential) {
    await db.account.create({
      data: {
        userId: demoUser.id,
        accountId: demoUser.id,
        providerId: 'credential',
        password: await hashPassword(DEMO_PASSWORD),
      },
    });
  }

  const existing = await db.member.findFirst({
    where: { userId: demoUser.id, organization: { name: DEMO_ORGANIZATION_NAME } },
    select: { organizationId: true },
  });
  const organizationId =
    existing?.organizationId ??
    (
      await createOrganizationWithAdmin(db, {
        userId: demoUser.id,
        name: DEMO_ORGANIZATION_NAME,
        timeZone: 'Europe/Berlin',
      })
    ).organizationId;
  log(`${existing ? 'Updating' : 'Creating'} the demo organization "${DEMO_ORGANIZATION_NAME}"`);

  const memberIds = new Map<string, string>();
  for (const person of DEMO_PEOPLE) {
    const user = person.email === DEMO_EMAIL ? demoUser : await ensureUser(db, person);
    memberIds.set(person.key, await ensureMember(db, organizationId, user.id, person));
  }

  const teamIds = new Map<string, string>();
  for (const team of DEMO_TEAMS) {
    const row =
      (await db.team.findFirst({
        where: { organizationId, name: team.name },
        select: { id: true, visibility: true },
      })) ??
      (await db.team.create({
        data: { organizationId, name: team.name, visibility: team.visibility },
        select: { id: true, visibility: true },
      }));
    if (row.visibility !== team.visibility) {
      await db.team.update({ where: { id: row.id }, data: { visibility: team.visibility } });
    }
    teamIds.set(team.key, row.id);
  }
  for (const person of DEMO_PEOPLE) {
    for (const { team, lead } of person.teams) {
      const teamId = teamIds.get(team) as string;
      const memberId = memberIds.get(person.key) as string;
      const row = await db.teamMember.findFirst({ where: { organizationId, teamId, memberId } });
      if (!row) await db.teamMember.create({ data: { organizationId, teamId, memberId, isLead: lead } });
      else if (row.isLead !== lead)
        await db.teamMember.update({ where: { id: row.id }, data: { isLead: lead } });
    }
  }

  const toWeek = isoWeekOf(now, 'UTC');
  const fromWeek = addIsoWeeks(toWeek, -(DEMO_WEEKS - 1));
  const tenantDb = scopedDb(db, organizationId);
  const totals: SyncCounts = { created: 0, updated: 0, removed: 0, unchanged: 0 };
  const writeCalendar = async (person: DemoPerson) => {
    const memberId = memberIds.get(person.key) as string;
    const incoming = Array.from({ length: DEMO_WEEKS }, (_, index) =>
      demoCalendarWeek(person, index, addIsoWeeks(fromWeek, index)),
    ).flat();
    const context = await loadWriteContext(tenantDb, memberId);
    // The calendar is the whole demo history: entries of weeks that slid out of the window go.
    const counts = await syncCalendar(
      sql,
      { organizationId, memberId },
      context,
      { source: 'api', calendar: DEMO_CALENDAR, removeMissing: true },
      incoming,
    );
    for (const key of Object.keys(totals) as (keyof SyncCounts)[]) totals[key] += counts[key];
  };
  // A few members at a time: each write is one transaction of its own, and the database works on
  // one while the next is being classified.
  const queue = [...DEMO_PEOPLE];
  await Promise.all(
    Array.from({ length: SEED_CONCURRENCY }, async () => {
      for (let person = queue.shift(); person; person = queue.shift()) await writeCalendar(person);
    }),
  );
  log(
    `Demo calendars ${fromWeek} to ${toWeek}: ${totals.created} entries created, ${totals.updated} updated, ${totals.removed} removed, ${totals.unchanged} unchanged`,
  );
  return {
    organizationId,
    created: !existing,
    members: memberIds.size,
    teams: teamIds.size,
    entries: totals,
    fromWeek,
    toWeek,
  };
}

async function ensureUser(db: Db, person: DemoPerson) {
  return (
    (await db.user.findUnique({ where: { email: person.email }, select: { id: true } })) ??
    (await db.user.create({
      data: { name: person.name, email: person.email, emailVerified: true },
      select: { id: true },
    }))
  );
}

async function ensureMember(
  db: Db,
  organizationId: string,
  userId: string,
  person: DemoPerson,
): Promise<string> {
  const member =
    (await db.member.findFirst({ where: { organizationId, userId }, select: { id: true, role: true } })) ??
    (await db.member.create({
      data: { organizationId, userId, role: person.role },
      select: { id: true, role: true },
    }));
  if (member.role !== person.role)
    await db.member.update({ where: { id: member.id }, data: { role: person.role } });
  const wanted = {
    displayName: person.name.split(' ')[0] as string,
    timeZone: person.timeZone,
    roleProfile: person.profile,
    shareWithTeamLeads: person.shareWithTeamLeads,
  };
  const settings = await db.memberSettings.findUnique({ where: { memberId: member.id } });
  if (!settings) {
    await db.memberSettings.create({
      data: {
        memberId: member.id,
        organizationId,
        workingHours: DEFAULT_WORKING_HOURS,
        calendarEmails: [person.email],
        ...wanted,
      },
    });
  } else if (
    settings.displayName !== wanted.displayName ||
    settings.timeZone !== wanted.timeZone ||
    settings.roleProfile !== wanted.roleProfile ||
    settings.shareWithTeamLeads !== wanted.shareWithTeamLeads
  ) {
    await db.memberSettings.update({ where: { memberId: member.id }, data: wanted });
  }
  return member.id;
}

/** `npm run tiltmeter -- seed-demo`: seeds over its own database clients, then closes them. */
export async function seedDemoAt(
  databaseUrl: string,
  log: (message: string) => void,
): Promise<DemoSeedResult> {
  const db = createPrismaClient(databaseUrl);
  const sql = createSqlClient(databaseUrl);
  try {
    const result = await seedDemo({ db, sql }, { log });
    log(`Sign in as ${DEMO_EMAIL} with the password ${DEMO_PASSWORD}.`);
    return result;
  } finally {
    await Promise.all([db.$disconnect(), sql.end({ timeout: 5 })]);
  }
}
