import { createLazyRoute, Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ForgotPasswordForm } from '../../features/auth/components/forgot-password-form.tsx';
import { AuthLayout, textLinkClassName } from '../layout/auth-layout.tsx';

export const Route = createLazyRoute('/forgot-password')({ component: ForgotPasswordPage });

function ForgotPasswordPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (sentTo) confirmation.current?.focus();
  }, [sentTo]);

  return (
    <AuthLayout
      title="Reset your password"
      description="Enter the email you sign in with. We will send you a link to choose a new password."
      footer={
        <Link to="/sign-in" className={textLinkClassName}>
          Back to sign in
        </Link>
      }
    >
      {sentTo ? (
        <div ref={confirmation} tabIndex={-1} className="space-y-5 focus:outline-none">
          <Alert tone="success" title="Check your email">
            If an account exists for <strong className="font-semibold">{sentTo}</strong>, a link to reset its
            password is on its way. The link works once and expires in an hour.
          </Alert>
          <p className="text-[13px] leading-5 text-slate-600">
            Nothing after a few minutes? Check your spam folder, or ask whoever runs your Tiltmeter: on a
            server without email set up, the link is written to the server log.
          </p>
          <Button variant="secondary" onClick={() => setSentTo(null)}>
            Use another email
          </Button>
        </div>
      ) : (
        <ForgotPasswordForm onRequested={setSentTo} />
      )}
    </AuthLayout>
  );
}
