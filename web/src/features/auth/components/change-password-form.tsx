import { ChangePasswordBodySchema, PASSWORD_MIN_LENGTH } from '@tiltmeter/shared/auth';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { FormError } from '../../../components/ui/form-error.tsx';
import { PasswordInput } from '../../../components/ui/password-input.tsx';
import { useForm } from '../../../lib/form.ts';
import { useChangePassword } from '../api/change-password.ts';

const EMPTY = { currentPassword: '', newPassword: '', revokeOtherSessions: true };

export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const change = useChangePassword();
  const form = useForm({
    initialValues: EMPTY,
    schema: ChangePasswordBodySchema,
    onSubmit: async (body, { reset }) => {
      await change.mutateAsync(body);
      reset();
      onChanged();
    },
  });

  return (
    <form {...form.formProps} aria-label="Change password" className="space-y-5">
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Current password" error={form.errors.currentPassword}>
          <PasswordInput autoComplete="current-password" {...form.register('currentPassword')} />
        </Field>
        <Field label="New password" error={form.errors.newPassword}>
          <PasswordInput autoComplete="new-password" {...form.register('newPassword')} />
        </Field>
      </div>
      <p className="-mt-2 text-[13px] text-slate-600">
        Use at least {PASSWORD_MIN_LENGTH} characters, and a password you do not use elsewhere.
      </p>
      <Checkbox
        label="Sign out my other sessions"
        description="Other browsers and devices signed in to this account will have to sign in again."
        checked={form.values.revokeOtherSessions}
        onChange={(event) => form.setValue('revokeOtherSessions', event.target.checked)}
      />
      <FormError error={form.submitError} />
      <div className="flex justify-end">
        <Button type="submit" loading={form.submitting}>
          Change password
        </Button>
      </div>
    </form>
  );
}
