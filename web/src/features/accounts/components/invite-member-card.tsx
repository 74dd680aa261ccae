import {
  CreateInvitationBodySchema,
  type Invitation,
  MEMBER_ROLES,
  type MemberRole,
} from '@tiltmeter/shared/accounts';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { Field, Input, Select } from '../../../components/ui/field.tsx';
import { FormError } from '../../../components/ui/form-error.tsx';
import { MailIcon } from '../../../components/ui/icons.tsx';
import { useForm } from '../../../lib/form.ts';
import { invitationLink, useCreateInvitation } from '../api/create-invitation.ts';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../roles.ts';

export interface InviteMemberCardProps {
  /** Active teams the invitee may join on accepting. */
  teams: readonly { id: string; name: string }[];
}

/**
 * Admins invite by email with a role (and optionally a team). The invitation is emailed; the link is
 * also shown here, because a server without email only logs it.
 */
export function InviteMemberCard({ teams }: InviteMemberCardProps) {
  const create = useCreateInvitation();
  const [sent, setSent] = useState<Invitation | null>(null);
  const form = useForm({
    initialValues: { email: '', role: 'member' as MemberRole, teamId: '' },
    schema: CreateInvitationBodySchema,
    toInput: (values) => ({
      email: values.email.trim(),
      role: values.role,
      ...(values.teamId ? { teamId: values.teamId } : {}),
    }),
    onSubmit: async (body, { reset }) => {
      const invitation = await create.mutateAsync(body);
      setSent(invitation);
      reset();
    },
  });

  return (
    <Card
      title="Invite someone"
      description="They get an email with a link to join. It works for 7 days; inviting the same address again replaces the old link."
    >
      <form {...form.formProps} aria-label="Invite someone" className="space-y-5">
        <div className="grid gap-4 md:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)_minmax(0,1fr)]">
          <Field label="Email" error={form.errors.email}>
            <Input
              type="email"
              autoComplete="off"
              placeholder="colleague@company.com"
              {...form.register('email')}
            />
          </Field>
          <Field label="Role" error={form.errors.role}>
            <Select
              options={MEMBER_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
              {...form.register('role')}
            />
          </Field>
          <Field label="Team" optional error={form.errors.teamId}>
            <Select
              placeholder="No team"
              options={teams.map((team) => ({ value: team.id, label: team.name }))}
              {...form.register('teamId')}
            />
          </Field>
        </div>
        <p className="text-[13px] leading-5 text-slate-600">
          <span className="font-medium text-slate-800">{ROLE_LABELS[form.values.role]}:</span>{' '}
          {ROLE_DESCRIPTIONS[form.values.role]}
        </p>
        <FormError error={form.submitError} />
        {sent && (
          <Alert
            tone="success"
            title={`Invitation sent to ${sent.email}`}
            action={
              <CopyButton
                size="sm"
                value={invitationLink(sent.id)}
                label="Copy link"
                aria-label={`Copy the invitation link for ${sent.email}`}
              />
            }
          >
            <p>Check that it arrived, or send them this link yourself:</p>
            <p className="mt-1 font-mono text-[13px] break-all text-green-950" data-testid="invitation-link">
              {invitationLink(sent.id)}
            </p>
          </Alert>
        )}
        <div className="flex justify-end">
          <Button type="submit" loading={form.submitting}>
            <MailIcon />
            Send invitation
          </Button>
        </div>
      </form>
    </Card>
  );
}
