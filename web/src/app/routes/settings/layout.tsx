import { createLazyRoute, Link, Outlet } from '@tanstack/react-router';
import { SectionProvider } from '../../../components/layouts/content-layout.tsx';
import { useSession } from '../../layout/session.tsx';
import { settingsNavFor } from '../../navigation.ts';

export const Route = createLazyRoute('/settings')({ component: SettingsLayout });

/**
 * Settings: a sub-navigation (a column beside the page from `md` up, a scrollable row above it on
 * narrower screens) and the section's page. Each page is a ContentLayout with its own h1.
 */
function SettingsLayout() {
  const { role } = useSession();
  const groups = settingsNavFor(role);
  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 md:grid md:grid-cols-[11.5rem_minmax(0,1fr)] md:gap-10 md:py-10 lg:px-10 xl:grid-cols-[13rem_minmax(0,1fr)] xl:gap-12">
      <nav
        aria-label="Settings"
        className="-mx-4 mb-6 border-b border-slate-200 px-4 pb-3 md:mx-0 md:mb-0 md:border-0 md:p-0"
      >
        <p className="mb-3 hidden text-xs font-semibold tracking-wider text-slate-500 uppercase md:block">
          Settings
        </p>
        <div className="flex gap-1 overflow-x-auto md:flex-col md:gap-5 md:overflow-visible">
          {groups.map((group) => {
            const labelId = `settings-nav-${group.label.toLowerCase()}`;
            return (
              <div key={group.label} className="flex md:block">
                <p
                  id={labelId}
                  className="sr-only md:not-sr-only md:mb-1 md:px-2.5 md:text-xs md:font-medium md:text-slate-500"
                >
                  {group.label}
                </p>
                <ul aria-labelledby={labelId} className="flex gap-1 md:flex-col md:gap-0.5">
                  {group.items.map((item) => (
                    <li key={item.to}>
                      <Link
                        to={item.to}
                        className="group flex items-center gap-2 rounded-lg px-2.5 py-1.5 text-sm font-medium whitespace-nowrap text-slate-600 transition-colors hover:bg-white hover:text-slate-900 aria-[current=page]:bg-white aria-[current=page]:text-accent-700 aria-[current=page]:shadow-xs aria-[current=page]:ring-1 aria-[current=page]:ring-slate-200"
                      >
                        <item.icon className="size-4 shrink-0 text-slate-500 group-aria-[current=page]:text-accent-600" />
                        {item.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      </nav>
      <SectionProvider name="Settings">
        <div className="min-w-0">
          <Outlet />
        </div>
      </SectionProvider>
    </div>
  );
}
