import type { ApiToken } from '@tiltmeter/shared/tokens';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { KeyIcon } from '../../../components/ui/icons.tsx';
import { SkeletonRows } from '../../../components/ui/loading.tsx';
import { Table, TBody, Td, THead, Th, Tr } from '../../../components/ui/table.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/form.ts';
import { formatDate, formatDateTime, formatRelative } from '../../../lib/format-date.ts';
import { useTokens } from '../api/get-tokens.ts';
import { useRevokeToken } from '../api/revoke-token.ts';

/** My active tokens in this organization, with revoke. */
export function TokensCard() {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const { toast } = useToast();
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const hasTokens = tokens.isSuccess && tokens.data.items.length > 0;

  return (
    <Card
      title="Your tokens"
      description="Active tokens you made in this organization."
      bodyClassName={hasTokens ? 'p-0' : undefined}
    >
      {tokens.isPending ? (
        <SkeletonRows rows={2} label="Loading tokens" />
      ) : tokens.isError ? (
        <Alert
          tone="error"
          action={
            <Button variant="secondary" size="sm" onClick={() => void tokens.refetch()}>
              Try again
            </Button>
          }
        >
          {errorMessage(tokens.error)}
        </Alert>
      ) : !hasTokens ? (
        <div className="flex items-center gap-3 text-sm text-slate-600">
          <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-slate-100 text-slate-500">
            <KeyIcon className="size-[18px]" />
          </span>
          No tokens yet. Create one above when a script needs to read your metrics or send entries.
        </div>
      ) : (
        <Table caption="Your API tokens">
          <THead>
            <Tr>
              <Th>Name</Th>
              <Th>Token</Th>
              <Th>Created</Th>
              <Th>Last used</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {tokens.data.items.map((token) => (
              <Tr key={token.id}>
                <Td className="font-medium text-slate-900">{token.name}</Td>
                <Td>
                  <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[12.5px] text-slate-700">
                    {token.prefix}…
                  </code>
                </Td>
                <Td className="whitespace-nowrap">{formatDate(token.createdAt)}</Td>
                <Td className="whitespace-nowrap">
                  {token.lastUsedAt ? (
                    <span title={formatDateTime(token.lastUsedAt)}>{formatRelative(token.lastUsedAt)}</span>
                  ) : (
                    <span className="text-slate-500">Never</span>
                  )}
                </Td>
                <Td>
                  <div className="flex justify-end">
                    <Button
                      variant="danger-ghost"
                      size="sm"
                      onClick={() => setRevoking(token)}
                      aria-label={`Revoke ${token.name}`}
                    >
                      Revoke
                    </Button>
                  </div>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke token"
        pending={revoke.isPending}
        error={revoke.isError ? errorMessage(revoke.error) : null}
        onCancel={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              toast({ title: `${revoking.name} revoked` });
              setRevoking(null);
            },
          });
        }}
      >
        Anything using it stops working at once. This cannot be undone.
      </ConfirmDialog>
    </Card>
  );
}
