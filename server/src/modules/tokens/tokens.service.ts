import type { ApiToken, CreateApiTokenBody, CreatedApiToken, ListApiTokensResponse } from '@tiltmeter/shared';
import type { Prisma } from '../../generated/prisma/client.ts';
import { recordAudit } from '../../lib/audit.ts';
import { notFound } from '../../lib/errors.ts';
import type { TenantDb } from '../../lib/tenant-db.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import { generateApiToken } from './token-secret.ts';

const tokenSelect = {
  id: true,
  name: true,
  prefix: true,
  lastUsedAt: true,
  createdAt: true,
} satisfies Prisma.ApiTokenSelect;

type TokenRow = Prisma.ApiTokenGetPayload<{ select: typeof tokenSelect }>;

export function toTokenDto(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** My tokens that still work, newest first. */
export async function listTokens(db: TenantDb, auth: AuthContext): Promise<ListApiTokensResponse> {
  const rows = await db.apiToken.findMany({
    where: { memberId: auth.memberId, revokedAt: null },
    select: tokenSelect,
    orderBy: { createdAt: 'desc' },
  });
  return { items: rows.map(toTokenDto) };
}

/** A token for the caller in the current organization. The secret is returned here and never again. */
export async function createToken(
  db: TenantDb,
  auth: AuthContext,
  input: CreateApiTokenBody,
  origin: 'api' | 'cli' = 'api',
): Promise<CreatedApiToken> {
  const { token, prefix, hash } = generateApiToken();
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        organizationId: auth.orgId,
        memberId: auth.memberId,
        name: input.name,
        prefix,
        tokenHash: hash,
      },
      select: tokenSelect,
    });
    await recordAudit(
      tx,
      auth,
      'token.created',
      { type: 'token', id: row.id },
      {
        name: row.name,
        prefix,
        via: origin,
      },
    );
    return { token: toTokenDto(row), secret: token };
  });
}

/** Revokes one of my tokens; the very next request with it is refused (checked on every request). */
export async function revokeToken(db: TenantDb, auth: AuthContext, tokenId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const revoked = await tx.apiToken.updateMany({
      where: { id: tokenId, memberId: auth.memberId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count !== 1) throw notFound('Token');
    await recordAudit(tx, auth, 'token.revoked', { type: 'token', id: tokenId });
  });
}
