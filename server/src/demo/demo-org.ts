import type { IsoWeek, MemberRole, RoleProfile } from '@tiltmeter/shared';
import type { IncomingEntry } from '../modules/entries/entry-writer.ts';
import { type AdHocMeeting, generateWeek, type Ritual, type WeekPlan } from './calendar.ts';
import { randomFor } from './prng.ts';

/**
 * The demo organization, "Northwind Labs": 25 people in four teams, 30 weeks of calendars ending with
 * the current week. Its stories are what the dashboard exists to show:
 *
 * - Dana (the demo sign-in, an engineering manager who still builds) tilts from 62 % maker work to
 *   about 10 % over the half year, faster after week 18 (drift), catching up on code in the evenings,
 *   until the burnout pattern (26 weeks below target) fires in the last weeks.
 * - Priya, Product Engineering's tech lead, has a launch week without a single maker minute (five weeks
 *   before the current one). She shares her metrics with her team leads, so Dana sees her trend.
 * - Platform is a healthy maker team (open visibility) that keeps a no-meeting Wednesday and books its
 *   meetings next to each other, leaving long blocks.
 * - Product Engineering's daily standup at 10:30 strands the 90 minutes before it every day: its
 *   recurring syncs cost the most focus of any team, and most of the team stays below target for
 *   the whole half year (the team-level burnout pattern of the org view).
 * - Growth (New York) is near its targets; one week four of its eight members are on leave, so that
 *   week's aggregate is suppressed. Leadership has three members: its aggregates are always suppressed.
 */

export const DEMO_WEEKS = 30;
export const DEMO_ORGANIZATION_NAME = 'Northwind Labs (demo)';
export const DEMO_EMAIL = 'demo@tiltmeter.dev';
export const DEMO_PASSWORD = 'tiltmeter-demo';
export const DEMO_CALENDAR = 'demo';

export type DemoTeamKey = 'platform' | 'product' | 'growth' | 'leadership';

export interface DemoTeam {
  key: DemoTeamKey;
  name: string;
  visibility: 'private' | 'open';
  zone: string;
}

export const DEMO_TEAMS: readonly DemoTeam[] = [
  { key: 'platform', name: 'Platform', visibility: 'open', zone: 'Europe/Berlin' },
  { key: 'product', name: 'Product Engineering', visibility: 'private', zone: 'Europe/Berlin' },
  { key: 'growth', name: 'Growth', visibility: 'private', zone: 'America/New_York' },
  { key: 'leadership', name: 'Leadership', visibility: 'private', zone: 'Europe/London' },
];

type Archetype =
  | 'burnout-manager'
  | 'tech-lead'
  | 'product-engineer'
  | 'platform-lead'
  | 'platform-engineer'
  | 'growth-manager'
  | 'growth-engineer'
  | 'director';

export interface DemoPerson {
  key: string;
  name: string;
  email: string;
  role: MemberRole;
  profile: RoleProfile;
  timeZone: string;
  teams: readonly { team: DemoTeamKey; lead: boolean }[];
  shareWithTeamLeads: boolean;
  archetype: Archetype;
}

const person = (
  key: string,
  name: string,
  archetype: Archetype,
  teams: DemoPerson['teams'],
  options: Partial<Pick<DemoPerson, 'role' | 'profile' | 'timeZone' | 'shareWithTeamLeads' | 'email'>> = {},
): DemoPerson => ({
  key,
  name,
  email: options.email ?? `${key}@northwind.demo.tiltmeter.dev`,
  role: options.role ?? 'member',
  profile: options.profile ?? 'maker',
  timeZone: options.timeZone ?? 'Europe/Berlin',
  teams,
  shareWithTeamLeads: options.shareWithTeamLeads ?? false,
  archetype,
});

const product = (lead = false) => ({ team: 'product' as const, lead });
const platform = (lead = false) => ({ team: 'platform' as const, lead });
const growth = (lead = false) => ({ team: 'growth' as const, lead });
const leadership = (lead = false) => ({ team: 'leadership' as const, lead });
const NY = 'America/New_York';

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  person('dana', 'Dana Whitaker', 'burnout-manager', [product(true), leadership()], {
    email: DEMO_EMAIL,
    role: 'admin',
    profile: 'hybrid',
  }),
  person('priya', 'Priya Raman', 'tech-lead', [product(true)], {
    profile: 'hybrid',
    shareWithTeamLeads: true,
  }),
  person('tom', 'Tom Becker', 'product-engineer', [product()]),
  person('lena', 'Lena Vogel', 'product-engineer', [product()], { shareWithTeamLeads: true }),
  person('ahmed', 'Ahmed Karimi', 'product-engineer', [product()], { shareWithTeamLeads: true }),
  person('sofia', 'Sofia Marino', 'product-engineer', [product()]),
  person('kenji', 'Kenji Sato', 'product-engineer', [product()]),
  person('marta', 'Marta Nowak', 'product-engineer', [product()]),
  person('felix', 'Felix Braun', 'product-engineer', [product()]),
  person('jonas', 'Jonas Lindqvist', 'platform-lead', [platform(true)], { profile: 'hybrid' }),
  person('ines', 'Ines Duarte', 'platform-engineer', [platform()]),
  person('oskar', 'Oskar Nieminen', 'platform-engineer', [platform()]),
  person('mei', 'Mei Chen', 'platform-engineer', [platform()]),
  person('lukas', 'Lukas Hofer', 'platform-engineer', [platform()]),
  person('amara', 'Amara Okafor', 'platform-engineer', [platform()]),
  person('noah', 'Noah Fischer', 'platform-engineer', [platform()]),
  person('marco', 'Marco Rossi', 'growth-manager', [growth(true), leadership()], {
    role: 'manager',
    profile: 'manager',
    timeZone: NY,
  }),
  person('olivia', 'Olivia Hart', 'growth-engineer', [growth()], { timeZone: NY, shareWithTeamLeads: true }),
  person('ethan', 'Ethan Brooks', 'growth-engineer', [growth()], { timeZone: NY }),
  person('grace', 'Grace Kim', 'growth-engineer', [growth()], { timeZone: NY }),
  person('diego', 'Diego Alvarez', 'growth-engineer', [growth()], { timeZone: NY }),
  person('hannah', 'Hannah Moore', 'growth-engineer', [growth()], { timeZone: NY }),
  person('leo', 'Leo Carter', 'growth-engineer', [growth()], { timeZone: NY }),
  person('zoe', 'Zoe Turner', 'growth-engineer', [growth()], { timeZone: NY }),
  person('samira', 'Samira Haddad', 'director', [leadership(true)], {
    role: 'manager',
    profile: 'manager',
    timeZone: 'Europe/London',
  }),
];

const membersOf = (team: DemoTeamKey) =>
  DEMO_PEOPLE.filter((p) => p.teams.some((t) => t.team === team)).map((p) => p.key);
const nameOf = (key: string) => DEMO_PEOPLE.find((p) => p.key === key)?.name.split(' ')[0] ?? key;

function teamRitual(
  team: DemoTeamKey,
  organizer: string,
  seriesId: string,
  title: string,
  weekdays: readonly number[],
  start: string,
  minutes: number,
  every: 1 | 2 = 1,
  parity: 0 | 1 = 0,
): Ritual[] {
  const zone = DEMO_TEAMS.find((t) => t.key === team)?.zone ?? 'UTC';
  return weekdays.map((weekday) => ({
    seriesId,
    title,
    weekday,
    start,
    minutes,
    zone,
    participants: membersOf(team),
    organizer,
    every,
    parity,
  }));
}

function oneOnOnes(
  lead: string,
  reports: readonly string[],
  zone: string,
  slots: readonly { weekday: number; start: string }[],
  every: 1 | 2,
): Ritual[] {
  return reports.map((report, i) => {
    const slot = slots[i % slots.length] as { weekday: number; start: string };
    return {
      seriesId: `demo-1on1-${lead}-${report}`,
      title: `1:1 ${nameOf(lead)} / ${nameOf(report)}`,
      weekday: slot.weekday,
      start: slot.start,
      minutes: 30,
      zone,
      participants: [lead, report],
      organizer: lead,
      every,
      parity: (i % 2) as 0 | 1,
    };
  });
}

const others = (team: DemoTeamKey, lead: string) => membersOf(team).filter((key) => key !== lead);

export const DEMO_RITUALS: readonly Ritual[] = [
  // Product Engineering: the standup right before the morning's second hour, every day.
  ...teamRitual('product', 'priya', 'demo-product-standup', 'Daily standup', [1, 2, 3, 4, 5], '10:30', 30),
  ...teamRitual('product', 'dana', 'demo-product-planning', 'Sprint planning', [1], '14:00', 90, 2, 0),
  ...teamRitual('product', 'priya', 'demo-product-refinement', 'Backlog refinement', [4], '14:00', 60),
  ...teamRitual('product', 'dana', 'demo-product-retro', 'Sprint retro', [5], '15:00', 60, 2, 1),
  ...oneOnOnes(
    'dana',
    others('product', 'dana'),
    'Europe/Berlin',
    [
      { weekday: 2, start: '11:00' },
      { weekday: 3, start: '11:00' },
      { weekday: 4, start: '11:00' },
      { weekday: 2, start: '16:00' },
      { weekday: 3, start: '16:00' },
      { weekday: 4, start: '16:00' },
      { weekday: 2, start: '16:30' },
      { weekday: 3, start: '16:30' },
    ],
    1,
  ).map((ritual) => ({ ...ritual, parity: 0 as const })),
  // Platform: a short standup at 09:00 (it strands nothing), nothing at all on Wednesdays.
  ...teamRitual('platform', 'jonas', 'demo-platform-standup', 'Platform standup', [1, 2, 4, 5], '09:00', 15),
  ...teamRitual('platform', 'jonas', 'demo-platform-planning', 'Platform planning', [1], '16:00', 60, 2, 0),
  ...teamRitual('platform', 'jonas', 'demo-platform-retro', 'Platform retro', [5], '16:00', 60, 2, 1),
  ...oneOnOnes(
    'jonas',
    others('platform', 'jonas'),
    'Europe/Berlin',
    [
      { weekday: 2, start: '16:30' },
      { weekday: 4, start: '16:30' },
      { weekday: 2, start: '16:00' },
      { weekday: 4, start: '16:00' },
    ],
    2,
  ),
  // Growth, in New York.
  ...teamRitual('growth', 'marco', 'demo-growth-weekly', 'Growth weekly sync', [1], '10:00', 30),
  ...teamRitual('growth', 'marco', 'demo-growth-standup', 'Growth standup', [2, 4], '09:30', 15),
  ...teamRitual('growth', 'marco', 'demo-growth-experiments', 'Experiment review', [3], '15:00', 60),
  ...oneOnOnes(
    'marco',
    others('growth', 'marco'),
    NY,
    [
      { weekday: 2, start: '16:00' },
      { weekday: 4, start: '16:00' },
      { weekday: 2, start: '16:30' },
      { weekday: 4, start: '16:30' },
    ],
    2,
  ),
  // Leadership across three zones: 14:00 in London is 15:00 in Berlin and 09:00 in New York.
  ...teamRitual('leadership', 'samira', 'demo-leadership-sync', 'Leadership sync', [2], '14:00', 60),
  ...oneOnOnes(
    'samira',
    ['dana', 'marco'],
    'Europe/London',
    [
      { weekday: 3, start: '13:00' },
      { weekday: 3, start: '15:00' },
    ],
    1,
  ).map((ritual) => ({ ...ritual, parity: 0 as const })),
];

const MANAGER_MEETINGS: readonly AdHocMeeting[] = [
  { title: 'Interview: backend engineer', attendees: 3 },
  { title: 'Hiring debrief', attendees: 5 },
  { title: 'Roadmap review', attendees: 6 },
  { title: 'Stakeholder sync', attendees: 5 },
  { title: 'Incident postmortem', attendees: 8 },
  { title: 'Budget planning', attendees: 4 },
  { title: 'Customer call: Acme', attendees: 4 },
  { title: 'Skip-level 1:1', attendees: 2 },
  { title: 'Quarterly planning', attendees: 7 },
];

const ENGINEER_MEETINGS: readonly AdHocMeeting[] = [
  { title: 'Design review', attendees: 5 },
  { title: 'Architecture discussion', attendees: 4 },
  { title: 'Quick sync', attendees: 3 },
  { title: 'Customer call: onboarding feedback', attendees: 4 },
  { title: 'Incident postmortem', attendees: 8 },
  { title: 'Interview: system design', attendees: 3 },
];

const LAUNCH_WEEK: readonly AdHocMeeting[] = [
  { title: 'Launch war room', attendees: 9 },
  { title: 'Release go/no-go', attendees: 7 },
  { title: 'Incident review', attendees: 6 },
  { title: 'Interview: staff engineer', attendees: 3 },
  { title: 'Customer call: launch partner', attendees: 5 },
  { title: 'Stakeholder sync', attendees: 5 },
];

const MAKER_TITLES = ['Focus time', 'Coding', 'Code review', 'Writing: design doc', 'Debugging', 'Prototype'];
const MANAGER_MAKER_TITLES = ['Focus time', 'Code review', 'Coding', 'Writing: design doc'];

const PEOPLE_INDEX = new Map(DEMO_PEOPLE.map((p, i) => [p.key, i]));

/** Weeks on leave (week index 0 is the oldest of the 30). */
function weeksOff(p: DemoPerson): number[] {
  if (p.key === 'dana') return [12];
  if (p.key === 'priya') return [8];
  const i = PEOPLE_INDEX.get(p.key) ?? 0;
  const spread = [2 + ((3 * i + 5) % 24), 2 + ((3 * i + 17) % 24)];
  // Four of Growth's eight are away together once: that week's team aggregate is suppressed.
  if (['olivia', 'grace', 'diego', 'zoe'].includes(p.key)) spread.push(10);
  return spread;
}

function makerShareOf(p: DemoPerson, index: number, random: () => number): number {
  const span = (min: number, max: number) => min + random() * (max - min);
  switch (p.archetype) {
    case 'burnout-manager':
      if (index === 0) return 0.62;
      if (index < 18) return 0.48 - (0.12 * (index - 1)) / 16;
      return 0.36 - (0.2 * (index - 18)) / (DEMO_WEEKS - 19);
    case 'tech-lead':
      return span(0.44, 0.56);
    case 'product-engineer':
      return span(0.56, 0.66);
    case 'platform-lead':
      return span(0.56, 0.66);
    case 'platform-engineer':
      return span(0.8, 0.88);
    case 'growth-manager':
      return span(0.28, 0.4);
    case 'growth-engineer':
      return span(0.72, 0.84);
    case 'director':
      return span(0.33, 0.42);
  }
}

export function demoWeekPlan(p: DemoPerson, index: number, week: IsoWeek): WeekPlan {
  const random = randomFor('plan', p.key, week);
  const manager = ['burnout-manager', 'growth-manager', 'director'].includes(p.archetype);
  const platformTeam = p.teams.some((t) => t.team === 'platform');
  return {
    off: weeksOff(p).includes(index),
    makerShare: makerShareOf(p, index, random),
    zeroMaker: p.archetype === 'tech-lead' && index === DEMO_WEEKS - 5,
    protectedWeekdays: platformTeam ? [3] : [],
    placement: platformTeam ? 'edges' : 'anywhere',
    adHoc:
      p.archetype === 'tech-lead' && index === DEMO_WEEKS - 5
        ? LAUNCH_WEEK
        : manager
          ? MANAGER_MEETINGS
          : ENGINEER_MEETINGS,
    makerTitles: manager ? MANAGER_MAKER_TITLES : MAKER_TITLES,
    lateEvenings: p.archetype === 'burnout-manager' && index >= 18 ? 1 : 0,
    saturday: p.key === 'ethan' && index % 4 === 1,
  };
}

/** The standing meetings `p` attends in week `index` (none when they, or the other side of a 1:1, are away). */
export function demoRitualsFor(p: DemoPerson, index: number, week: IsoWeek): Ritual[] {
  return DEMO_RITUALS.filter((ritual) => {
    if (!ritual.participants.includes(p.key)) return false;
    if (ritual.every === 2 && index % 2 !== (ritual.parity ?? 0)) return false;
    if (ritual.participants.length === 2) {
      return ritual.participants.every((key) => {
        const other = DEMO_PEOPLE.find((candidate) => candidate.key === key);
        return other ? !demoWeekPlan(other, index, week).off : true;
      });
    }
    return true;
  });
}

/** A person's calendar for week `index` (0 = oldest) which is ISO week `week`. */
export function demoCalendarWeek(p: DemoPerson, index: number, week: IsoWeek): IncomingEntry[] {
  return generateWeek(
    { key: p.key, timeZone: p.timeZone },
    week,
    demoWeekPlan(p, index, week),
    demoRitualsFor(p, index, week),
    randomFor('calendar', p.key, week),
  );
}
