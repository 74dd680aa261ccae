import { createLazyRoute, Link } from '@tanstack/react-router';
import { SignUpForm } from '../../features/auth/components/sign-up-form.tsx';
import { AuthLayout, textLinkClassName } from '../layout/auth-layout.tsx';
import { useEnterApp } from '../layout/session.tsx';

export const Route = createLazyRoute('/sign-up')({ component: SignUpPage });

function SignUpPage() {
  const { redirect } = Route.useSearch();
  const enterApp = useEnterApp();
  return (
    <AuthLayout
      title="Create your organization"
      description="Start measuring maker and manager time for yourself, then invite your team. You will be its admin."
      footer={
        <>
          Already have an account?{' '}
          <Link to="/sign-in" search={redirect ? { redirect } : {}} className={textLinkClassName}>
            Sign in
          </Link>
          <p className="mt-3 text-[13px] leading-5 text-slate-500">
            Invited by a colleague? Open the link in your invitation email instead, to join their
            organization.
          </p>
        </>
      }
    >
      <SignUpForm onSignedUp={() => enterApp(redirect)} />
    </AuthLayout>
  );
}
