import { type MemberSettings, UpdateMySettingsBodySchema } from '@tiltmeter/shared/accounts';
import { useMemo, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Combobox } from '../../../components/ui/combobox.tsx';
import { Field, Input } from '../../../components/ui/field.tsx';
import { FormError } from '../../../components/ui/form-error.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useForm } from '../../../lib/form.ts';
import { useUpdateMySettings } from '../api/update-my-settings.ts';
import { timeZoneOptions } from '../utils/time-zones.ts';
import { EmailListInput } from './email-list-input.tsx';

export interface ProfileDetailsCardProps {
  settings: MemberSettings;
  /** The account's own name: what others see when no display name is set. */
  accountName: string;
  email: string;
}

/** Display name, time zone and the addresses that are "me" in imported calendars. */
export function ProfileDetailsCard({ settings, accountName, email }: ProfileDetailsCardProps) {
  const update = useUpdateMySettings();
  const { toast } = useToast();
  const [emailDraftError, setEmailDraftError] = useState<string | undefined>();
  const initial = {
    displayName: settings.displayName ?? '',
    timeZone: settings.timeZone,
    calendarEmails: settings.calendarEmails,
  };
  const form = useForm({
    initialValues: initial,
    schema: UpdateMySettingsBodySchema,
    toInput: (values) => ({
      displayName: values.displayName.trim() ? values.displayName : null,
      timeZone: values.timeZone,
      calendarEmails: values.calendarEmails,
    }),
    onSubmit: async (body) => {
      await update.mutateAsync(body);
      toast({ title: 'Profile saved' });
    },
  });
  const zones = useMemo(() => timeZoneOptions(settings.timeZone), [settings.timeZone]);
  const dirty =
    form.values.displayName !== initial.displayName ||
    form.values.timeZone !== initial.timeZone ||
    form.values.calendarEmails.join() !== initial.calendarEmails.join();
  const timeZoneChanged = form.values.timeZone !== settings.timeZone;
  const emailError =
    emailDraftError ?? Object.entries(form.errors).find(([key]) => key.startsWith('calendarEmails'))?.[1];

  return (
    <Card
      title="Profile"
      description="How you appear in this organization, and the clock your weeks are measured by."
      footer={
        <Button type="submit" form="profile-details" loading={form.submitting} disabled={!dirty}>
          Save profile
        </Button>
      }
    >
      <form id="profile-details" {...form.formProps} aria-label="Profile" className="space-y-6">
        <div className="grid gap-6 sm:grid-cols-2">
          <Field
            label="Display name"
            optional
            description={`Replaces “${accountName}” in this organization.`}
            error={form.errors.displayName}
          >
            <Input placeholder={accountName} {...form.register('displayName')} />
          </Field>
          <Field label="Email" description="You sign in with it; it cannot change here.">
            <Input value={email} readOnly />
          </Field>
        </div>
        <Field
          label="Time zone"
          description={
            timeZoneChanged
              ? 'Changing it re-cuts your days and weeks at your new midnight; your history is recomputed in the background.'
              : 'Your days and weeks start at midnight here, and your working hours are read in it.'
          }
          error={form.errors.timeZone}
        >
          <Combobox
            options={zones}
            value={form.values.timeZone}
            onChange={(zone) => form.setValue('timeZone', zone)}
            placeholder="Search time zones, e.g. Berlin"
            emptyText="No time zone matches"
            className="sm:max-w-md"
          />
        </Field>
        <Field
          label="Calendar email addresses"
          optional
          description="Addresses that are you in imported calendars (a personal address, an old alias), so your RSVPs and organizer status are read right."
          error={emailError}
        >
          <EmailListInput
            value={form.values.calendarEmails}
            onChange={(list) => form.setValue('calendarEmails', list)}
            onInvalid={setEmailDraftError}
          />
        </Field>
        <FormError error={form.submitError} />
      </form>
    </Card>
  );
}
