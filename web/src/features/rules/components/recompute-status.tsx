import type { RecomputeStatus } from '@tiltmeter/shared/rules';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';

/** The job works one member at a time, so its progress counts people. */
const people = (count: number) => `${count.toLocaleString()} ${count === 1 ? 'person' : 'people'}`;

/**
 * The reclassification that follows a save: entries of everyone in the organization are classified
 * again in the background, which takes a moment on a large history.
 */
export function RecomputeProgress({
  status,
  onDismiss,
}: {
  status: RecomputeStatus;
  onDismiss?: () => void;
}) {
  if (status.status === 'failed') {
    return (
      <Alert tone="error" title="Reclassifying entries failed">
        {status.error ?? 'The background job stopped.'} The rules are saved; saving again retries the
        reclassification.
      </Alert>
    );
  }
  if (status.status === 'succeeded') {
    return (
      <Alert
        tone="success"
        title="Saved, and every entry is classified with the new rules"
        action={
          onDismiss && (
            <Button variant="ghost" size="sm" onClick={onDismiss}>
              Dismiss
            </Button>
          )
        }
      >
        {status.total > 0
          ? `The entries of ${people(status.total)} were reclassified. Weeks, trends and the inbox show the result.`
          : 'Weeks, trends and the inbox show the result.'}
      </Alert>
    );
  }
  const percent = status.total > 0 ? Math.round((status.done / status.total) * 100) : 0;
  return (
    <div className="rounded-xl border border-accent-100 bg-accent-50 px-4 py-3">
      <div className="flex items-baseline justify-between gap-4 text-sm">
        <p className="font-medium text-slate-900">
          {status.status === 'queued'
            ? 'Saved. Reclassifying will start in a moment…'
            : 'Saved. Reclassifying entries…'}
        </p>
        <p className="text-slate-700 tabular-nums">
          {status.total > 0 ? `${status.done.toLocaleString()} of ${people(status.total)}` : ''}
        </p>
      </div>
      <div
        role="progressbar"
        aria-label="Reclassifying entries"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={status.total > 0 ? percent : undefined}
        className="mt-2 h-2 overflow-hidden rounded-full bg-white ring-1 ring-accent-100"
      >
        <div
          className={
            status.total > 0
              ? 'h-full rounded-full bg-accent-600 transition-[width] duration-300'
              : 'h-full w-full rounded-full bg-accent-500/60 motion-safe:animate-pulse'
          }
          style={status.total > 0 ? { width: `${percent}%` } : undefined}
        />
      </div>
    </div>
  );
}
