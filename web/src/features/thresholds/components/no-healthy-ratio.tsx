import { ROLE_PROFILES, type RoleProfile } from '@tiltmeter/shared/metrics';
import type { ReactNode } from 'react';
import { InfoIcon } from '../../../components/ui/icons.tsx';
import { cn } from '../../../lib/cn.ts';
import { PROFILE_LABELS } from '../utils/fields.ts';

const PROFILE_TEXT: Record<RoleProfile, string> = {
  maker: 'Builds most of the week.',
  hybrid: 'A lead or EM who still builds. New members start here.',
  manager: 'Manages full time, and keeps the maker skill alive.',
};

/**
 * The product's stance, stated where targets are set: no ratio is healthy for everyone; the targets
 * follow the role, and each person can set their own.
 */
export function NoHealthyRatio({
  profiles,
  current,
  profileLink,
}: {
  profiles: Record<string, { targetMakerShare: number; minDeepBlocksPerWeek: number }>;
  current: RoleProfile;
  profileLink?: ReactNode;
}) {
  return (
    <section
      aria-labelledby="no-healthy-ratio"
      className="rounded-xl border border-accent-100 bg-accent-50/60 p-5"
    >
      <div className="flex gap-3">
        <InfoIcon className="mt-0.5 size-5 shrink-0 text-accent-600" />
        <div className="min-w-0">
          <h2 id="no-healthy-ratio" className="text-sm font-semibold text-slate-900">
            There is no published “healthy” maker/manager ratio
          </h2>
          <p className="mt-1 max-w-3xl text-sm leading-6 text-slate-700">
            Nobody has shown a split that is right for everyone, so Tiltmeter does not pretend to know one.
            Targets follow the role you play, and you can set your own. The warnings exist to show a drift
            while it happens, not to grade anyone.
          </p>
        </div>
      </div>
      <ul className="mt-4 grid gap-3 sm:grid-cols-3" aria-label="Role profiles and their targets">
        {ROLE_PROFILES.map((profile) => {
          const targets = profiles[profile];
          const isCurrent = profile === current;
          return (
            <li
              key={profile}
              aria-current={isCurrent ? 'true' : undefined}
              className={cn(
                'rounded-lg bg-white p-4 ring-1',
                isCurrent ? 'ring-2 ring-accent-600' : 'ring-slate-200',
              )}
            >
              <p className="flex items-center justify-between gap-2 text-sm font-semibold text-slate-900">
                {PROFILE_LABELS[profile]}
                {isCurrent && (
                  <span className="rounded bg-accent-600 px-1.5 py-0.5 text-[11px] font-semibold text-white">
                    Your profile
                  </span>
                )}
              </p>
              {targets && (
                <p className="mt-1 text-sm text-slate-700">
                  <span className="font-semibold tabular-nums">
                    {Math.round(targets.targetMakerShare * 100)} %
                  </span>{' '}
                  maker · <span className="font-semibold tabular-nums">{targets.minDeepBlocksPerWeek}</span>{' '}
                  deep blocks a week
                </p>
              )}
              <p className="mt-1 text-[13px] leading-5 text-slate-600">{PROFILE_TEXT[profile]}</p>
            </li>
          );
        })}
      </ul>
      {profileLink && <p className="mt-3 text-[13px] text-slate-700">{profileLink}</p>}
    </section>
  );
}
