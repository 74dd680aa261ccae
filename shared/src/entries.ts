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
export interface EngineEntry extends EntryFacts {
  id: string;
  source: EntrySource;
  /** Calendar name or subscription id the entry came from; null for manual and API entries. */
  calendar: string | null;
}

/** What a calendar says about one entry: every source (ICS, CSV, API, a person) describes these. */
export interface EntryFacts {
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

// ---------------------------------------------------------------------------------------------
// API contracts
// ---------------------------------------------------------------------------------------------

/**
 * Zone names already checked. Asking Intl costs about a hundred microseconds, and a bulk request
 * names the same zone on each of its 10,000 entries; bounded, since names come from clients.
 */
const checkedZones = new Map<string, boolean>();

function isKnownTimeZone(zone: string): boolean {
  let known = checkedZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (checkedZones.size >= 1_000) checkedZones.clear();
    checkedZones.set(zone, known);
  }
  return known;
}

/** A real IANA zone name, as the runtime's Intl knows it. */
export const TimeZoneSchema = z.string().refine(isKnownTimeZone, {
  message: 'is not a known IANA time zone (e.g. Europe/Berlin)',
});

const InstantSchema = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 instant, e.g. 2026-03-02T09:00:00Z',
});

/** Longest entry we accept at all; the classifier excludes anything over 12 h anyway. */
export const MAX_ENTRY_DAYS = 31;
export const MAX_BULK_ENTRIES = 10_000;

/** An entry as the API returns it. */
export const EntrySchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  allDay: z.boolean(),
  attendees: z.int(),
  organizer: z.boolean(),
  rsvp: RsvpSchema,
  showAs: ShowAsSchema,
  status: EntryStatusSchema,
  source: EntrySourceSchema,
  calendar: z.string(),
  externalUid: z.string().nullable(),
  seriesId: z.string().nullable(),
  category: CategorySchema,
  subtype: ManagerSubtypeSchema.nullable(),
  reason: z.string(),
  overridden: z.boolean(),
  editedByMember: z.boolean(),
});
export type Entry = z.infer<typeof EntrySchema>;

const entryFields = {
  title: z.string().trim().max(500).nullable().optional(),
  start: InstantSchema,
  end: InstantSchema,
  timeZone: TimeZoneSchema,
  allDay: z.boolean().optional(),
  attendees: z.int().min(0).max(10_000).optional(),
  organizer: z.boolean().optional(),
  rsvp: RsvpSchema.optional(),
  showAs: ShowAsSchema.optional(),
  status: EntryStatusSchema.optional(),
  seriesId: z.string().min(1).max(500).nullable().optional(),
};

function checkInterval(value: { start?: string; end?: string }, context: z.RefinementCtx) {
  if (value.start === undefined || value.end === undefined) return;
  const start = Date.parse(value.start);
  const end = Date.parse(value.end);
  if (end <= start) {
    context.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
  } else if (end - start > MAX_ENTRY_DAYS * 86_400_000) {
    context.addIssue({
      code: 'custom',
      path: ['end'],
      message: `an entry may last at most ${MAX_ENTRY_DAYS} days`,
    });
  }
}

/** A manager override needs its subtype; no other category has one. */
function checkOverrideOutcome(
  value: { category?: string | null; subtype?: string | null },
  context: z.RefinementCtx,
) {
  if (value.category === 'manager' && !value.subtype) {
    context.addIssue({ code: 'custom', path: ['subtype'], message: 'is required when category is manager' });
  }
  if (value.subtype && value.category !== 'manager') {
    context.addIssue({ code: 'custom', path: ['subtype'], message: 'applies only to category manager' });
  }
}

export const CreateEntryBodySchema = z.object(entryFields).strict().superRefine(checkInterval);
export type CreateEntryBody = z.infer<typeof CreateEntryBodySchema>;

/** A bulk item may carry the caller's own id, so sending the same batch twice creates nothing new. */
export const BulkEntryItemSchema = z
  .object({ ...entryFields, externalUid: z.string().min(1).max(500).optional() })
  .strict()
  .superRefine(checkInterval);
export type BulkEntryItem = z.infer<typeof BulkEntryItemSchema>;

export const BulkEntriesBodySchema = z
  .object({ entries: z.array(BulkEntryItemSchema).min(1).max(MAX_BULK_ENTRIES) })
  .strict();
export type BulkEntriesBody = z.infer<typeof BulkEntriesBodySchema>;

export const BulkEntriesResponseSchema = z.object({ created: z.int(), updated: z.int() });
export type BulkEntriesResponse = z.infer<typeof BulkEntriesResponseSchema>;

/**
 * PATCH: any entry field, and/or an override. `category: null` returns the entry to its rules;
 * `scope: 'series'` applies the override to every occurrence of the entry's recurring series.
 */
export const UpdateEntryBodySchema = z
  .object({
    ...entryFields,
    start: InstantSchema.optional(),
    end: InstantSchema.optional(),
    timeZone: TimeZoneSchema.optional(),
    category: z.enum(['maker', 'manager', 'neutral', 'excluded']).nullable().optional(),
    subtype: ManagerSubtypeSchema.nullable().optional(),
    scope: z.enum(['entry', 'series']).optional(),
  })
  .strict()
  .superRefine(checkInterval)
  .superRefine(checkOverrideOutcome);
export type UpdateEntryBody = z.infer<typeof UpdateEntryBodySchema>;

export const ListEntriesQuerySchema = z
  .object({ from: InstantSchema, to: InstantSchema })
  .superRefine((value, context) => {
    const span = Date.parse(value.to) - Date.parse(value.from);
    if (span <= 0) context.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    else if (span > 400 * 86_400_000) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'the range may span at most 400 days' });
    }
  });
export type ListEntriesQuery = z.infer<typeof ListEntriesQuerySchema>;

export const ListEntriesResponseSchema = z.object({ items: z.array(EntrySchema) });
export type ListEntriesResponse = z.infer<typeof ListEntriesResponseSchema>;

export const EntryIdParamsSchema = z.object({ id: z.string().min(1) });

export const entryEndpoints = {
  list: {
    method: 'GET',
    url: '/api/v1/entries',
    schema: { querystring: ListEntriesQuerySchema, response: { 200: ListEntriesResponseSchema } },
  },
  create: {
    method: 'POST',
    url: '/api/v1/entries',
    schema: { body: CreateEntryBodySchema, response: { 201: EntrySchema } },
  },
  update: {
    method: 'PATCH',
    url: '/api/v1/entries/:id',
    schema: { params: EntryIdParamsSchema, body: UpdateEntryBodySchema, response: { 200: EntrySchema } },
  },
  remove: {
    method: 'DELETE',
    url: '/api/v1/entries/:id',
    schema: { params: EntryIdParamsSchema, response: { 204: z.null() } },
  },
  bulk: {
    method: 'POST',
    url: '/api/v1/entries/bulk',
    schema: { body: BulkEntriesBodySchema, response: { 200: BulkEntriesResponseSchema } },
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Inbox: entries no rule classified
// ---------------------------------------------------------------------------------------------

export const InboxQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const InboxResponseSchema = z.object({
  items: z.array(EntrySchema),
  /** All unclassified entries of the caller, of which `items` are the most recent. */
  total: z.int(),
});
export type InboxResponse = z.infer<typeof InboxResponseSchema>;

/** Classify many entries at once (each gets an override, as a one-by-one reclassify would). */
export const ClassifyEntriesBodySchema = z
  .object({
    ids: z.array(z.string().min(1)).min(1).max(500),
    category: z.enum(['maker', 'manager', 'neutral', 'excluded']),
    subtype: ManagerSubtypeSchema.nullable().optional(),
  })
  .strict()
  .superRefine(checkOverrideOutcome);
export type ClassifyEntriesBody = z.infer<typeof ClassifyEntriesBodySchema>;

export const inboxEndpoints = {
  list: {
    method: 'GET',
    url: '/api/v1/inbox',
    schema: { querystring: InboxQuerySchema, response: { 200: InboxResponseSchema } },
  },
  classify: {
    method: 'POST',
    url: '/api/v1/inbox/classify',
    schema: { body: ClassifyEntriesBodySchema, response: { 200: z.object({ updated: z.int() }) } },
  },
} as const;
