import { useRouter } from '@tanstack/react-router';
import { SelectorIcon } from '../../components/ui/icons.tsx';
import { Menu, type MenuEntry } from '../../components/ui/menu.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import { useOrganizations } from '../../features/accounts/api/get-organizations.ts';
import { useSwitchOrganization } from '../../features/accounts/api/switch-organization.ts';
import { ROLE_LABELS } from '../../features/accounts/roles.ts';
import { errorMessage } from '../../lib/form.ts';
import type { Session } from './session.tsx';

/**
 * The current organization, and a menu of the others I belong to (a menu button: Enter, Space or the
 * arrow keys open it). Switching re-runs the route guards and refetches every shown query.
 */
export function OrganizationSwitcher({ session }: { session: Session }) {
  const organizations = useOrganizations();
  const switchOrganization = useSwitchOrganization();
  const router = useRouter();
  const { toast } = useToast();
  const { organization, role } = session;

  const others = organizations.data?.items ?? [];
  const items: MenuEntry[] = [{ kind: 'heading', label: 'Your organizations' }];
  if (others.length === 0) {
    items.push({
      label: organization.name,
      description: ROLE_LABELS[role],
      checked: true,
      onSelect: () => {},
    });
  } else {
    for (const item of others) {
      items.push({
        label: item.name,
        description: ROLE_LABELS[item.role],
        checked: item.current,
        onSelect: () => {
          if (item.current) return;
          switchOrganization.mutate(item.id, {
            onSuccess: async (me) => {
              await router.invalidate();
              toast({ title: `Switched to ${me.organization?.name ?? item.name}` });
            },
            onError: (error) =>
              toast({
                tone: 'error',
                title: 'Could not switch organization',
                description: errorMessage(error),
              }),
          });
        },
      });
    }
  }

  return (
    <Menu
      className="w-full max-w-64 lg:max-w-none"
      triggerLabel={`Organization: ${organization.name}. Switch organization`}
      triggerClassName="flex w-full items-center gap-2.5 rounded-lg px-2 py-1.5 text-left transition-colors hover:bg-slate-100 aria-expanded:bg-slate-100 lg:ring-1 lg:ring-slate-200 lg:ring-inset"
      menuClassName="w-72 max-w-[calc(100vw-2rem)]"
      trigger={
        <>
          <span
            aria-hidden="true"
            className="flex size-8 shrink-0 items-center justify-center rounded-md bg-slate-900 text-sm font-semibold text-white"
          >
            {organization.name.trim()[0]?.toUpperCase() ?? '?'}
          </span>
          <span className="min-w-0 flex-1">
            <span className="block truncate text-sm font-semibold text-slate-900">{organization.name}</span>
            <span className="block truncate text-xs text-slate-500">
              {switchOrganization.isPending ? 'Switching…' : ROLE_LABELS[role]}
            </span>
          </span>
          <SelectorIcon className="size-4 shrink-0 text-slate-500" />
        </>
      }
      items={items}
    />
  );
}
