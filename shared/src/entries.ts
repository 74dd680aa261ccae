import { z } from 'zod';

/**
 * The vocabulary of an entry. Values are snake_case everywhere (wire, database, engines), so no layer
 * has to translate them.
 */
export const CATEGORIES = ['maker', 'manager', 'neutral', 'excluded', 'unclassified'] as const;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

export const MANAGER_SUBTYPES = [
  'one_on_one',
  'team_sync',
  'review',
  'hiring',
  'external',
  'coordination',
] as const;
export const ManagerSubtypeSchema = z.enum(MANAGER_SUBTYPES);
export type ManagerSubtype = z.infer<typeof ManagerSubtypeSchema>;

export const RSVPS = ['accepted', 'tentative', 'declined', 'needs_action'] as const;
export const RsvpSchema = z.enum(RSVPS);
export type Rsvp = z.infer<typeof RsvpSchema>;

export const SHOW_AS = ['busy', 'free', 'tentative', 'out_of_office'] as const;
export const ShowAsSchema = z.enum(SHOW_AS);
export type ShowAs = z.infer<typeof ShowAsSchema>;

export const ENTRY_SOURCES = ['manual', 'ics_file', 'ics_url', 'csv', 'api'] as const;
export const EntrySourceSchema = z.enum(ENTRY_SOURCES);
export type EntrySource = z.infer<typeof EntrySourceSchema>;

export const ENTRY_STATUSES = ['confirmed', 'tentative', 'cancelled'] as const;
export const EntryStatusSchema = z.enum(ENTRY_STATUSES);
export type EntryStatus = z.infer<typeof EntryStatusSchema>;

/**
 * What the engines (classification, metrics) see of an entry: plain data, instants as Date.
 * `attendees` counts everyone invited including the owner (0 when the event lists nobody), so a solo
 * block is 0 or 1, a 1:1 is 2, a meeting is 3 or more.
 */
export interface EngineEntry {
  id: string;
  title: string | null;
  start: Date;
  end: Date;
  /** IANA zone the entry was created in. */
  timeZone: string;
  allDay: boolean;
  attendees: number;
  /** The owner organized it. */
  organizer: boolean;
  rsvp: Rsvp;
  showAs: ShowAs;
  status: EntryStatus;
  source: EntrySource;
  /** Calendar name or subscription id the entry came from; null for manual and API entries. */
  calendar: string | null;
  /** Identity of the recurring series (the iCalendar UID of the master); null for single events. */
  seriesId: string | null;
}

/** The result of classifying one entry. */
export interface Classification {
  category: Category;
  subtype: ManagerSubtype | null;
  /** Words a person understands: which rule decided and the facts that matched. */
  reason: string;
  /** The rule that decided, or null for built-in exclusions, overrides and unclassified entries. */
  ruleId: string | null;
}
