import { useQueryClient } from '@tanstack/react-query';
import { createLazyRoute, Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/ui/alert.tsx';
import { buttonClassName } from '../../components/ui/button.tsx';
import { ResetPasswordForm } from '../../features/auth/components/reset-password-form.tsx';
import { AuthLayout, textLinkClassName } from '../layout/auth-layout.tsx';

export const Route = createLazyRoute('/reset-password')({ component: ResetPasswordPage });

function ResetPasswordPage() {
  const { token, error } = Route.useSearch();
  const [done, setDone] = useState(false);
  const queryClient = useQueryClient();
  const confirmation = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (done) confirmation.current?.focus();
  }, [done]);

  const footer = (
    <Link to="/sign-in" className={textLinkClassName}>
      Back to sign in
    </Link>
  );

  if (!token || error) {
    return (
      <AuthLayout title="This link does not work" footer={footer}>
        <div className="space-y-5">
          <Alert tone="error">
            {error === 'INVALID_TOKEN'
              ? 'The reset link has expired or was already used.'
              : 'The reset link is incomplete: open it again from the email, or ask for a new one.'}
          </Alert>
          <Link to="/forgot-password" className={buttonClassName('primary', 'w-full')}>
            Send a new reset link
          </Link>
        </div>
      </AuthLayout>
    );
  }

  if (done) {
    return (
      <AuthLayout title="Password changed" footer={null}>
        <div ref={confirmation} tabIndex={-1} className="space-y-5 focus:outline-none">
          <Alert tone="success">
            Your new password is set. For your safety, every browser that was signed in to your account has
            been signed out.
          </Alert>
          <Link to="/sign-in" className={buttonClassName('primary', 'w-full')}>
            Sign in with the new password
          </Link>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Choose a new password"
      description="Pick a password you do not use anywhere else."
      footer={footer}
    >
      <ResetPasswordForm
        token={token}
        onReset={() => {
          // Every session of the account just ended, possibly this browser's own.
          queryClient.clear();
          setDone(true);
        }}
      />
    </AuthLayout>
  );
}
