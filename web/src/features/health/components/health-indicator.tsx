import { cn } from '../../../lib/cn.ts';
import { useHealth } from '../api/get-health.ts';

type Tone = 'pending' | 'ok' | 'down';

const DOT: Record<Tone, string> = {
  pending: 'bg-slate-400 motion-safe:animate-pulse',
  ok: 'bg-ok',
  down: 'bg-critical',
};

/**
 * The system's health as a live region: screen readers hear a change (normal -> unreachable) once,
 * and the 30-second poll does not repeat it while the text stays the same.
 */
export function HealthIndicator({ className }: { className?: string }) {
  const health = useHealth();

  let tone: Tone;
  let label: string;
  if (health.isPending) {
    tone = 'pending';
    label = 'Checking system status…';
  } else if (health.isError) {
    tone = 'down';
    label = 'Server unreachable — retrying';
  } else if (health.data.status === 'ok') {
    tone = 'ok';
    label = 'All systems normal';
  } else {
    tone = 'down';
    label =
      health.data.database === 'down' ? 'Database unreachable — retrying' : 'Service degraded — retrying';
  }

  return (
    <p
      role="status"
      data-state={tone}
      className={cn('flex items-center gap-2 text-xs font-medium text-slate-600', className)}
    >
      <span className="relative flex size-2 shrink-0" aria-hidden="true">
        {tone === 'down' && (
          <span className="absolute inset-0 motion-safe:animate-ping rounded-full bg-critical/60" />
        )}
        <span className={cn('relative size-2 rounded-full', DOT[tone])} />
      </span>
      <span>{label}</span>
    </p>
  );
}
