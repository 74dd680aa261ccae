import { Link } from '@tanstack/react-router';
import type { MemberRole } from '@tiltmeter/shared/accounts';
import { cn } from '../../lib/cn.ts';
import { navGroupsFor } from '../navigation.ts';

/** Sidebar on wide screens, one scrollable row under the top bar on narrow ones. Role-aware. */
export function AppNav({ role, className }: { role: MemberRole; className?: string }) {
  return (
    <nav aria-label="Main" className={cn('overflow-x-auto px-3 pt-1 pb-2.5 lg:overflow-visible', className)}>
      <div className="flex gap-1 lg:flex-col lg:gap-6">
        {navGroupsFor(role).map((group) => {
          const labelId = `nav-group-${group.label.toLowerCase().replace(/[^a-z]+/g, '-')}`;
          return (
            <div key={group.label} className="flex lg:block">
              <p
                id={labelId}
                className="sr-only lg:not-sr-only lg:mb-1.5 lg:block lg:px-3 lg:text-[11px] lg:font-semibold lg:tracking-wider lg:text-slate-500 lg:uppercase"
              >
                {group.label}
              </p>
              <ul aria-labelledby={labelId} className="flex gap-1 lg:flex-col lg:gap-0.5">
                {group.items.map((item) => (
                  <li key={item.to}>
                    <Link
                      to={item.to}
                      className="group flex items-center gap-2.5 rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap text-slate-600 transition-colors hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-accent-50 aria-[current=page]:text-accent-700"
                    >
                      <item.icon className="size-[18px] shrink-0 text-slate-500 transition-colors group-hover:text-slate-700 group-aria-[current=page]:text-accent-600" />
                      {item.label}
                      {item.badge && <item.badge />}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </nav>
  );
}
