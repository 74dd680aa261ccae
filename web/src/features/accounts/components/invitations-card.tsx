import type { Invitation } from '@tiltmeter/shared/accounts';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { SkeletonRows } from '../../../components/ui/loading.tsx';
import { Table, TBody, Td, THead, Th, Tr } from '../../../components/ui/table.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/form.ts';
import { formatDate, formatRelative } from '../../../lib/format-date.ts';
import { useCancelInvitation } from '../api/cancel-invitation.ts';
import { invitationLink } from '../api/create-invitation.ts';
import { useInvitations } from '../api/get-invitations.ts';
import { ROLE_LABELS } from '../roles.ts';

/** Pending invitations (admins): copy the link again, or cancel it. */
export function InvitationsCard() {
  const invitations = useInvitations();
  const cancel = useCancelInvitation();
  const { toast } = useToast();
  const [canceling, setCanceling] = useState<Invitation | null>(null);
  const pending = invitations.data?.items.filter((item) => item.status === 'pending') ?? [];

  return (
    <Card
      title="Pending invitations"
      description="Invitations nobody has accepted yet."
      bodyClassName={invitations.isSuccess && pending.length > 0 ? 'p-0' : undefined}
    >
      {invitations.isPending ? (
        <SkeletonRows rows={2} label="Loading invitations" />
      ) : invitations.isError ? (
        <Alert
          tone="error"
          action={
            <Button variant="secondary" size="sm" onClick={() => void invitations.refetch()}>
              Try again
            </Button>
          }
        >
          {errorMessage(invitations.error)}
        </Alert>
      ) : pending.length === 0 ? (
        <p className="text-sm text-slate-600">
          No pending invitations. Invite someone above and it shows here until they join.
        </p>
      ) : (
        <Table caption="Pending invitations">
          <THead>
            <Tr>
              <Th>Invited</Th>
              <Th>Role</Th>
              <Th>Expires</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {pending.map((invitation) => (
              <Tr key={invitation.id}>
                <Td>
                  <p className="font-medium break-all text-slate-900">{invitation.email}</p>
                  <p className="text-[13px] text-slate-500">
                    by {invitation.invitedBy.name}, {formatRelative(invitation.createdAt)}
                  </p>
                </Td>
                <Td>
                  <Badge tone={invitation.role === 'admin' ? 'accent' : 'neutral'}>
                    {ROLE_LABELS[invitation.role]}
                  </Badge>
                </Td>
                <Td className="whitespace-nowrap">
                  <span title={formatDate(invitation.expiresAt)}>{formatRelative(invitation.expiresAt)}</span>
                </Td>
                <Td>
                  <div className="flex justify-end gap-2">
                    <CopyButton
                      size="sm"
                      value={invitationLink(invitation.id)}
                      label="Copy link"
                      aria-label={`Copy the invitation link for ${invitation.email}`}
                    />
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => setCanceling(invitation)}
                      aria-label={`Cancel the invitation for ${invitation.email}`}
                    >
                      Cancel
                    </Button>
                  </div>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <ConfirmDialog
        open={canceling !== null}
        title="Cancel this invitation?"
        confirmLabel="Cancel invitation"
        cancelLabel="Keep it"
        pending={cancel.isPending}
        error={cancel.isError ? errorMessage(cancel.error) : null}
        onCancel={() => {
          setCanceling(null);
          cancel.reset();
        }}
        onConfirm={() => {
          if (!canceling) return;
          cancel.mutate(canceling.id, {
            onSuccess: () => {
              toast({ title: `Invitation for ${canceling.email} canceled` });
              setCanceling(null);
            },
          });
        }}
      >
        The link sent to <strong className="font-semibold">{canceling?.email}</strong> stops working. You can
        invite them again later.
      </ConfirmDialog>
    </Card>
  );
}
