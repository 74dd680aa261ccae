import type { Team } from '@tiltmeter/shared/teams';
import { useState } from 'react';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { Select } from '../../../components/ui/field.tsx';
import { ArchiveIcon, CloseIcon, PencilIcon, PlusIcon, StarIcon } from '../../../components/ui/icons.tsx';
import { Switch } from '../../../components/ui/switch.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/form.ts';
import { formatDate } from '../../../lib/format-date.ts';
import { useArchiveTeam } from '../api/archive-team.ts';
import { usePutTeamMember, useRemoveTeamMember } from '../api/team-members.ts';
import { TeamFormDialog } from './team-form-dialog.tsx';
import { VISIBILITY_LABELS } from './visibility.tsx';

export interface TeamCardProps {
  team: Team;
  /** Everyone in the organization, to add to the team. */
  people: readonly { id: string; displayName: string }[];
  /** Admins and managers shape teams; everyone else reads. */
  canManage: boolean;
  minGroupSize: number;
}

export function TeamCard({ team, people, canManage, minGroupSize }: TeamCardProps) {
  const putMember = usePutTeamMember();
  const removeMember = useRemoveTeamMember();
  const archive = useArchiveTeam();
  const { toast } = useToast();
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [adding, setAdding] = useState('');
  const archived = team.archivedAt !== null;
  const editable = canManage && !archived;
  const inTeam = new Set(team.members.map((member) => member.memberId));
  const candidates = people.filter((person) => !inTeam.has(person.id));
  const leads = team.members.filter((member) => member.isLead).length;
  const fail = (title: string) => (error: unknown) =>
    toast({ tone: 'error', title, description: errorMessage(error) });

  return (
    <Card
      title={
        <span className="flex flex-wrap items-center gap-2">
          {team.name}
          <Badge tone={team.visibility === 'open' ? 'warning' : 'neutral'}>
            {VISIBILITY_LABELS[team.visibility]}
          </Badge>
          {archived && <Badge tone="neutral">Archived {formatDate(team.archivedAt as string)}</Badge>}
        </span>
      }
      description={`${team.members.length} ${team.members.length === 1 ? 'member' : 'members'} · ${leads} ${leads === 1 ? 'lead' : 'leads'} · ${team.sprintDays}-day sprints`}
      action={
        editable && (
          <>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => setEditing(true)}
              aria-label={`Edit ${team.name}`}
            >
              <PencilIcon />
              Edit
            </Button>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => setArchiving(true)}
              aria-label={`Archive ${team.name}`}
            >
              <ArchiveIcon />
              Archive
            </Button>
          </>
        )
      }
    >
      {team.members.length === 0 ? (
        <p className="text-sm text-slate-600">
          {editable ? 'No members yet: add the first one below.' : 'No members.'}
        </p>
      ) : (
        <ul aria-label={`Members of ${team.name}`} className="divide-y divide-slate-100">
          {team.members.map((member) => (
            <li key={member.memberId} className="flex flex-wrap items-center gap-3 py-2.5 first:pt-0">
              <Avatar name={member.displayName} size="sm" />
              <span className="min-w-0 flex-1 truncate text-sm font-medium text-slate-900">
                {member.displayName}
              </span>
              {editable ? (
                <>
                  <Switch
                    label="Lead"
                    aria-label={`${member.displayName} leads ${team.name}`}
                    className="[&_label]:text-[13px] [&_label]:font-normal [&_label]:text-slate-600"
                    checked={member.isLead}
                    disabled={putMember.isPending && putMember.variables?.memberId === member.memberId}
                    onChange={(isLead) =>
                      putMember.mutate(
                        { teamId: team.id, memberId: member.memberId, isLead },
                        { onError: fail(`Could not change ${member.displayName}'s lead status`) },
                      )
                    }
                    id={`lead-${team.id}-${member.memberId}`}
                  />
                  <button
                    type="button"
                    onClick={() =>
                      removeMember.mutate(
                        { teamId: team.id, memberId: member.memberId },
                        {
                          onSuccess: () => toast({ title: `${member.displayName} left ${team.name}` }),
                          onError: fail(`Could not remove ${member.displayName}`),
                        },
                      )
                    }
                    aria-label={`Remove ${member.displayName} from ${team.name}`}
                    className="rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
                  >
                    <CloseIcon className="size-4" />
                  </button>
                </>
              ) : (
                member.isLead && (
                  <Badge tone="accent">
                    <StarIcon />
                    Lead
                  </Badge>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form
          aria-label={`Add a member to ${team.name}`}
          className="mt-4 flex flex-wrap items-center gap-2 border-t border-slate-100 pt-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (!adding) return;
            const person = people.find((p) => p.id === adding);
            putMember.mutate(
              { teamId: team.id, memberId: adding, isLead: false },
              {
                onSuccess: () => {
                  setAdding('');
                  toast({ title: `${person?.displayName ?? 'Member'} joined ${team.name}` });
                },
                onError: fail('Could not add the member'),
              },
            );
          }}
        >
          <Select
            aria-label={`Member to add to ${team.name}`}
            className="min-w-0 flex-1 sm:max-w-xs"
            placeholder={candidates.length === 0 ? 'Everyone is in this team' : 'Choose a member…'}
            disabled={candidates.length === 0}
            options={candidates.map((person) => ({ value: person.id, label: person.displayName }))}
            value={adding}
            onChange={(event) => setAdding(event.target.value)}
          />
          <Button
            type="submit"
            variant="secondary"
            disabled={!adding}
            loading={putMember.isPending && putMember.variables?.memberId === adding}
          >
            <PlusIcon />
            Add to team
          </Button>
        </form>
      )}
      {editing && (
        <TeamFormDialog
          open={editing}
          onClose={() => setEditing(false)}
          team={team}
          minGroupSize={minGroupSize}
        />
      )}
      <ConfirmDialog
        open={archiving}
        title={`Archive ${team.name}?`}
        confirmLabel="Archive team"
        pending={archive.isPending}
        error={archive.isError ? errorMessage(archive.error) : null}
        onCancel={() => {
          setArchiving(false);
          archive.reset();
        }}
        onConfirm={() =>
          archive.mutate(team.id, {
            onSuccess: () => {
              setArchiving(false);
              toast({ title: `${team.name} archived` });
            },
          })
        }
      >
        The team keeps its history, but it can no longer change and no longer gives anyone visibility: its
        leads stop seeing members' shared numbers, and an open team stops being open. Archiving cannot be
        undone.
      </ConfirmDialog>
    </Card>
  );
}
