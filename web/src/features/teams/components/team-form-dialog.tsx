import { CreateTeamBodySchema, type Team, type TeamVisibility } from '@tiltmeter/shared/teams';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field, Input } from '../../../components/ui/field.tsx';
import { FormError } from '../../../components/ui/form-error.tsx';
import { RadioCards } from '../../../components/ui/radio-cards.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useForm } from '../../../lib/form.ts';
import { useCreateTeam } from '../api/create-team.ts';
import { useUpdateTeam } from '../api/update-team.ts';
import { visibilityOptions } from './visibility.tsx';

export interface TeamFormDialogProps {
  open: boolean;
  onClose: () => void;
  /** Editing this team; creating a new one when absent. */
  team?: Team;
  minGroupSize: number;
  onSaved?: (team: Team) => void;
}

/** Create a team, or rename one and change its visibility and sprint length. */
export function TeamFormDialog({ open, onClose, team, minGroupSize, onSaved }: TeamFormDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      title={team ? `Edit ${team.name}` : 'New team'}
      description={
        team
          ? 'Changes apply at once and are recorded in the audit log.'
          : 'A team has members and one or more leads. You can add members once it exists.'
      }
    >
      <TeamForm
        team={team}
        minGroupSize={minGroupSize}
        onCancel={onClose}
        onSaved={onSaved}
        onDone={onClose}
      />
    </Dialog>
  );
}

function TeamForm({
  team,
  minGroupSize,
  onCancel,
  onSaved,
  onDone,
}: {
  team?: Team | undefined;
  minGroupSize: number;
  onCancel: () => void;
  onSaved?: ((team: Team) => void) | undefined;
  onDone: () => void;
}) {
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const { toast } = useToast();
  const form = useForm({
    initialValues: {
      name: team?.name ?? '',
      visibility: (team?.visibility ?? 'private') as TeamVisibility,
      sprintDays: String(team?.sprintDays ?? 14),
    },
    schema: CreateTeamBodySchema,
    toInput: (values) => ({
      name: values.name,
      visibility: values.visibility,
      sprintDays: values.sprintDays.trim() === '' ? Number.NaN : Number(values.sprintDays),
    }),
    onSubmit: async (body) => {
      const saved = team
        ? await update.mutateAsync({ teamId: team.id, ...body })
        : await create.mutateAsync(body);
      toast({ title: team ? `${saved.name} saved` : `Team ${saved.name} created` });
      onSaved?.(saved);
      onDone();
    },
  });

  return (
    <form {...form.formProps} aria-label={team ? 'Edit team' : 'New team'} className="space-y-5">
      <div className="grid gap-5 sm:grid-cols-[minmax(0,1fr)_10rem]">
        <Field label="Team name" error={form.errors.name}>
          <Input autoComplete="off" placeholder="Platform" {...form.register('name')} />
        </Field>
        <Field label="Sprint length in days" error={form.errors.sprintDays}>
          <Input type="number" min={1} max={56} inputMode="numeric" {...form.register('sprintDays')} />
        </Field>
      </div>
      <RadioCards
        legend="Visibility"
        description="Who in the team sees whose numbers."
        name="team-visibility"
        columns={2}
        value={form.values.visibility}
        onChange={(visibility) => form.setValue('visibility', visibility)}
        options={visibilityOptions(minGroupSize)}
        error={form.errors.visibility}
      />
      <FormError error={form.submitError} />
      <div className="flex justify-end gap-3 pt-1">
        <Button variant="secondary" onClick={onCancel} disabled={form.submitting}>
          Cancel
        </Button>
        <Button type="submit" loading={form.submitting}>
          {team ? 'Save team' : 'Create team'}
        </Button>
      </div>
    </form>
  );
}
