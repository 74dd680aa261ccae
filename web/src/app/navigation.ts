import type { ComponentType, SVGProps } from 'react';
import { CalendarWeekIcon, OrgIcon, SettingsIcon, TeamIcon, TrendIcon } from '../components/ui/icons.tsx';

export interface NavItem {
  to: '/week' | '/trend' | '/team' | '/org' | '/settings';
  label: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
}

export interface NavGroup {
  /** Shown in the sidebar only: personal views are separate from the aggregated ones on purpose. */
  label: string;
  items: readonly NavItem[];
}

export const NAV_GROUPS: readonly NavGroup[] = [
  {
    label: 'Personal',
    items: [
      { to: '/week', label: 'My week', icon: CalendarWeekIcon },
      { to: '/trend', label: 'My trend', icon: TrendIcon },
    ],
  },
  {
    label: 'Team & org',
    items: [
      { to: '/team', label: 'Team', icon: TeamIcon },
      { to: '/org', label: 'Org', icon: OrgIcon },
    ],
  },
  {
    label: 'Workspace',
    items: [{ to: '/settings', label: 'Settings', icon: SettingsIcon }],
  },
];
