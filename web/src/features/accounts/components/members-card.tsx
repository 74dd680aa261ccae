import { MEMBER_ROLES, type Member, type MemberRole } from '@tiltmeter/shared/accounts';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { Select } from '../../../components/ui/field.tsx';
import { SkeletonRows } from '../../../components/ui/loading.tsx';
import { Table, TBody, Td, THead, Th, Tr } from '../../../components/ui/table.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/form.ts';
import { formatDate } from '../../../lib/format-date.ts';
import { useMembers } from '../api/get-members.ts';
import { useRemoveMember } from '../api/remove-member.ts';
import { useUpdateMemberRole } from '../api/update-member.ts';
import { ROLE_LABELS } from '../roles.ts';

export interface MembersCardProps {
  /** The signed-in member, marked "You". */
  currentMemberId: string;
  /** Admins change roles and remove members; everyone else reads. */
  canManage: boolean;
}

export function MembersCard({ currentMemberId, canManage }: MembersCardProps) {
  const members = useMembers();
  const updateRole = useUpdateMemberRole();
  const remove = useRemoveMember();
  const { toast } = useToast();
  const [removing, setRemoving] = useState<Member | null>(null);
  const count = members.data?.items.length ?? 0;

  function changeRole(member: Member, role: MemberRole) {
    updateRole.mutate(
      { memberId: member.id, role },
      {
        onSuccess: () => toast({ title: `${member.displayName} is now ${ROLE_LABELS[role].toLowerCase()}` }),
        onError: (error) =>
          toast({
            tone: 'error',
            title: `Could not change ${member.displayName}'s role`,
            description: errorMessage(error),
          }),
      },
    );
  }

  return (
    <Card
      title="Members"
      description={
        members.isSuccess
          ? `${count} ${count === 1 ? 'person' : 'people'} in this organization.`
          : 'People in this organization.'
      }
      bodyClassName={members.isSuccess ? 'p-0' : undefined}
    >
      {members.isPending ? (
        <SkeletonRows rows={3} label="Loading members" />
      ) : members.isError ? (
        <Alert
          tone="error"
          action={
            <Button variant="secondary" size="sm" onClick={() => void members.refetch()}>
              Try again
            </Button>
          }
        >
          {errorMessage(members.error)}
        </Alert>
      ) : (
        <Table caption="Members">
          <THead>
            <Tr>
              <Th>Name</Th>
              <Th>Role</Th>
              <Th>Joined</Th>
              {canManage && (
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              )}
            </Tr>
          </THead>
          <TBody>
            {members.data.items.map((member) => {
              const isMe = member.id === currentMemberId;
              const pendingRole = updateRole.isPending && updateRole.variables?.memberId === member.id;
              return (
                <Tr key={member.id}>
                  <Td>
                    <div className="flex items-center gap-3">
                      <Avatar name={member.displayName} size="sm" />
                      <div className="min-w-0">
                        <p className="flex items-center gap-2 font-medium text-slate-900">
                          <span className="truncate">{member.displayName}</span>
                          {isMe && <Badge tone="accent">You</Badge>}
                        </p>
                        <p className="truncate text-[13px] text-slate-500">{member.email}</p>
                      </div>
                    </div>
                  </Td>
                  <Td>
                    {canManage ? (
                      <Select
                        aria-label={`Role of ${member.displayName}`}
                        className="w-32"
                        value={pendingRole ? updateRole.variables?.role : member.role}
                        disabled={pendingRole}
                        options={MEMBER_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
                        onChange={(event) => changeRole(member, event.target.value as MemberRole)}
                      />
                    ) : (
                      <Badge tone={member.role === 'admin' ? 'accent' : 'neutral'}>
                        {ROLE_LABELS[member.role]}
                      </Badge>
                    )}
                  </Td>
                  <Td className="whitespace-nowrap">{formatDate(member.createdAt)}</Td>
                  {canManage && (
                    <Td>
                      <div className="flex justify-end">
                        <Button
                          variant="danger-ghost"
                          size="sm"
                          onClick={() => setRemoving(member)}
                          aria-label={`Remove ${member.displayName}`}
                        >
                          Remove
                        </Button>
                      </div>
                    </Td>
                  )}
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.displayName ?? ''}?`}
        confirmLabel="Remove member"
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onCancel={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing.id, {
            onSuccess: () => {
              toast({ title: `${removing.displayName} was removed` });
              setRemoving(null);
            },
          });
        }}
      >
        {removing?.id === currentMemberId ? (
          <>You are removing yourself: you lose access to this organization at once. </>
        ) : null}
        Their entries, settings, team places and API tokens in this organization are deleted. This cannot be
        undone; you can invite <strong className="font-semibold">{removing?.email}</strong> again later,
        starting from scratch.
      </ConfirmDialog>
    </Card>
  );
}
