import type { ReactNode } from 'react';
import { cn } from '../../lib/cn.ts';
import { AlertIcon, CheckCircleIcon, InfoIcon } from './icons.tsx';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

const TONES: Record<AlertTone, { box: string; icon: string; Icon: typeof InfoIcon }> = {
  info: { box: 'border-accent-100 bg-accent-50 text-slate-700', icon: 'text-accent-600', Icon: InfoIcon },
  success: { box: 'border-green-200 bg-ok-soft text-green-900', icon: 'text-ok', Icon: CheckCircleIcon },
  warning: { box: 'border-amber-200 bg-warning-soft text-amber-950', icon: 'text-warning', Icon: AlertIcon },
  error: { box: 'border-red-200 bg-critical-soft text-red-900', icon: 'text-critical', Icon: AlertIcon },
};

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** A button or link on the right (or below, on narrow screens): "Try again". */
  action?: ReactNode;
  className?: string;
}

/**
 * A message box. Errors are announced (`role="alert"`), other tones are not: they are read in place.
 */
export function Alert({ tone = 'info', title, children, action, className }: AlertProps) {
  const { box, icon, Icon } = TONES[tone];
  return (
    <div
      role={tone === 'error' ? 'alert' : undefined}
      className={cn(
        'flex flex-wrap items-start gap-3 rounded-xl border px-4 py-3 text-sm leading-6',
        box,
        className,
      )}
    >
      <Icon className={cn('mt-0.5 size-5 shrink-0', icon)} />
      <div className="min-w-0 flex-1">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div className={cn(title ? 'mt-0.5' : undefined)}>{children}</div>}
      </div>
      {action && <div className="ml-8 sm:ml-0">{action}</div>}
    </div>
  );
}
