import { cn } from '../../lib/cn.ts';
import { formatShare } from '../../lib/format-metrics.ts';

export interface DistributionParts {
  maker: number;
  manager: number;
  neutral: number;
}

const PARTS = [
  { key: 'maker', label: 'Maker', className: 'bg-maker text-white' },
  { key: 'manager', label: 'Manager', className: 'bg-manager text-[#3b2200]' },
  { key: 'neutral', label: 'Neutral', className: 'bg-neutral-time/70 text-slate-900' },
] as const;

/**
 * Maker, manager and neutral time as one 100 % bar. Each part wide enough for it carries its
 * percentage as text, and the manager part has a hatch, so the split reads without colour.
 */
export function DistributionBar({
  parts,
  label,
  className,
  height = 'h-7',
}: {
  parts: DistributionParts;
  /** The accessible sentence, e.g. "This sprint: 45 % maker, 42 % manager, 13 % neutral". */
  label?: string;
  className?: string;
  height?: string;
}) {
  const total = parts.maker + parts.manager + parts.neutral;
  const text =
    label ??
    PARTS.map(
      (part) => `${formatShare(total ? parts[part.key] / total : null)} ${part.label.toLowerCase()}`,
    ).join(', ');
  return (
    <div
      role="img"
      aria-label={text}
      className={cn('flex w-full overflow-hidden rounded-md', height, className)}
    >
      {total === 0 ? (
        <div className="flex-1 bg-slate-100" />
      ) : (
        PARTS.map((part) => {
          const fraction = parts[part.key] / total;
          if (fraction <= 0) return null;
          return (
            <div
              key={part.key}
              className={cn(
                'flex min-w-0 items-center justify-center overflow-hidden text-[11px] font-semibold tabular-nums',
                part.className,
              )}
              style={{
                width: `${fraction * 100}%`,
                backgroundImage:
                  part.key === 'manager'
                    ? 'repeating-linear-gradient(135deg, transparent 0 6px, rgb(255 255 255 / 0.28) 6px 8px)'
                    : undefined,
              }}
            >
              {fraction >= 0.08 ? formatShare(fraction) : ''}
            </div>
          );
        })
      )}
    </div>
  );
}

/** The key of the distribution colours. */
export function DistributionLegend({ className }: { className?: string }) {
  return (
    <ul className={cn('flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600', className)}>
      {PARTS.map((part) => (
        <li key={part.key} className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className={cn('size-3 rounded-sm', part.className)}
            style={{
              backgroundImage:
                part.key === 'manager'
                  ? 'repeating-linear-gradient(135deg, transparent 0 3px, rgb(255 255 255 / 0.35) 3px 4.5px)'
                  : undefined,
            }}
          />
          {part.label}
        </li>
      ))}
    </ul>
  );
}
