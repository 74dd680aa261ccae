import { createLazyRoute, Link } from '@tanstack/react-router';
import { SignInForm } from '../../features/auth/components/sign-in-form.tsx';
import { AuthLayout, textLinkClassName } from '../layout/auth-layout.tsx';
import { useEnterApp } from '../layout/session.tsx';

export const Route = createLazyRoute('/sign-in')({ component: SignInPage });

function SignInPage() {
  const { redirect } = Route.useSearch();
  const enterApp = useEnterApp();
  return (
    <AuthLayout
      title="Sign in to Tiltmeter"
      description="Welcome back. See how your week is tilting."
      footer={
        <>
          New to Tiltmeter?{' '}
          <Link to="/sign-up" search={redirect ? { redirect } : {}} className={textLinkClassName}>
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm onSignedIn={() => enterApp(redirect)} />
    </AuthLayout>
  );
}
