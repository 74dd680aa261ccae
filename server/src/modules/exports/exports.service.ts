import { randomBytes } from 'node:crypto';
import type { TenantDb } from '../../lib/tenant-db.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import type { Db } from '../../plugins/database.ts';
import { entryCsvLines } from './csv-write.ts';
import { entriesToIcs } from './ics-write.ts';

const DAY_MS = 86_400_000;
/** The feed shows the recent past and the near future: what a calendar app needs to display. */
const FEED_DAYS_BACK = 56;
const FEED_DAYS_AHEAD = 91;

/** Rows of the caller's entries for the CSV export, titles left out where the organization hides them. */
export async function exportEntriesCsv(db: TenantDb, auth: AuthContext, range: { from: string; to: string }) {
  const [organization, rows] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: auth.orgId }, select: { titlePolicy: true } }),
    db.entry.findMany({
      where: {
        memberId: auth.memberId,
        start: { lt: new Date(range.to) },
        end: { gt: new Date(range.from) },
      },
      orderBy: [{ start: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const showTitles = organization.titlePolicy === 'show';
  return entryCsvLines(rows.map((row) => ({ ...row, title: showTitles ? row.title : null })));
}

export function feedUrl(publicUrl: string, token: string | null): string | null {
  return token ? new URL(`/api/feeds/${token}.ics`, publicUrl).toString() : null;
}

export async function getFeedToken(db: TenantDb, auth: AuthContext): Promise<string | null> {
  const settings = await db.memberSettings.findUnique({
    where: { memberId: auth.memberId },
    select: { feedToken: true },
  });
  return settings?.feedToken ?? null;
}

/** A new secret for the feed URL; the previous URL stops working at once. */
export async function rotateFeedToken(db: TenantDb, auth: AuthContext): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await db.memberSettings.update({ where: { memberId: auth.memberId }, data: { feedToken: token } });
  return token;
}

export async function revokeFeedToken(db: TenantDb, auth: AuthContext): Promise<void> {
  await db.memberSettings.update({ where: { memberId: auth.memberId }, data: { feedToken: null } });
}

/**
 * The ICS feed behind a secret URL. The token is the credential, so this is looked up across
 * organizations by the token alone, and answers only that one member's entries.
 */
export async function renderFeed(db: Db, token: string, now = new Date()): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
  const settings = await db.memberSettings
    .findUnique({
      where: { feedToken: token },
      select: { memberId: true, organizationId: true },
    })
    .catch(() => null);
  if (!settings) return null;
  const [organization, rows] = await Promise.all([
    db.organization.findUniqueOrThrow({
      where: { id: settings.organizationId },
      select: { name: true, titlePolicy: true },
    }),
    db.entry.findMany({
      where: {
        organizationId: settings.organizationId,
        memberId: settings.memberId,
        start: { lt: new Date(now.getTime() + FEED_DAYS_AHEAD * DAY_MS) },
        end: { gt: new Date(now.getTime() - FEED_DAYS_BACK * DAY_MS) },
      },
      orderBy: { start: 'asc' },
    }),
  ]);
  const showTitles = organization.titlePolicy === 'show';
  return entriesToIcs(
    `Tiltmeter · ${organization.name}`,
    rows.map((row) => ({ ...row, title: showTitles ? row.title : null })),
  );
}
