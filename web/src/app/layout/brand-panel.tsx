import { ShieldIcon } from '../../components/ui/icons.tsx';
import { cn } from '../../lib/cn.ts';

const WEEKS = [
  { label: 'W14', maker: 64 },
  { label: 'W15', maker: 58 },
  { label: 'W16', maker: 52 },
  { label: 'W17', maker: 41 },
  { label: 'W18', maker: 37 },
  { label: 'W19', maker: 55 },
] as const;

/**
 * The right half of the account pages: what the product does, drawn with its own colours. Purely
 * illustrative (hidden from assistive tech except the sentences).
 */
export function BrandPanel({ className }: { className?: string }) {
  return (
    <aside
      aria-label="About Tiltmeter"
      className={cn(
        'relative flex-col justify-between overflow-hidden bg-slate-900 px-12 py-12 text-white xl:px-16',
        className,
      )}
    >
      <div
        aria-hidden="true"
        className="pointer-events-none absolute -top-40 -right-40 size-[28rem] rounded-full bg-accent-600/25 blur-3xl"
      />
      <div
        aria-hidden="true"
        className="pointer-events-none absolute -bottom-48 -left-24 size-[26rem] rounded-full bg-maker/25 blur-3xl"
      />
      <div className="relative">
        <p className="text-sm font-semibold tracking-wide text-maker-light uppercase">Maker / manager time</p>
        <p className="mt-4 max-w-md text-3xl leading-tight font-semibold tracking-tight">
          See which way your week tilts — while it is happening.
        </p>
        <p className="mt-4 max-w-md text-[15px] leading-7 text-slate-300">
          Calendar entries become maker time and manager time, with the reason for each. Your share is
          measured against a target for your role, so a slow drift shows up in weeks, not years.
        </p>
      </div>

      <figure aria-hidden="true" className="relative my-10 rounded-2xl bg-white/5 p-6 ring-1 ring-white/10">
        <div className="flex items-baseline justify-between">
          <span className="text-sm font-medium text-slate-300">Maker share, last 6 weeks</span>
          <span className="text-xs text-slate-400">target 50 %</span>
        </div>
        <div className="relative mt-5 flex h-36 items-end gap-3">
          <div className="absolute inset-x-0 bottom-[50%] border-t border-dashed border-white/30" />
          {WEEKS.map((week) => (
            <div key={week.label} className="flex flex-1 flex-col items-center gap-2">
              <div className="flex h-32 w-full flex-col justify-end overflow-hidden rounded-md">
                <div className="bg-manager" style={{ height: `${100 - week.maker}%` }} />
                <div className="bg-maker" style={{ height: `${week.maker}%` }} />
              </div>
              <span className="text-[11px] text-slate-400">{week.label}</span>
            </div>
          ))}
        </div>
        <div className="mt-5 flex gap-5 text-xs text-slate-300">
          <span className="flex items-center gap-1.5">
            <span className="size-2.5 rounded-sm bg-maker" /> Maker
          </span>
          <span className="flex items-center gap-1.5">
            <span className="size-2.5 rounded-sm bg-manager" /> Manager
          </span>
        </div>
      </figure>

      <div className="relative flex gap-3 text-sm leading-6 text-slate-300">
        <ShieldIcon className="mt-0.5 size-5 shrink-0 text-maker-light" />
        <p>
          <span className="font-medium text-white">Private by design.</span> Nobody sees your entries. Team
          views are aggregates over five people or more; your own numbers reach a lead only if you opt in.
        </p>
      </div>
    </aside>
  );
}
