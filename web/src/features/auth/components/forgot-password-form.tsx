import { RequestPasswordResetBodySchema } from '@tiltmeter/shared/auth';
import { Button } from '../../../components/ui/button.tsx';
import { Field, Input } from '../../../components/ui/field.tsx';
import { FormError } from '../../../components/ui/form-error.tsx';
import { useForm } from '../../../lib/form.ts';
import { useRequestPasswordReset } from '../api/request-password-reset.ts';

export interface ForgotPasswordFormProps {
  /** The request went out (the server says so whether or not the address has an account). */
  onRequested: (email: string) => void;
}

export function ForgotPasswordForm({ onRequested }: ForgotPasswordFormProps) {
  const request = useRequestPasswordReset();
  const form = useForm({
    initialValues: { email: '' },
    schema: RequestPasswordResetBodySchema,
    toInput: (values) => ({ email: values.email.trim() }),
    onSubmit: async (body) => {
      await request.mutateAsync(body);
      onRequested(body.email);
    },
  });

  return (
    <form {...form.formProps} className="space-y-5" aria-label="Reset password">
      <Field label="Email" error={form.errors.email}>
        <Input type="email" autoComplete="email" {...form.register('email')} />
      </Field>
      <FormError error={form.submitError} />
      <Button type="submit" className="w-full" loading={form.submitting}>
        Send reset link
      </Button>
    </form>
  );
}
