import { CreateApiTokenBodySchema, type CreatedApiToken } from '@tiltmeter/shared/tokens';
import { Button } from '../../../components/ui/button.tsx';
import { Field, Input } from '../../../components/ui/field.tsx';
import { FormError } from '../../../components/ui/form-error.tsx';
import { PlusIcon } from '../../../components/ui/icons.tsx';
import { useForm } from '../../../lib/form.ts';
import { useCreateToken } from '../api/create-token.ts';

export function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedApiToken) => void }) {
  const create = useCreateToken();
  const form = useForm({
    initialValues: { name: '' },
    schema: CreateApiTokenBodySchema,
    onSubmit: async (body, { reset }) => {
      const created = await create.mutateAsync(body);
      reset();
      onCreated(created);
    },
  });

  return (
    <form {...form.formProps} aria-label="Create a token" className="space-y-4">
      <div className="flex flex-wrap items-start gap-3">
        <Field
          label="Token name"
          description="What will use it, so you recognise it later: “Calendar sync script”, “CI export”."
          error={form.errors.name}
          className="min-w-0 flex-1 basis-64"
        >
          <Input autoComplete="off" placeholder="Calendar sync script" {...form.register('name')} />
        </Field>
        <Button type="submit" loading={form.submitting} className="sm:mt-[3.25rem]">
          <PlusIcon />
          Create token
        </Button>
      </div>
      <FormError error={form.submitError} />
    </form>
  );
}
