import type { ButtonHTMLAttributes } from 'react';
import { cn } from '../../lib/cn.ts';
import { SpinnerIcon } from './icons.tsx';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost' | 'danger-ghost';
export type ButtonSize = 'sm' | 'md';

const VARIANTS: Record<ButtonVariant, string> = {
  primary: 'bg-accent-600 text-white shadow-sm hover:bg-accent-700',
  secondary: 'bg-white text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50',
  danger: 'bg-critical text-white shadow-sm hover:bg-red-800',
  ghost: 'text-slate-700 hover:bg-slate-100 hover:text-slate-900',
  /** A destructive action in a row of a list ("Remove", "Revoke"): quiet until hovered. */
  'danger-ghost': 'text-critical hover:bg-critical-soft',
};

const SIZES: Record<ButtonSize, string> = {
  sm: 'gap-1.5 rounded-md px-2.5 py-1.5 text-[13px] [&>svg]:size-3.5',
  md: 'gap-2 rounded-lg px-3.5 py-2 text-sm [&>svg]:size-4',
};

/** The classes of a button, for elements that look like one but are links (router `Link`, `<a>`). */
export function buttonClassName(
  variant: ButtonVariant = 'primary',
  className?: string,
  size: ButtonSize = 'md',
): string {
  return cn(
    'inline-flex shrink-0 items-center justify-center font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-60',
    SIZES[size],
    VARIANTS[variant],
    className,
  );
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner, disables the button and marks it busy; the label stays so the width holds. */
  loading?: boolean;
}

export function Button({
  variant = 'primary',
  size = 'md',
  loading = false,
  className,
  type = 'button',
  disabled,
  children,
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClassName(variant, className, size)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...props}
    >
      {loading && <SpinnerIcon className="motion-safe:animate-spin" />}
      {children}
    </button>
  );
}
