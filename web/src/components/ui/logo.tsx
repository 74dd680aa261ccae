/**
 * The mark: a beam on a fulcrum, maker (blue) on one side and manager (orange) on the other, tilted,
 * because the product measures which way a week tips. The favicon in index.html is the same drawing.
 */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" className="fill-slate-900" />
      <g transform="rotate(-14 16 15.5)">
        <path d="M7 11.5h9v4H7a2 2 0 0 1 0-4z" className="fill-maker-light" />
        <path d="M16 11.5h9a2 2 0 0 1 0 4h-9z" className="fill-manager" />
      </g>
      <path d="M16 15.5l4.5 7.5h-9z" className="fill-slate-200" />
    </svg>
  );
}

export function Logo() {
  return (
    <span className="flex items-center gap-2.5">
      <LogoMark className="size-8 shrink-0" />
      <span className="text-[15px] font-semibold tracking-tight text-slate-900">Tiltmeter</span>
    </span>
  );
}
