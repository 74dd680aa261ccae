import { PASSWORD_MIN_LENGTH, SignUpBodySchema } from '@tiltmeter/shared/auth';
import { TimeZoneSchema } from '@tiltmeter/shared/entries';
import { Button } from '../../../components/ui/button.tsx';
import { Field, Input } from '../../../components/ui/field.tsx';
import { FormError } from '../../../components/ui/form-error.tsx';
import { PasswordInput } from '../../../components/ui/password-input.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useForm } from '../../../lib/form.ts';
import { useSignUp } from '../api/sign-up.ts';

/** The browser's IANA zone, if the server will take it (it is the member's zone in the new organization). */
export function browserTimeZone(): string | undefined {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return TimeZoneSchema.safeParse(zone).success ? zone : undefined;
  } catch {
    return undefined;
  }
}

export interface SignUpFormProps {
  /** Signing up to accept this invitation: no organization of one's own, so no organization name. */
  invitationId?: string;
  onSignedUp: () => Promise<unknown> | unknown;
  submitLabel?: string;
}

export function SignUpForm({ invitationId, onSignedUp, submitLabel = 'Create account' }: SignUpFormProps) {
  const signUp = useSignUp();
  const forInvitation = Boolean(invitationId);
  const form = useForm({
    initialValues: { name: '', email: '', password: '', organizationName: '' },
    schema: SignUpBodySchema,
    toInput: (values) => ({
      name: values.name,
      email: values.email.trim(),
      password: values.password,
      timeZone: browserTimeZone(),
      // The schema checks it when present: an empty name is "Required", as on the form.
      ...(forInvitation ? { invitationId } : { organizationName: values.organizationName }),
    }),
    onSubmit: async (body) => {
      try {
        await signUp.mutateAsync(body);
      } catch (error) {
        // "User already exists": the answer is about the email field.
        if (error instanceof ApiError && error.status === 409) {
          throw new ApiError(409, error.code, error.message, [
            { path: ['email'], message: 'An account with this email already exists: sign in instead' },
          ]);
        }
        throw error;
      }
      await onSignedUp();
    },
  });

  return (
    <form {...form.formProps} className="space-y-5" aria-label="Create account">
      <Field label="Your name" error={form.errors.name}>
        <Input autoComplete="name" {...form.register('name')} />
      </Field>
      <Field
        label="Work email"
        error={form.errors.email}
        description={forInvitation ? 'The address the invitation was sent to.' : undefined}
      >
        <Input type="email" autoComplete="email" {...form.register('email')} />
      </Field>
      <Field
        label="Password"
        description={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={form.errors.password}
      >
        <PasswordInput autoComplete="new-password" {...form.register('password')} />
      </Field>
      {!forInvitation && (
        <Field
          label="Organization name"
          description="Your company or team. You can rename it later and invite your colleagues."
          error={form.errors.organizationName}
        >
          <Input autoComplete="organization" {...form.register('organizationName')} />
        </Field>
      )}
      <FormError error={form.submitError} />
      <Button type="submit" className="w-full" loading={form.submitting}>
        {submitLabel}
      </Button>
    </form>
  );
}
