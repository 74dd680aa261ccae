import { ApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/form.ts';
import { Alert } from './alert.tsx';

/**
 * The request's own error under a form, in the server's words. When the server named fields, their
 * messages are beside them and this says where to look.
 */
export function FormError({ error, className }: { error: unknown; className?: string }) {
  if (!error) return null;
  const hasFieldIssues = error instanceof ApiError && error.issues.length > 0;
  return (
    <Alert tone="error" className={className}>
      {hasFieldIssues ? 'Some fields need a change: see the messages beside them.' : errorMessage(error)}
    </Alert>
  );
}
