import { DEFAULT_WORKING_HOURS, type IsoWeek, type MemberRole, type RoleProfile } from '@tiltmeter/shared';
import { addIsoWeeks, datesOfIsoWeek, dayBounds, isoWeekOf, localDatesTouched } from '../engine/index.ts';
import { scopedDb } from '../lib/tenant-db.ts';
import {
  type IncomingEntry,
  loadWriteContext,
  type SyncCounts,
  syncCalendar,
} from '../modules/entries/entry-writer.ts';
import { createOrganizationWithAdmin } from '../modules/organizations/organizations.service.ts';
import type { Db, Sql } from '../plugins/database.ts';
import { type AdHocMeeting, generateWeek, type Ritual, type WeekPlan } from './calendar.ts';
import { between, pick, randomFor } from './prng.ts';

/**
 * A deterministic data generator for load, benchmarks and dashboards at scale
 * (`npm run tiltmeter -- generate --orgs 1 --members 1000 --weeks 52 --seed 1`).
 *
 * Each organization gets `members` people in teams of about eight (a lead and their reports, in the
 * team's time zone, a few remote members elsewhere), and `weeks` weeks of calendar ending with
 * `toWeek`: daily standups, weekly syncs, fortnightly planning and retros, 1:1s with the lead, a
 * monthly all-hands, ad-hoc meetings, focus blocks in what the meetings leave, public holidays and a
 * few weeks of vacation per person. Calendars go through the one write path (syncCalendar: the rules
 * classify them and the day facts are rebuilt in the same transaction), as an import would.
 *
 * Everything derives from (seed, organization index, member index, week): a second run with the same
 * options finds every row in place and changes nothing (people are matched by email, teams by name,
 * entries by external uid; the calendar is synced with removeMissing, so it is exactly the generated
 * one).
 */

export const GENERATED_CALENDAR = 'generated';
export const GENERATED_EMAIL_DOMAIN = 'generated.tiltmeter.test';
export const TEAM_SIZE = 8;

/** Team home zones, in rotation; 9:00-17:00 working hours in each. */
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Europe/London',
  'Asia/Kolkata',
  'America/Los_Angeles',
  'Australia/Sydney',
] as const;

/** Public holidays (month-day) by zone: what a calendar shows as an all-day "Public holiday". */
const HOLIDAYS: Record<(typeof ZONES)[number], readonly [string, string][]> = {
  'Europe/Berlin': [
    ['01-01', "New Year's Day"],
    ['05-01', 'Labour Day'],
    ['10-03', 'German Unity Day'],
    ['12-25', 'Christmas Day'],
    ['12-26', 'Boxing Day'],
  ],
  'America/New_York': [
    ['01-01', "New Year's Day"],
    ['07-04', 'Independence Day'],
    ['11-11', 'Veterans Day'],
    ['12-25', 'Christmas Day'],
  ],
  'Europe/London': [
    ['01-01', "New Year's Day"],
    ['12-25', 'Christmas Day'],
    ['12-26', 'Boxing Day'],
  ],
  'Asia/Kolkata': [
    ['01-26', 'Republic Day'],
    ['08-15', 'Independence Day'],
    ['10-02', 'Gandhi Jayanti'],
    ['12-25', 'Christmas Day'],
  ],
  'America/Los_Angeles': [
    ['01-01', "New Year's Day"],
    ['07-04', 'Independence Day'],
    ['12-25', 'Christmas Day'],
  ],
  'Australia/Sydney': [
    ['01-01', "New Year's Day"],
    ['01-26', 'Australia Day'],
    ['04-25', 'Anzac Day'],
    ['12-25', 'Christmas Day'],
    ['12-26', 'Boxing Day'],
  ],
};

type Archetype = 'engineer' | 'lead' | 'manager';

const ENGINEER_MEETINGS: readonly AdHocMeeting[] = [
  { title: 'Design review', attendees: 5 },
  { title: 'Architecture discussion', attendees: 4 },
  { title: 'Quick sync', attendees: 3 },
  { title: 'Customer call: onboarding feedback', attendees: 4 },
  { title: 'Incident postmortem', attendees: 8 },
  { title: 'Interview: system design', attendees: 3 },
  { title: 'Pairing session', attendees: 2 },
];
const LEAD_MEETINGS: readonly AdHocMeeting[] = [
  { title: 'Interview: backend engineer', attendees: 3 },
  { title: 'Hiring debrief', attendees: 5 },
  { title: 'Roadmap review', attendees: 6 },
  { title: 'Stakeholder sync', attendees: 5 },
  { title: 'Incident postmortem', attendees: 8 },
  { title: 'Design review', attendees: 5 },
  { title: 'Customer call: Acme', attendees: 4 },
];
const MANAGER_MEETINGS: readonly AdHocMeeting[] = [
  ...LEAD_MEETINGS,
  { title: 'Budget planning', attendees: 4 },
  { title: 'Skip-level 1:1', attendees: 2 },
  { title: 'Quarterly planning', attendees: 7 },
];
const MAKER_TITLES = ['Focus time', 'Coding', 'Code review', 'Writing: design doc', 'Debugging', 'Prototype'];
const LEAD_MAKER_TITLES = ['Focus time', 'Code review', 'Coding', 'Writing: design doc'];

export interface GenerateOptions {
  orgs: number;
  /** Members per organization. */
  members: number;
  weeks: number;
  seed: number;
  /** The last generated ISO week; default: the current week (UTC). */
  toWeek?: IsoWeek;
  /** Members written at once (each write is its own transaction). */
  concurrency?: number;
  log?: (message: string) => void;
}

export interface GeneratedTeam {
  id: string;
  name: string;
  leadMemberId: string;
  memberIds: string[];
}

export interface GeneratedOrganization {
  organizationId: string;
  name: string;
  adminEmail: string;
  /** Member ids in member-index order (index 0 is the admin). */
  memberIds: string[];
  teams: GeneratedTeam[];
}

export interface GenerateResult {
  organizations: GeneratedOrganization[];
  fromWeek: IsoWeek;
  toWeek: IsoWeek;
  entries: SyncCounts;
  /** Generated calendar entries (what the write path was given). */
  generated: number;
  dayFacts: number;
  elapsedMs: number;
}

/** One generated person, as the calendar generator sees them. */
interface Person {
  index: number;
  key: string;
  name: string;
  email: string;
  role: MemberRole;
  profile: RoleProfile;
  archetype: Archetype;
  timeZone: (typeof ZONES)[number];
  team: number;
}

interface OrgPlan {
  seed: number;
  org: number;
  name: string;
  people: Person[];
  teams: { index: number; name: string; zone: (typeof ZONES)[number]; lead: number; members: number[] }[];
}

const FIRST = ['Ada', 'Ben', 'Chen', 'Dana', 'Eli', 'Fatima', 'Gus', 'Hana', 'Ivan', 'Jia', 'Kofi', 'Lea'];
const LAST = ['Okafor', 'Lindqvist', 'Marino', 'Sato', 'Vogel', 'Haddad', 'Brooks', 'Raman', 'Nowak'];
const TEAM_WORDS = ['Platform', 'Payments', 'Search', 'Growth', 'Mobile', 'Data', 'Identity', 'Billing'];

export const generatedOrgName = (seed: number, org: number) => `Generated ${org + 1} (seed ${seed})`;
export const generatedEmail = (seed: number, org: number, member: number) =>
  `m${String(member).padStart(5, '0')}.o${org + 1}.s${seed}@${GENERATED_EMAIL_DOMAIN}`;

/** Who is who in one organization: a pure function of (seed, org, members). */
function planOrganization(seed: number, org: number, members: number): OrgPlan {
  const teamCount = Math.max(1, Math.round(members / TEAM_SIZE));
  const teams: OrgPlan['teams'] = Array.from({ length: teamCount }, (_, index) => ({
    index,
    name: `${TEAM_WORDS[index % TEAM_WORDS.length]} ${Math.floor(index / TEAM_WORDS.length) + 1}`,
    zone: ZONES[index % ZONES.length] as (typeof ZONES)[number],
    lead: -1,
    members: [],
  }));
  const people: Person[] = [];
  for (let index = 0; index < members; index++) {
    const random = randomFor('person', seed, org, index);
    const team = teams[index % teamCount] as OrgPlan['teams'][number];
    const lead = team.lead < 0;
    if (lead) team.lead = index;
    team.members.push(index);
    // One in eight works remotely, from another team's zone.
    const remote = !lead && random() < 0.125;
    const archetype: Archetype = index === 0 ? 'manager' : lead ? 'lead' : 'engineer';
    people.push({
      index,
      key: `o${org + 1}m${index}`,
      name: `${pick(random, FIRST)} ${pick(random, LAST)} ${index}`,
      email: generatedEmail(seed, org, index),
      role: index === 0 ? 'admin' : lead ? 'manager' : 'member',
      profile: archetype === 'engineer' ? 'maker' : archetype === 'lead' ? 'hybrid' : 'manager',
      archetype,
      timeZone: remote ? pick(random, ZONES) : team.zone,
      team: team.index,
    });
  }
  return { seed, org, name: generatedOrgName(seed, org), people, teams };
}

/** Weeks a person is away (week index 0 is the oldest): two to four, one of them often two long. */
function weeksOff(plan: OrgPlan, person: Person, weeks: number): Set<number> {
  const random = randomFor('vacation', plan.seed, plan.org, person.index);
  const off = new Set<number>();
  const count = between(random, 2, 4);
  for (let i = 0; i < count; i++) {
    const start = Math.floor(random() * weeks);
    off.add(start);
    if (random() < 0.3 && start + 1 < weeks) off.add(start + 1);
  }
  return off;
}

function weekPlan(plan: OrgPlan, person: Person, index: number, week: IsoWeek, off: boolean): WeekPlan {
  const random = randomFor('plan', plan.seed, plan.org, person.index, week);
  const span = (min: number, max: number) => min + random() * (max - min);
  // A slow drift per person over the year, so trends and signals have something to show.
  const drift = (randomFor('drift', plan.seed, plan.org, person.index)() - 0.5) * 0.004 * index;
  const base =
    person.archetype === 'engineer'
      ? span(0.58, 0.85)
      : person.archetype === 'lead'
        ? span(0.35, 0.58)
        : span(0.2, 0.4);
  return {
    off,
    makerShare: Math.min(0.95, Math.max(0.05, base + drift)),
    zeroMaker: person.archetype !== 'engineer' && random() < 0.02,
    protectedWeekdays: person.team % 3 === 0 ? [3] : [],
    placement: person.team % 2 === 0 ? 'edges' : 'anywhere',
    adHoc:
      person.archetype === 'engineer'
        ? ENGINEER_MEETINGS
        : person.archetype === 'lead'
          ? LEAD_MEETINGS
          : MANAGER_MEETINGS,
    makerTitles: person.archetype === 'engineer' ? MAKER_TITLES : LEAD_MAKER_TITLES,
    lateEvenings: random() < (person.archetype === 'engineer' ? 0.08 : 0.2) ? between(random, 1, 2) : 0,
    saturday: random() < 0.02,
  };
}

const clockOf = (slot: number) =>
  `${String(9 + Math.floor(slot / 2)).padStart(2, '0')}:${slot % 2 === 0 ? '00' : '30'}`;

/** The standing meetings of a person in week `index`; a 1:1 needs both sides at work. */
function ritualsFor(
  plan: OrgPlan,
  person: Person,
  index: number,
  isOff: (person: number, week: number) => boolean,
): Ritual[] {
  const team = plan.teams[person.team] as OrgPlan['teams'][number];
  const teamKeys = team.members.map((member) => (plan.people[member] as Person).key);
  const lead = plan.people[team.lead] as Person;
  const rituals: Ritual[] = [];
  const teamRandom = randomFor('team', plan.seed, plan.org, team.index);
  const standupSlot = between(teamRandom, 0, 2);
  const syncDay = between(teamRandom, 1, 5);
  const syncSlot = between(teamRandom, 8, 13);
  const seriesPrefix = `o${plan.org + 1}-t${team.index}`;
  const teamRitual = (
    id: string,
    title: string,
    weekday: number,
    start: string,
    minutes: number,
  ): Ritual => ({
    seriesId: `${seriesPrefix}-${id}`,
    title,
    weekday,
    start,
    minutes,
    zone: team.zone,
    participants: teamKeys,
    organizer: lead.key,
    every: 1,
  });
  for (const weekday of [1, 2, 3, 4, 5]) {
    rituals.push(teamRitual('standup', 'Daily standup', weekday, `${clockOf(standupSlot)}`, 15));
  }
  rituals.push(teamRitual('sync', 'Team sync', syncDay, clockOf(syncSlot), 45));
  if (index % 2 === 0) rituals.push(teamRitual('planning', 'Sprint planning', 1, '14:00', 60));
  else rituals.push(teamRitual('retro', 'Sprint retro', 5, '15:00', 60));
  if (index % 4 === plan.org % 4) {
    rituals.push({
      seriesId: `o${plan.org + 1}-all-hands`,
      title: 'All hands',
      weekday: 4,
      start: '16:00',
      minutes: 45,
      zone: (plan.people[0] as Person).timeZone,
      participants: plan.people.map((p) => p.key),
      organizer: (plan.people[0] as Person).key,
      every: 1,
    });
  }
  // 1:1s: weekly in odd teams, fortnightly in even ones, at a slot that depends on the report.
  const oneOnOne = (report: Person): Ritual | null => {
    const fortnightly = team.index % 2 === 0;
    if (fortnightly && index % 2 !== report.index % 2) return null;
    if (isOff(lead.index, index) || isOff(report.index, index)) return null;
    const slotRandom = randomFor('1on1', plan.seed, plan.org, report.index);
    return {
      seriesId: `o${plan.org + 1}-1on1-${lead.index}-${report.index}`,
      title: '1:1',
      weekday: between(slotRandom, 2, 4),
      start: clockOf(between(slotRandom, 10, 15)),
      minutes: 30,
      zone: team.zone,
      participants: [lead.key, report.key],
      organizer: lead.key,
      every: 1,
    };
  };
  if (person.index === team.lead) {
    for (const member of team.members) {
      if (member === team.lead) continue;
      const ritual = oneOnOne(plan.people[member] as Person);
      if (ritual) rituals.push(ritual);
    }
  } else {
    const ritual = oneOnOne(person);
    if (ritual) rituals.push(ritual);
  }
  return rituals;
}

/** Weekday public holidays of `week` in `zone`: local date -> name. */
function holidaysOf(zone: (typeof ZONES)[number], week: IsoWeek): Map<string, string> {
  const holidays = new Map<string, string>();
  for (const date of datesOfIsoWeek(week).slice(0, 5)) {
    const found = HOLIDAYS[zone].find(([monthDay]) => date.endsWith(monthDay));
    if (found) holidays.set(date, found[1]);
  }
  return holidays;
}

/** One person's whole generated calendar, oldest week first. */
function generatedCalendar(
  plan: OrgPlan,
  person: Person,
  fromWeek: IsoWeek,
  weeks: number,
  isOff: (person: number, week: number) => boolean,
): IncomingEntry[] {
  const entries: IncomingEntry[] = [];
  for (let index = 0; index < weeks; index++) {
    const week = addIsoWeeks(fromWeek, index);
    const off = isOff(person.index, index);
    const generated = generateWeek(
      { key: person.key, timeZone: person.timeZone },
      week,
      weekPlan(plan, person, index, week, off),
      off ? [] : ritualsFor(plan, person, index, isOff),
      randomFor('calendar', plan.seed, plan.org, person.index, week),
    );
    const holidays = off ? new Map<string, string>() : holidaysOf(person.timeZone, week);
    if (holidays.size === 0) {
      entries.push(...generated);
      continue;
    }
    // Nothing is booked on a public holiday: the day holds the all-day holiday only.
    for (const entry of generated) {
      const dates = localDatesTouched(entry, person.timeZone);
      if (!dates.some((date) => holidays.has(date))) entries.push(entry);
    }
    for (const [date, name] of holidays) {
      const bounds = dayBounds(date, person.timeZone);
      entries.push({
        externalUid: `${person.key}/${date}/holiday`,
        title: `Public holiday: ${name}`,
        start: new Date(bounds.start),
        end: new Date(bounds.end),
        timeZone: person.timeZone,
        allDay: true,
        attendees: 0,
        organizer: true,
        rsvp: 'accepted',
        showAs: 'free',
        status: 'confirmed',
        seriesId: null,
      });
    }
  }
  return entries;
}

/** Users, members, settings and teams of one organization, created where missing (matched by email and name). */
async function ensureOrganization(db: Db, plan: OrgPlan): Promise<GeneratedOrganization> {
  const adminPerson = plan.people[0] as Person;
  const adminUser = await db.user.upsert({
    where: { email: adminPerson.email },
    create: { name: adminPerson.name, email: adminPerson.email, emailVerified: true },
    update: {},
    select: { id: true },
  });
  const existing = await db.member.findFirst({
    where: { userId: adminUser.id, organization: { name: plan.name } },
    select: { organizationId: true },
  });
  const organizationId =
    existing?.organizationId ??
    (
      await createOrganizationWithAdmin(db, {
        userId: adminUser.id,
        name: plan.name,
        timeZone: adminPerson.timeZone,
      })
    ).organizationId;

  await db.user.createMany({
    data: plan.people.map((p) => ({ name: p.name, email: p.email, emailVerified: true })),
    skipDuplicates: true,
  });
  const users = await db.user.findMany({
    where: { email: { in: plan.people.map((p) => p.email) } },
    select: { id: true, email: true },
  });
  const userIds = new Map(users.map((user) => [user.email, user.id]));
  await db.member.createMany({
    data: plan.people.map((p) => ({
      organizationId,
      userId: userIds.get(p.email) as string,
      role: p.role,
    })),
    skipDuplicates: true,
  });
  const members = await db.member.findMany({
    where: { organizationId },
    select: { id: true, userId: true },
  });
  const memberByUser = new Map(members.map((member) => [member.userId, member.id]));
  const memberIds = plan.people.map((p) => memberByUser.get(userIds.get(p.email) as string) as string);
  await db.memberSettings.createMany({
    data: plan.people.map((p, i) => ({
      memberId: memberIds[i] as string,
      organizationId,
      displayName: p.name,
      timeZone: p.timeZone,
      workingHours: DEFAULT_WORKING_HOURS,
      roleProfile: p.profile,
      calendarEmails: [p.email],
      // Leads see their reports' trends where the report agreed: about half do.
      shareWithTeamLeads: randomFor('share', plan.seed, plan.org, p.index)() < 0.5,
    })),
    skipDuplicates: true,
  });
  // The admin was made with the organization's defaults: bring them in line with the plan.
  await db.memberSettings.update({
    where: { memberId: memberIds[0] as string },
    data: {
      displayName: adminPerson.name,
      roleProfile: adminPerson.profile,
      calendarEmails: [adminPerson.email],
    },
  });

  await db.team.createMany({
    data: plan.teams.map((team) => ({
      organizationId,
      name: team.name,
      visibility: team.index % 4 === 0 ? ('open' as const) : ('private' as const),
    })),
    skipDuplicates: true,
  });
  const teamRows = await db.team.findMany({
    where: { organizationId, name: { in: plan.teams.map((team) => team.name) } },
    select: { id: true, name: true },
  });
  const teamIds = new Map(teamRows.map((team) => [team.name, team.id]));
  await db.teamMember.createMany({
    data: plan.teams.flatMap((team) =>
      team.members.map((member) => ({
        organizationId,
        teamId: teamIds.get(team.name) as string,
        memberId: memberIds[member] as string,
        isLead: member === team.lead,
      })),
    ),
    skipDuplicates: true,
  });
  return {
    organizationId,
    name: plan.name,
    adminEmail: adminPerson.email,
    memberIds,
    teams: plan.teams.map((team) => ({
      id: teamIds.get(team.name) as string,
      name: team.name,
      leadMemberId: memberIds[team.lead] as string,
      memberIds: team.members.map((member) => memberIds[member] as string),
    })),
  };
}

const count = (value: number) => value.toLocaleString('en-US');

/** Generates (or confirms) every organization's people, teams and calendars. */
export async function generateData(
  clients: { db: Db; sql: Sql },
  options: GenerateOptions,
): Promise<GenerateResult> {
  const { db, sql } = clients;
  const log = options.log ?? (() => {});
  const started = Date.now();
  const toWeek = options.toWeek ?? isoWeekOf(Date.now(), 'UTC');
  const fromWeek = addIsoWeeks(toWeek, -(options.weeks - 1));
  const concurrency = options.concurrency ?? 4;
  const totals: SyncCounts = { created: 0, updated: 0, removed: 0, unchanged: 0 };
  let generated = 0;
  const organizations: GeneratedOrganization[] = [];
  log(
    `Generating ${options.orgs} organization(s) x ${options.members} members x ${options.weeks} weeks (${fromWeek} to ${toWeek}), seed ${options.seed}`,
  );

  for (let org = 0; org < options.orgs; org++) {
    const plan = planOrganization(options.seed, org, options.members);
    const organization = await ensureOrganization(db, plan);
    organizations.push(organization);
    log(`${plan.name}: ${plan.people.length} members in ${plan.teams.length} teams`);
    const away = plan.people.map((person) => weeksOff(plan, person, options.weeks));
    const isOff = (person: number, week: number) => away[person]?.has(week) ?? false;
    const tenant = scopedDb(db, organization.organizationId);

    let done = 0;
    let lastReport = Date.now();
    const queue = [...plan.people];
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let person = queue.shift(); person; person = queue.shift()) {
          const memberId = organization.memberIds[person.index] as string;
          const incoming = generatedCalendar(plan, person, fromWeek, options.weeks, isOff);
          const context = await loadWriteContext(tenant, memberId);
          const counts = await syncCalendar(
            sql,
            { organizationId: organization.organizationId, memberId },
            context,
            { source: 'api', calendar: GENERATED_CALENDAR, removeMissing: true },
            incoming,
          );
          generated += incoming.length;
          for (const key of Object.keys(totals) as (keyof SyncCounts)[]) totals[key] += counts[key];
          done++;
          if (Date.now() - lastReport >= 2_000 || done === plan.people.length) {
            lastReport = Date.now();
            const seconds = (Date.now() - started) / 1000;
            log(
              `  ${plan.name}: ${done}/${plan.people.length} members, ${count(generated)} entries (${count(Math.round(generated / seconds))}/s)`,
            );
          }
        }
      }),
    );
  }

  const [facts] = await sql<{ count: number }[]>`
    SELECT count(*)::int AS count FROM member_day_facts
     WHERE organization_id = ANY(${organizations.map((o) => o.organizationId)}::text[])`;
  const result: GenerateResult = {
    organizations,
    fromWeek,
    toWeek,
    entries: totals,
    generated,
    dayFacts: facts?.count ?? 0,
    elapsedMs: Date.now() - started,
  };
  log(
    `Done in ${(result.elapsedMs / 1000).toFixed(1)} s: ${count(generated)} entries generated (${count(totals.created)} created, ${count(totals.updated)} updated, ${count(totals.removed)} removed, ${count(totals.unchanged)} unchanged), ${count(result.dayFacts)} day facts`,
  );
  return result;
}
