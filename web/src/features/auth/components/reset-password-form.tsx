import { PASSWORD_MIN_LENGTH, ResetPasswordBodySchema } from '@tiltmeter/shared/auth';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { FormError } from '../../../components/ui/form-error.tsx';
import { PasswordInput } from '../../../components/ui/password-input.tsx';
import { useForm } from '../../../lib/form.ts';
import { useResetPassword } from '../api/reset-password.ts';

export interface ResetPasswordFormProps {
  token: string;
  onReset: () => void;
}

export function ResetPasswordForm({ token, onReset }: ResetPasswordFormProps) {
  const reset = useResetPassword();
  const form = useForm({
    initialValues: { newPassword: '', confirmPassword: '' },
    schema: ResetPasswordBodySchema,
    toInput: (values) => ({ token, newPassword: values.newPassword }),
    check: (values) =>
      values.confirmPassword && values.confirmPassword !== values.newPassword
        ? { confirmPassword: 'The two passwords differ.' }
        : values.confirmPassword
          ? {}
          : { confirmPassword: 'Required.' },
    onSubmit: async (body) => {
      await reset.mutateAsync(body);
      onReset();
    },
  });

  return (
    <form {...form.formProps} className="space-y-5" aria-label="Choose a new password">
      <Field
        label="New password"
        description={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={form.errors.newPassword}
      >
        <PasswordInput autoComplete="new-password" {...form.register('newPassword')} />
      </Field>
      <Field label="Repeat the new password" error={form.errors.confirmPassword}>
        <PasswordInput autoComplete="new-password" {...form.register('confirmPassword')} />
      </Field>
      <FormError error={form.submitError} />
      <Button type="submit" className="w-full" loading={form.submitting}>
        Set new password
      </Button>
    </form>
  );
}
