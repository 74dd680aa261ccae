import { cn } from '../../lib/cn.ts';
import { formatShare } from '../../lib/format-metrics.ts';

/**
 * Maker share as a bar against the target: blue fills from the left, the target is a tick with its
 * value written beside it. The number itself is printed by whoever uses the meter; the meter is a
 * picture of it and is hidden from assistive tech.
 */
export function ShareMeter({
  share,
  target,
  className,
}: {
  share: number | null;
  target: number;
  className?: string;
}) {
  const value = share ?? 0;
  const below = share !== null && share < target;
  return (
    <div aria-hidden="true" className={cn('relative pt-4', className)}>
      <div className="relative h-2.5 overflow-hidden rounded-full bg-manager-soft ring-1 ring-manager/30 ring-inset">
        <div
          className={cn('h-full rounded-full', below ? 'bg-maker/80' : 'bg-maker')}
          style={{ width: `${Math.min(100, Math.max(0, value * 100))}%` }}
        />
      </div>
      <div className="absolute top-0 bottom-[-3px] w-px bg-slate-700" style={{ left: `${target * 100}%` }}>
        <span
          className={cn(
            'absolute -top-0.5 text-[10px] leading-none font-medium whitespace-nowrap text-slate-600',
            target > 0.75 ? 'right-1' : 'left-1',
          )}
        >
          target {formatShare(target)}
        </span>
      </div>
    </div>
  );
}
