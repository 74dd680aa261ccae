import { type MemberSettings, UpdateMySettingsBodySchema } from '@tiltmeter/shared/accounts';
import type { WorkingHours } from '@tiltmeter/shared/metrics';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { FormError } from '../../../components/ui/form-error.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { type FieldErrors, useForm } from '../../../lib/form.ts';
import { useUpdateMySettings } from '../api/update-my-settings.ts';
import { formatHours, weeklyMinutes } from '../utils/working-hours.ts';
import { WorkingHoursEditor } from './working-hours-editor.tsx';

function relativeTo(prefix: string, errors: FieldErrors): FieldErrors {
  const result: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    if (key.startsWith(`${prefix}.`)) result[key.slice(prefix.length + 1)] = message;
  }
  return result;
}

/** The hours that count as working time: after-hours and weekend signals, and maker capacity. */
export function WorkingHoursCard({ settings }: { settings: MemberSettings }) {
  const update = useUpdateMySettings();
  const { toast } = useToast();
  const form = useForm({
    initialValues: { workingHours: settings.workingHours as WorkingHours },
    schema: UpdateMySettingsBodySchema,
    onSubmit: async (body) => {
      await update.mutateAsync(body);
      toast({ title: 'Working hours saved', description: 'Your weeks are being recomputed with them.' });
    },
  });
  const dirty = JSON.stringify(form.values.workingHours) !== JSON.stringify(settings.workingHours);
  const total = weeklyMinutes(form.values.workingHours);

  return (
    <Card
      title="Working hours"
      description={
        <>
          In your time zone. Time outside them counts as after-hours, days without hours count as weekend, and
          free gaps inside them show your maker capacity.
        </>
      }
      action={
        <span className="rounded-md bg-slate-100 px-2 py-1 text-xs font-medium text-slate-700 tabular-nums">
          {formatHours(total)} a week
        </span>
      }
      footer={
        <Button type="submit" form="working-hours" loading={form.submitting} disabled={!dirty}>
          Save working hours
        </Button>
      }
    >
      <form id="working-hours" {...form.formProps} aria-label="Working hours" className="space-y-4">
        <WorkingHoursEditor
          value={form.values.workingHours}
          onChange={(workingHours) => form.setValue('workingHours', workingHours)}
          errors={relativeTo('workingHours', form.errors)}
        />
        <FormError error={form.submitError} />
      </form>
    </Card>
  );
}
