import {
  MIN_GROUP_SIZE_FLOOR,
  type Organization,
  TITLE_POLICIES,
  type TitlePolicy,
  UpdateOrganizationBodySchema,
} from '@tiltmeter/shared/accounts';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field, Input } from '../../../components/ui/field.tsx';
import { FormError } from '../../../components/ui/form-error.tsx';
import { RadioCards } from '../../../components/ui/radio-cards.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useForm } from '../../../lib/form.ts';
import { useUpdateOrganization } from '../api/update-organization.ts';

const TITLE_POLICY_TEXT: Record<TitlePolicy, { label: string; description: string }> = {
  show: {
    label: 'Show titles',
    description:
      "Entry titles are kept and shown to their owner, in exports, and in the team retro's list of recurring meetings that cost the most focus.",
  },
  hide: {
    label: 'Hide titles',
    description:
      'Titles are kept, so classification rules can read them, but team views and exports leave them out.',
  },
  drop: {
    label: 'Do not store titles',
    description:
      'A title is read once, to classify the entry when it is imported, then thrown away. Rules added later cannot use titles of past entries.',
  },
};

/** Admins: the organization's name and its privacy settings. */
export function OrganizationForm({
  organization,
  canEdit,
}: {
  organization: Organization;
  canEdit: boolean;
}) {
  const update = useUpdateOrganization();
  const { toast } = useToast();
  const initial = {
    name: organization.name,
    minGroupSize: String(organization.minGroupSize),
    titlePolicy: organization.titlePolicy as TitlePolicy,
  };
  const form = useForm({
    initialValues: initial,
    schema: UpdateOrganizationBodySchema,
    toInput: (values) => ({
      name: values.name,
      minGroupSize: values.minGroupSize.trim() === '' ? Number.NaN : Number(values.minGroupSize),
      titlePolicy: values.titlePolicy,
    }),
    onSubmit: async (body) => {
      await update.mutateAsync(body);
      toast({ title: 'Organization saved' });
    },
  });
  const dirty =
    form.values.name !== initial.name ||
    form.values.minGroupSize !== initial.minGroupSize ||
    form.values.titlePolicy !== initial.titlePolicy;

  return (
    <form {...form.formProps} aria-label="Organization settings" className="space-y-6">
      <Card title="General">
        <Field label="Organization name" error={form.errors.name} className="sm:max-w-md">
          <Input autoComplete="organization" disabled={!canEdit} {...form.register('name')} />
        </Field>
      </Card>
      <Card
        title="Privacy"
        description="How much team and org views may reveal. These protect people from being singled out."
      >
        <div className="space-y-8">
          <Field
            label="Minimum group size"
            description={`Team and org views show totals only for groups of at least this many people, and hide smaller ones. Never below ${MIN_GROUP_SIZE_FLOOR}: with fewer, one person's week can be read from a total.`}
            error={form.errors.minGroupSize}
          >
            <Input
              type="number"
              inputMode="numeric"
              min={MIN_GROUP_SIZE_FLOOR}
              max={1000}
              disabled={!canEdit}
              className="w-28"
              {...form.register('minGroupSize')}
            />
          </Field>
          <RadioCards
            legend="Entry titles"
            description="Meeting titles can say a lot (“Performance review — Sam”). Choose how much of them Tiltmeter keeps."
            name="title-policy"
            columns={3}
            disabled={!canEdit}
            value={form.values.titlePolicy}
            onChange={(titlePolicy) => form.setValue('titlePolicy', titlePolicy)}
            options={TITLE_POLICIES.map((policy) => ({ value: policy, ...TITLE_POLICY_TEXT[policy] }))}
            error={form.errors.titlePolicy}
          />
        </div>
      </Card>
      <FormError error={form.submitError} />
      {canEdit && (
        <div className="flex justify-end">
          <Button type="submit" loading={form.submitting} disabled={!dirty}>
            Save changes
          </Button>
        </div>
      )}
    </form>
  );
}
