import type { MemberRole } from '@tiltmeter/shared/accounts';
import {
  DEFAULT_THRESHOLDS,
  ROLE_PROFILE_TARGETS,
  type RoleProfile,
  type ThresholdKey,
  type ThresholdOverrides,
} from '@tiltmeter/shared/metrics';
import type { ThresholdSettingsResponse } from '@tiltmeter/shared/thresholds-api';
import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { SkeletonRows } from '../../../components/ui/loading.tsx';
import { cn } from '../../../lib/cn.ts';
import { useTeams } from '../api/get-teams.ts';
import { useThresholds } from '../api/get-thresholds.ts';
import type { ThresholdScope } from '../api/put-thresholds.ts';
import { keyOfPath } from '../utils/fields.ts';
import { MyThresholdsTable } from './my-thresholds-table.tsx';
import { NoHealthyRatio } from './no-healthy-ratio.tsx';
import { OverridesForm } from './overrides-form.tsx';

export interface ThresholdsViewProps {
  role: MemberRole;
  memberId: string;
  /** Where the member changes their role profile (the profile settings), as a sentence with a link. */
  profileLink?: ReactNode;
}

interface ScopeTab {
  id: string;
  label: string;
  scope: ThresholdScope;
  overrides: ThresholdOverrides | null;
  description: string;
  saveLabel: string;
}

/** A value at `path` of one layer: a profile target or a flat value. */
function layerValue(overrides: ThresholdOverrides | null | undefined, path: string, profile?: RoleProfile) {
  if (!overrides) return undefined;
  const key = keyOfPath(path);
  const parts = path.split('.');
  const targetProfile = (parts[0] === 'profiles' ? parts[1] : profile) as RoleProfile | undefined;
  if (targetProfile && (key === 'targetMakerShare' || key === 'minDeepBlocksPerWeek')) {
    const fromProfile = overrides.profiles?.[targetProfile]?.[key];
    if (fromProfile !== undefined) return fromProfile;
  }
  return overrides[key];
}

function defaultValue(path: string, profile: RoleProfile): number {
  const key = keyOfPath(path) as ThresholdKey;
  const parts = path.split('.');
  const targetProfile = (parts[0] === 'profiles' ? parts[1] : profile) as RoleProfile;
  if (key === 'targetMakerShare' || key === 'minDeepBlocksPerWeek')
    return ROLE_PROFILE_TARGETS[targetProfile][key];
  return DEFAULT_THRESHOLDS[key];
}

/** Thresholds: what applies to me and why, then the overrides the caller may edit. */
export function ThresholdsView({ role, memberId, profileLink }: ThresholdsViewProps) {
  const settings = useThresholds();
  const teams = useTeams();

  if (settings.isPending) {
    return (
      <div className="rounded-xl border border-slate-200 bg-white p-5">
        <SkeletonRows rows={6} label="Loading thresholds" />
      </div>
    );
  }
  if (settings.isError) {
    return (
      <Alert
        tone="error"
        title="The thresholds could not be loaded"
        action={
          <Button variant="secondary" size="sm" onClick={() => settings.refetch()}>
            Try again
          </Button>
        }
      >
        {settings.error.message}
      </Alert>
    );
  }

  const data = settings.data;
  const led = new Set(
    (teams.data ?? [])
      .filter((team) => team.members.some((member) => member.memberId === memberId && member.isLead))
      .map((team) => team.id),
  );
  const tabs: ScopeTab[] = [
    {
      id: 'member',
      label: 'Yours',
      scope: { kind: 'member' },
      overrides: data.me.overrides,
      description:
        'Your personal target and any threshold you want to differ from your team’s and organization’s. Only you are measured against these.',
      saveLabel: 'Save your thresholds',
    },
    ...data.teams
      .filter((team) => role === 'admin' || led.has(team.teamId))
      .map(
        (team): ScopeTab => ({
          id: `team-${team.teamId}`,
          label: `Team: ${team.name}`,
          scope: { kind: 'team', teamId: team.teamId },
          overrides: team.overrides,
          description: `Applies to ${team.name}’s members unless they set their own. You can edit it as ${role === 'admin' ? 'an admin' : 'a lead of the team'}.`,
          saveLabel: `Save ${team.name}’s thresholds`,
        }),
      ),
    ...(role === 'admin'
      ? [
          {
            id: 'org',
            label: 'Organization',
            scope: { kind: 'org' } as const,
            overrides: data.organization,
            description:
              'The organization’s defaults for everyone, in place of the product’s. Teams and members can still set their own.',
            saveLabel: 'Save organization thresholds',
          },
        ]
      : []),
  ];

  return (
    <div className="space-y-6">
      <NoHealthyRatio
        profiles={data.defaults.profiles}
        current={data.me.resolved.profile}
        profileLink={profileLink}
      />
      <MyThresholdsTable resolved={data.me.resolved} />
      <ScopeEditor tabs={tabs} data={data} />
    </div>
  );
}

function ScopeEditor({ tabs, data }: { tabs: ScopeTab[]; data: ThresholdSettingsResponse }) {
  const [active, setActive] = useState(tabs[0]?.id ?? 'member');
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const current = tabs.find((tab) => tab.id === active) ?? tabs[0];
  if (!current) return null;
  const profile = data.me.resolved.profile;

  function inherited(path: string): number | undefined {
    if (!current) return undefined;
    const scope = current.scope;
    if (scope.kind === 'org') return defaultValue(path, profile);
    if (scope.kind === 'team') return layerValue(data.organization, path) ?? defaultValue(path, profile);
    // Mine: what applies without my own override. A value I set hides the layer below; the
    // organization's (or the default) is the honest fallback to show then.
    const key = keyOfPath(path);
    const source = data.me.resolved.sources[key];
    if (source && source.layer !== 'member') return data.me.resolved.values[key];
    return layerValue(data.organization, path, profile) ?? defaultValue(path, profile);
  }

  const panel = (
    <>
      <p className="mb-6 max-w-3xl text-sm leading-6 text-slate-600">{current.description}</p>
      <OverridesForm
        key={current.id}
        scope={current.scope}
        overrides={current.overrides}
        inherited={inherited}
        saveLabel={current.saveLabel}
      />
    </>
  );

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = tabs[(index + delta + tabs.length) % tabs.length];
    if (!next) return;
    setActive(next.id);
    tabRefs.current.get(next.id)?.focus();
  }

  return (
    <Card
      title="Change thresholds"
      description="Leave a field empty to inherit it. The most specific value wins: yours, then your team’s, then the organization’s, then the product default."
    >
      {tabs.length > 1 && (
        <div
          role="tablist"
          aria-label="Whose thresholds"
          className="-mt-1 mb-6 flex flex-wrap gap-1 border-b border-slate-200"
        >
          {tabs.map((tab, index) => (
            <button
              key={tab.id}
              ref={(node) => {
                if (node) tabRefs.current.set(tab.id, node);
                else tabRefs.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={`thresholds-tab-${tab.id}`}
              aria-selected={tab.id === current.id}
              aria-controls="thresholds-tabpanel"
              tabIndex={tab.id === current.id ? 0 : -1}
              onClick={() => setActive(tab.id)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={cn(
                '-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors',
                tab.id === current.id
                  ? 'border-accent-600 text-accent-700'
                  : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
              )}
            >
              {tab.label}
            </button>
          ))}
        </div>
      )}
      {tabs.length > 1 ? (
        <div id="thresholds-tabpanel" role="tabpanel" aria-labelledby={`thresholds-tab-${current.id}`}>
          {panel}
        </div>
      ) : (
        panel
      )}
    </Card>
  );
}
