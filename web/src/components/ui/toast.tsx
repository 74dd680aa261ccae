import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { cn } from '../../lib/cn.ts';
import { AlertIcon, CheckCircleIcon, CloseIcon, InfoIcon } from './icons.tsx';

export type ToastTone = 'success' | 'error' | 'info';

export interface ToastOptions {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** Milliseconds before it hides by itself; errors stay until closed. Default 5000. */
  duration?: number;
}

interface ToastItem extends Required<Pick<ToastOptions, 'title' | 'tone'>> {
  id: number;
  description: string | undefined;
  duration: number | null;
}

interface ToastApi {
  toast: (options: ToastOptions) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

/**
 * Short confirmations after an action ("Invitation sent"). `useToast().toast({ title })` anywhere
 * under `ToastProvider`. Two live regions sit in the page from the start (screen readers only
 * announce changes to regions they already know): a polite one for success and info, an assertive
 * one for errors. They carry `aria-live` without a role, so they never count as a page's `status`
 * or `alert`. A toast pauses while hovered or focused.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setItems((current) => current.filter((t) => t.id !== id)), []);

  const toast = useCallback((options: ToastOptions) => {
    const tone = options.tone ?? 'success';
    const item: ToastItem = {
      id: nextId.current++,
      title: options.title,
      description: options.description,
      tone,
      duration: options.duration ?? (tone === 'error' ? null : 5000),
    };
    // At most three at once: the oldest make room.
    setItems((current) => [...current.slice(-2), item]);
  }, []);

  const api = useMemo(() => ({ toast }), [toast]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2">
        <div aria-live="polite" className="flex flex-col gap-2">
          {items
            .filter((item) => item.tone !== 'error')
            .map((item) => (
              <Toast key={item.id} item={item} onDismiss={dismiss} />
            ))}
        </div>
        <div aria-live="assertive" className="flex flex-col gap-2">
          {items
            .filter((item) => item.tone === 'error')
            .map((item) => (
              <Toast key={item.id} item={item} onDismiss={dismiss} />
            ))}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

const TONE_ICON = {
  success: <CheckCircleIcon className="size-5 text-ok" />,
  error: <AlertIcon className="size-5 text-critical" />,
  info: <InfoIcon className="size-5 text-accent-600" />,
} as const;

function Toast({ item, onDismiss }: { item: ToastItem; onDismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);

  useEffect(() => {
    if (item.duration === null || paused) return;
    const timer = setTimeout(() => onDismiss(item.id), item.duration);
    return () => clearTimeout(timer);
  }, [item.duration, item.id, onDismiss, paused]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hovering or focusing only pauses the timer
    <div
      className={cn(
        'pointer-events-auto flex items-start gap-3 rounded-xl bg-white p-4 shadow-lg ring-1 ring-slate-900/10 motion-safe:animate-[toast-in_180ms_ease-out]',
      )}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <span className="mt-px shrink-0">{TONE_ICON[item.tone]}</span>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-semibold text-slate-900">{item.title}</p>
        {item.description && <p className="mt-0.5 text-sm leading-5 text-slate-600">{item.description}</p>}
      </div>
      <button
        type="button"
        onClick={() => onDismiss(item.id)}
        aria-label="Dismiss notification"
        className="-m-1 shrink-0 rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
      >
        <CloseIcon className="size-4" />
      </button>
    </div>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast() needs a <ToastProvider> above it');
  return api;
}
