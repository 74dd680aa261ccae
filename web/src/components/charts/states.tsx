import type { ReactNode } from 'react';
import { ApiError } from '../../lib/api-client.ts';
import { cn } from '../../lib/cn.ts';
import { Button } from '../ui/button.tsx';

/** A grey placeholder with the shape of what is loading; screen readers hear one "Loading" instead. */
export function Skeleton({ className }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={cn('rounded-md bg-slate-200/70 motion-safe:animate-pulse', className)}
    />
  );
}

/** Wraps the skeletons of a region so assistive tech hears that it is loading. */
export function LoadingRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}

/** Words for a failed request, from the API's own error message where there is one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return 'The server cannot be reached. Check your connection and try again.';
    if (error.status === 401) return 'Your session has ended. Sign in again to see this page.';
    return error.message;
  }
  return error instanceof Error && error.message ? error.message : 'Something went wrong.';
}

/** The error state of a panel: what failed, in words, and a way to try again. */
export function QueryError({
  title = 'This could not be loaded',
  error,
  onRetry,
  className,
}: {
  title?: string;
  error: unknown;
  onRetry?: () => void;
  className?: string;
}) {
  return (
    <div
      role="alert"
      className={cn(
        'flex flex-wrap items-center justify-between gap-3 rounded-xl border border-red-200 bg-critical-soft px-4 py-3 text-sm',
        className,
      )}
    >
      <div className="min-w-0">
        <p className="font-semibold text-red-900">{title}</p>
        <p className="mt-0.5 text-red-900/90">{errorMessage(error)}</p>
      </div>
      {onRetry && (
        <Button variant="secondary" size="sm" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}

/** A keyboard key, as in a shortcut hint. */
export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="inline-flex min-w-5 items-center justify-center rounded border border-slate-300 bg-white px-1 font-sans text-[11px] font-medium text-slate-600 shadow-[0_1px_0_0_rgb(203_213_225)]">
      {children}
    </kbd>
  );
}
