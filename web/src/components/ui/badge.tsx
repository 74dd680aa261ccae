import type { ReactNode } from 'react';
import { cn } from '../../lib/cn.ts';

export type BadgeTone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'maker' | 'manager';

const TONES: Record<BadgeTone, string> = {
  neutral: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  accent: 'bg-accent-50 text-accent-700 ring-accent-600/20',
  success: 'bg-ok-soft text-green-800 ring-green-700/20',
  warning: 'bg-warning-soft text-amber-800 ring-amber-700/20',
  danger: 'bg-critical-soft text-red-800 ring-red-700/20',
  maker: 'bg-maker-soft text-maker-ink ring-maker/20',
  manager: 'bg-manager-soft text-manager-ink ring-manager/30',
};

/** A short status or category label. Colour is never the only signal: the text says it. */
export function Badge({
  tone = 'neutral',
  children,
  className,
}: {
  tone?: BadgeTone;
  children: ReactNode;
  className?: string;
}) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset [&>svg]:size-3',
        TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
