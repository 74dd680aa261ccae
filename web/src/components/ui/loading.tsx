import { cn } from '../../lib/cn.ts';
import { SpinnerIcon } from './icons.tsx';

/** A spinner with a text for screen readers (and for sighted users unless `hideLabel`). */
export function Spinner({
  label = 'Loading…',
  hideLabel = false,
  className,
}: {
  label?: string;
  hideLabel?: boolean;
  className?: string;
}) {
  return (
    <span role="status" className={cn('inline-flex items-center gap-2 text-sm text-slate-600', className)}>
      <SpinnerIcon className="size-4 text-accent-600 motion-safe:animate-spin" />
      <span className={hideLabel ? 'sr-only' : undefined}>{label}</span>
    </span>
  );
}

/** Placeholder rows while a list loads; announced once as "Loading <what>". */
export function SkeletonRows({ rows = 3, label = 'Loading…' }: { rows?: number; label?: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-3">
      {Array.from({ length: rows }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <div key={index} className="flex items-center gap-3" aria-hidden="true">
          <div className="size-8 shrink-0 rounded-full bg-slate-100 motion-safe:animate-pulse" />
          <div className="flex-1 space-y-2">
            <div className="h-3 w-1/3 rounded bg-slate-100 motion-safe:animate-pulse" />
            <div className="h-3 w-1/2 rounded bg-slate-100 motion-safe:animate-pulse" />
          </div>
        </div>
      ))}
    </div>
  );
}
