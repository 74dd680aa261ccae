import type { MemberSettings } from '@tiltmeter/shared/accounts';
import { ROLE_PROFILE_TARGETS, type RoleProfile } from '@tiltmeter/shared/metrics';
import { useState } from 'react';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { FormError } from '../../../components/ui/form-error.tsx';
import { RadioCards } from '../../../components/ui/radio-cards.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useUpdateMySettings } from '../api/update-my-settings.ts';

const PROFILES: Record<RoleProfile, { label: string; who: string }> = {
  maker: {
    label: 'Maker',
    who: 'You mostly build: code, design, writing, analysis. Meetings are the exception.',
  },
  hybrid: {
    label: 'Hybrid',
    who: 'A lead or engineering manager who still builds. The default for new members.',
  },
  manager: {
    label: 'Manager',
    who: 'Your job is mostly people and coordination. A small maker floor keeps the maker skill alive.',
  },
};

function percentOf(profile: RoleProfile): string {
  return `${Math.round(ROLE_PROFILE_TARGETS[profile].targetMakerShare * 100)}\u00a0%`;
}

export function targetsOf(profile: RoleProfile): string {
  return `Target ${percentOf(profile)} maker share, ${ROLE_PROFILE_TARGETS[profile].minDeepBlocksPerWeek} deep blocks a week`;
}

/** The role profile sets the targets weeks are measured against: 70 / 50 / 30 % maker share. */
export function RoleProfileCard({ settings }: { settings: MemberSettings }) {
  const update = useUpdateMySettings();
  const { toast } = useToast();
  const [profile, setProfile] = useState<RoleProfile>(settings.roleProfile);
  const dirty = profile !== settings.roleProfile;

  return (
    <Card
      title="Role profile"
      description={
        <>
          Sets the targets your weeks are measured against: the{' '}
          <strong className="font-medium">maker share</strong> (maker time ÷ maker + manager time) and the{' '}
          <strong className="font-medium">deep-work floor</strong> (blocks of two hours or more of
          uninterrupted maker time). There is no universal healthy ratio, so targets depend on the role;
          admins can adjust them in Thresholds.
        </>
      }
      footer={
        <Button
          loading={update.isPending}
          disabled={!dirty}
          onClick={() =>
            update.mutate(
              { roleProfile: profile },
              { onSuccess: () => toast({ title: 'Role profile saved', description: targetsOf(profile) }) },
            )
          }
        >
          Save role profile
        </Button>
      }
    >
      <div className="space-y-4">
        <RadioCards
          legend="Role profile"
          hideLegend
          name="role-profile"
          value={profile}
          onChange={setProfile}
          options={(Object.keys(PROFILES) as RoleProfile[]).map((key) => ({
            value: key,
            label: (
              <span className="flex items-center gap-2">
                {PROFILES[key].label}
                {key === 'hybrid' && <Badge tone="neutral">Default</Badge>}
              </span>
            ),
            description: (
              <>
                <span className="mt-1 block text-2xl font-semibold whitespace-nowrap text-slate-900 tabular-nums">
                  {percentOf(key)}
                </span>
                <span className="block font-medium text-slate-800">target maker share</span>
                <span className="block text-slate-700">
                  {ROLE_PROFILE_TARGETS[key].minDeepBlocksPerWeek} deep blocks a week
                </span>
                <span className="mt-2 block">{PROFILES[key].who}</span>
              </>
            ),
          }))}
        />
        <FormError error={update.error} />
      </div>
    </Card>
  );
}
