import { Link } from '@tanstack/react-router';
import { SignInBodySchema } from '@tiltmeter/shared/auth';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { Field, Input } from '../../../components/ui/field.tsx';
import { FormError } from '../../../components/ui/form-error.tsx';
import { PasswordInput } from '../../../components/ui/password-input.tsx';
import { useForm } from '../../../lib/form.ts';
import { useSignIn } from '../api/sign-in.ts';

export interface SignInFormProps {
  /** Runs once the session cookie is set (refresh the session, go on). */
  onSignedIn: () => Promise<unknown> | unknown;
  submitLabel?: string;
}

export function SignInForm({ onSignedIn, submitLabel = 'Sign in' }: SignInFormProps) {
  const signIn = useSignIn();
  const form = useForm({
    initialValues: { email: '', password: '', rememberMe: true },
    schema: SignInBodySchema,
    onSubmit: async (body) => {
      await signIn.mutateAsync(body);
      await onSignedIn();
    },
  });

  return (
    <form {...form.formProps} className="space-y-5" aria-label="Sign in">
      <Field label="Email" error={form.errors.email}>
        <Input type="email" autoComplete="email" {...form.register('email')} />
      </Field>
      <div className="relative">
        <Field label="Password" error={form.errors.password}>
          <PasswordInput autoComplete="current-password" {...form.register('password')} />
        </Field>
        {/* After the input in the tab order, drawn beside the label. */}
        <Link
          to="/forgot-password"
          className="absolute top-0 right-0 text-[13px] leading-5 font-medium text-accent-700 hover:text-accent-600 hover:underline"
        >
          Forgot password?
        </Link>
      </div>
      <Checkbox
        label="Keep me signed in for a week"
        checked={form.values.rememberMe}
        onChange={(event) => form.setValue('rememberMe', event.target.checked)}
      />
      <FormError error={form.submitError} />
      <Button type="submit" className="w-full" loading={form.submitting}>
        {submitLabel}
      </Button>
    </form>
  );
}
