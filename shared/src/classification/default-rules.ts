import type { Rule, RuleSet } from '../rules.ts';

/**
 * The rule set every new organization starts with. It is data: the organization gets an editable copy,
 * so everything here can be changed in Settings without a release. Tuned for English Google and Outlook
 * calendars, and for time-tracker CSVs (Toggl, Clockify) that have titles but no attendees, which is why
 * keyword rules come before the attendee-count fallbacks.
 *
 * The order is the design; the first matching rule wins:
 *   1. Things that are not work time at all: out of office, travel.
 *   2. What the member declared: focus blocks, and pairing (building together, even with 2 attendees).
 *   3. Sessions that mention lunch but are meetings (lunch & learn), before the lunch rule sees them.
 *   4. Hiring before everything that could steal its words ("Interview debrief", "Interview prep").
 *   5. Solo meeting prep ("1:1 prep"), before the 1:1 keywords would call it a 1:1.
 *   6. Solo building work named by its verb ("Write Q3 planning doc" is writing, not planning).
 *   7. Meeting kinds by keyword, most specific subtype first: 1:1, external, review, team sync,
 *      coordination.
 *   8. Meals, breaks, socials and personal time: after the meeting kinds, so "Lunch with candidate" is hiring
 *      and "Dinner with customer" is external.
 *   9. Chats and catch-ups between two people; solo entries named "meeting" or "zoom" (a tracker log).
 *  10. Fallbacks by attendee count: solo busy block is maker, two people is a 1:1, three or more is a
 *      meeting. A solo block shown as tentative matches nothing and lands in the inbox.
 */

type DefaultRule = Omit<Rule, 'position' | 'enabled'>;

const RULES: DefaultRule[] = [
  {
    id: 'default-out-of-office',
    name: 'Out of office',
    // Outlook and Google OOO events often arrive in ICS files as plain busy events; the title says it.
    conditions: {
      titleKeywords: [
        'ooo',
        'out of office',
        'vacation',
        'pto',
        'time off',
        'day off',
        'sick',
        'annual leave',
        'parental leave',
      ],
    },
    outcome: { category: 'excluded', subtype: null },
  },
  {
    id: 'default-travel',
    name: 'Travel',
    conditions: {
      titleKeywords: [
        'flight',
        'fly to',
        'travel',
        'traveling',
        'travelling',
        'commute',
        'commuting',
        'airport',
        'in transit',
        'train to',
        'drive to',
      ],
    },
    outcome: { category: 'neutral', subtype: null },
  },
  {
    id: 'default-focus-blocks',
    name: 'Focus blocks',
    // Declared intent wins over anything else the title mentions ("Focus: interview scorecards").
    conditions: {
      titleKeywords: ['focus', 'deep work', 'heads down', 'no meetings', 'maker time', 'do not book', 'dnd'],
      excludeTitleKeywords: ['focus group'],
    },
    outcome: { category: 'maker', subtype: null },
  },
  {
    id: 'default-pairing',
    name: 'Pairing and mobbing',
    conditions: {
      titleKeywords: ['pairing', 'pair programming', 'mob programming', 'mobbing', 'ensemble programming'],
    },
    outcome: { category: 'maker', subtype: null },
  },
  {
    id: 'default-talks',
    name: 'Talks and lunch & learns',
    conditions: {
      titleKeywords: [
        'lunch & learn',
        'lunch and learn',
        'lunch n learn',
        'brown bag',
        'tech talk',
        'lightning talk',
        'knowledge sharing',
        'guild',
      ],
    },
    outcome: { category: 'manager', subtype: 'coordination' },
  },
  {
    id: 'default-hiring',
    name: 'Interviews and hiring',
    conditions: {
      titleKeywords: [
        'interview',
        'interviewing',
        'hiring',
        'candidate',
        'phone screen',
        'tech screen',
        'technical screen',
        'recruiter',
        'recruiting',
      ],
      // Interviewing users is research, not hiring.
      excludeTitleKeywords: ['user interview', 'customer interview', 'user research'],
    },
    outcome: { category: 'manager', subtype: 'hiring' },
  },
  {
    id: 'default-meeting-prep',
    name: 'Meeting prep',
    // Preparing a meeting alone is still work around the thing, not the thing.
    conditions: {
      titleKeywords: ['prep', 'prepare', 'preparation', 'agenda'],
      attendees: { max: 1 },
    },
    outcome: { category: 'manager', subtype: 'coordination' },
  },
  {
    id: 'default-building-work',
    name: 'Building work',
    conditions: {
      // Phrases before their words, so the reason names the most telling one.
      titleKeywords: [
        'code review',
        'pr review',
        'review prs',
        'coding',
        'code',
        'programming',
        'implement',
        'implementation',
        'build',
        'building',
        'debugging',
        'debug',
        'refactor',
        'refactoring',
        'prototype',
        'prototyping',
        'spike',
        'hack',
        'writing',
        'write',
        'draft',
        'docs',
        'documentation',
        'design',
        'designing',
        'wireframes',
        'mockups',
        'research',
        'analysis',
        'analyze',
        'investigate',
        'investigation',
        'reading',
        'study',
      ],
      // Writing performance reviews is management, even alone; and a tracker row like "Zoom w/ design
      // team" is a meeting about the work, not the work.
      excludeTitleKeywords: [
        'perf',
        'performance review',
        'self-review',
        'meeting',
        'zoom',
        'call with',
        'video call',
      ],
      attendees: { max: 1 },
    },
    outcome: { category: 'maker', subtype: null },
  },
  {
    id: 'default-one-on-ones',
    name: 'One-on-ones',
    conditions: { titleKeywords: ['1:1', '1-1', '1on1', '1x1', 'one-on-one', 'skip-level'] },
    outcome: { category: 'manager', subtype: 'one_on_one' },
  },
  {
    id: 'default-external',
    name: 'External calls',
    conditions: {
      titleKeywords: [
        'customer',
        'client call',
        'client meeting',
        'vendor',
        'partner call',
        'partner meeting',
        'prospect',
        'external',
        'investor',
        'sales call',
        'qbr',
      ],
    },
    outcome: { category: 'manager', subtype: 'external' },
  },
  {
    id: 'default-reviews',
    name: 'Reviews, demos and retros',
    conditions: {
      titleKeywords: [
        'review',
        'retro',
        'retrospective',
        'postmortem',
        'post-mortem',
        'demo',
        'debrief',
        'readout',
        'calibration',
        'showcase',
        'critique',
      ],
    },
    outcome: { category: 'manager', subtype: 'review' },
  },
  {
    id: 'default-team-syncs',
    name: 'Standups, syncs and planning',
    conditions: {
      titleKeywords: [
        'standup',
        'stand-up',
        'daily',
        'scrum',
        'sync',
        'planning',
        'refinement',
        'grooming',
        'backlog',
        'estimation',
        'weekly',
        'team meeting',
        'staff meeting',
        'team check-in',
        'huddle',
      ],
    },
    outcome: { category: 'manager', subtype: 'team_sync' },
  },
  {
    id: 'default-coordination',
    name: 'All-hands and coordination',
    conditions: {
      titleKeywords: [
        'all-hands',
        'allhands',
        'town hall',
        'townhall',
        'kickoff',
        'kick-off',
        'offsite',
        'roadmap',
        'strategy',
        'leadership',
        'board meeting',
        'triage',
        'handoff',
        'hand-off',
        'escalation',
        'office hours',
        'okr',
        'email',
        'inbox',
        'slack',
        'admin',
        'expenses',
      ],
    },
    outcome: { category: 'manager', subtype: 'coordination' },
  },
  {
    id: 'default-meals-breaks-socials',
    name: 'Meals, breaks and socials',
    conditions: {
      titleKeywords: [
        'lunch',
        'breakfast',
        'brunch',
        'dinner',
        'coffee break',
        'break',
        'drinks',
        'happy hour',
      ],
    },
    outcome: { category: 'neutral', subtype: null },
  },
  {
    id: 'default-personal',
    name: 'Personal',
    conditions: {
      titleKeywords: [
        'personal',
        'private',
        'dentist',
        'doctor',
        'physio',
        'therapy',
        'appointment',
        'gym',
        'workout',
        'school run',
        'school pickup',
        'daycare',
        'childcare',
        'kids',
        'haircut',
        'errand',
      ],
    },
    outcome: { category: 'neutral', subtype: null },
  },
  {
    id: 'default-chats',
    name: 'Chats and catch-ups',
    // Between two people these are 1:1s even without a 1:1 in the title; in a group they fall through
    // to the meeting fallback. Without attendees (a CSV import) the title is all there is.
    conditions: {
      titleKeywords: ['coffee chat', 'coffee with', 'chat', 'catch-up', 'check-in', 'mentoring', 'coaching'],
      attendees: { max: 2 },
    },
    outcome: { category: 'manager', subtype: 'one_on_one' },
  },
  {
    id: 'default-logged-meetings',
    name: 'Meetings logged without attendees',
    // Time trackers log "Meeting" or "Zoom" with nobody listed; the solo-block fallback would call it maker.
    conditions: {
      titleKeywords: ['meeting', 'zoom', 'video call', 'phone call', 'conference call', 'call with'],
      attendees: { max: 1 },
    },
    outcome: { category: 'manager', subtype: 'coordination' },
  },
  {
    id: 'default-solo-busy-block',
    name: 'Solo busy block',
    conditions: { attendees: { max: 1 }, showAs: ['busy'] },
    outcome: { category: 'maker', subtype: null },
  },
  {
    id: 'default-two-people',
    name: 'Two people',
    conditions: { attendees: { min: 2, max: 2 } },
    outcome: { category: 'manager', subtype: 'one_on_one' },
  },
  {
    id: 'default-group-meeting',
    name: 'Group meeting',
    conditions: { attendees: { min: 3 } },
    outcome: { category: 'manager', subtype: 'coordination' },
  },
];

/** The default rules in evaluation order; positions follow the list. */
export const DEFAULT_RULES: readonly Rule[] = RULES.map((rule, position) => ({
  ...rule,
  enabled: true,
  position,
}));

/** The default organization rule set. Copy it (`structuredClone`) before editing: it is shared. */
export const DEFAULT_RULE_SET: RuleSet = { teamId: null, rules: [...DEFAULT_RULES] };
