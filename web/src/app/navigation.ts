import type { MemberRole } from '@tiltmeter/shared/accounts';
import type { ComponentType, SVGProps } from 'react';
import {
  BuildingIcon,
  CalendarWeekIcon,
  GaugeIcon,
  HistoryIcon,
  KeyIcon,
  OrgIcon,
  RulesIcon,
  SettingsIcon,
  TeamIcon,
  TrendIcon,
  UploadIcon,
  UserIcon,
} from '../components/ui/icons.tsx';
import { InboxCountBadge } from '../features/inbox/components/inbox-count-badge.tsx';
import { InboxIcon } from '../features/inbox/components/inbox-icon.tsx';

type Icon = ComponentType<SVGProps<SVGSVGElement>>;

export interface NavItem {
  to: '/week' | '/trend' | '/inbox' | '/team' | '/org' | '/settings';
  label: string;
  icon: Icon;
  /** A count beside the label (the inbox's unclassified entries); renders nothing when there is none. */
  badge?: ComponentType;
  /** Roles that see the item; everyone when absent. The server enforces the same rule. */
  roles?: readonly MemberRole[];
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
      { to: '/inbox', label: 'Inbox', icon: InboxIcon, badge: InboxCountBadge },
    ],
  },
  {
    label: 'Team & org',
    items: [
      { to: '/team', label: 'Team', icon: TeamIcon },
      { to: '/org', label: 'Org', icon: OrgIcon, roles: ['manager', 'admin'] },
    ],
  },
  {
    label: 'Workspace',
    items: [{ to: '/settings', label: 'Settings', icon: SettingsIcon }],
  },
];

/** The groups and items a role sees; groups left empty disappear. */
export function navGroupsFor(role: MemberRole): NavGroup[] {
  return NAV_GROUPS.map((group) => ({
    ...group,
    items: group.items.filter((item) => !item.roles || item.roles.includes(role)),
  })).filter((group) => group.items.length > 0);
}

export type SettingsPath =
  | '/settings/profile'
  | '/settings/tokens'
  | '/settings/members'
  | '/settings/teams'
  | '/settings/organization'
  | '/settings/audit'
  | '/settings/imports'
  | '/settings/rules'
  | '/settings/thresholds';

export interface SettingsNavItem {
  to: SettingsPath;
  label: string;
  icon: Icon;
  roles?: readonly MemberRole[];
}

export interface SettingsNavGroup {
  label: string;
  items: readonly SettingsNavItem[];
}

/** The settings sub-navigation. Pages a role may not use are left out (and say so if opened directly). */
export const SETTINGS_NAV: readonly SettingsNavGroup[] = [
  {
    label: 'You',
    items: [
      { to: '/settings/profile', label: 'Profile', icon: UserIcon },
      { to: '/settings/tokens', label: 'API tokens', icon: KeyIcon },
    ],
  },
  {
    label: 'Organization',
    items: [
      { to: '/settings/members', label: 'Members', icon: UserIcon },
      { to: '/settings/teams', label: 'Teams', icon: TeamIcon },
      { to: '/settings/organization', label: 'Organization', icon: BuildingIcon, roles: ['admin'] },
      { to: '/settings/audit', label: 'Audit log', icon: HistoryIcon, roles: ['admin'] },
    ],
  },
  {
    label: 'Data',
    items: [
      { to: '/settings/imports', label: 'Imports', icon: UploadIcon },
      { to: '/settings/rules', label: 'Rules', icon: RulesIcon },
      { to: '/settings/thresholds', label: 'Thresholds', icon: GaugeIcon },
    ],
  },
];

export function settingsNavFor(role: MemberRole): SettingsNavGroup[] {
  return SETTINGS_NAV.map((group) => ({
    ...group,
    items: group.items.filter((item) => !item.roles || item.roles.includes(role)),
  })).filter((group) => group.items.length > 0);
}
