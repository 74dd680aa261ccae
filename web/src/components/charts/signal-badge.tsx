import { cn } from '../../lib/cn.ts';
import { type SignalLevelKey, signalLabel } from './signal-meta.ts';

/**
 * The mark of a signal level. Shape carries the level as well as colour: a critical signal is a
 * square, a warning a triangle, information a circle, so the marks read without colour.
 */
export function SignalGlyph({ level, className }: { level: SignalLevelKey | string; className?: string }) {
  // Decorative: the level is always said in words beside the mark (visible or for screen readers).
  const common = {
    className: cn('size-3 shrink-0', className),
    viewBox: '0 0 12 12',
    focusable: false,
  } as const;
  if (level === 'critical') {
    return (
      <svg {...common} aria-hidden="true">
        <rect x="1.5" y="1.5" width="9" height="9" rx="1.5" fill="var(--color-critical)" />
      </svg>
    );
  }
  if (level === 'warning') {
    return (
      <svg {...common} aria-hidden="true">
        <path d="M6 1.2 11 10.5H1z" fill="var(--color-warning)" strokeLinejoin="round" />
      </svg>
    );
  }
  return (
    <svg {...common} aria-hidden="true">
      <circle cx="6" cy="6" r="4.5" fill="var(--color-accent-600)" />
    </svg>
  );
}

const TONE: Record<string, string> = {
  critical: 'bg-critical-soft text-red-900 ring-red-200',
  warning: 'bg-warning-soft text-amber-950 ring-amber-200',
  info: 'bg-accent-50 text-accent-700 ring-accent-100',
};

/** A signal's short name with its level mark: "▲ Heavy meeting day". */
export function SignalBadge({ code, level, className }: { code: string; level: string; className?: string }) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset',
        TONE[level] ?? TONE.info,
        className,
      )}
    >
      <SignalGlyph level={level} className="size-2.5" />
      <span>
        <span className="sr-only">
          {level === 'critical' ? 'Critical: ' : level === 'warning' ? 'Warning: ' : ''}
        </span>
        {signalLabel(code)}
      </span>
    </span>
  );
}
