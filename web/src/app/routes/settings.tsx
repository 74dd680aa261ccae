import { createLazyRoute } from '@tanstack/react-router';
import type { ComponentType, SVGProps } from 'react';
import { ContentLayout } from '../../components/layouts/content-layout.tsx';
import {
  GaugeIcon,
  InfoIcon,
  KeyIcon,
  RulesIcon,
  TeamIcon,
  UploadIcon,
  UserIcon,
} from '../../components/ui/icons.tsx';

export const Route = createLazyRoute('/settings')({ component: SettingsPage });

interface Section {
  name: string;
  text: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
}

const SECTIONS: readonly Section[] = [
  {
    name: 'Calendar imports',
    text: 'Upload ICS or CSV files, or subscribe to a calendar URL that refreshes on a schedule.',
    icon: UploadIcon,
  },
  {
    name: 'Members',
    text: 'Who belongs to the organization, their role, and their role profile: maker, hybrid or manager.',
    icon: UserIcon,
  },
  {
    name: 'Teams',
    text: 'Team membership and leads, and whether a team shares individual numbers in its retros.',
    icon: TeamIcon,
  },
  {
    name: 'Classification rules',
    text: 'The ordered rules that decide maker or manager, with a live preview on your own entries.',
    icon: RulesIcon,
  },
  {
    name: 'Thresholds',
    text: 'Targets and warning levels for the organization, a team or a member, each with its source.',
    icon: GaugeIcon,
  },
  {
    name: 'API tokens',
    text: 'Tokens for scripts that read metrics or send entries through the REST API.',
    icon: KeyIcon,
  },
];

function SettingsPage() {
  return (
    <ContentLayout
      title="Settings"
      description="Members, teams, classification rules, thresholds, calendar imports and API tokens for your organization."
    >
      <p className="mb-6 flex items-start gap-3 rounded-xl border border-accent-100 bg-accent-50 px-4 py-3 text-sm leading-6 text-slate-700">
        <InfoIcon className="mt-0.5 size-5 shrink-0 text-accent-600" />
        <span>
          <span className="font-medium text-slate-900">Settings are not available yet.</span> This is what
          each section will let you do once it opens.
        </span>
      </p>
      <ul className="grid gap-4 sm:grid-cols-2">
        {SECTIONS.map((section) => (
          <li key={section.name} className="flex gap-4 rounded-xl border border-slate-200 bg-white p-5">
            <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-500">
              <section.icon className="size-[18px]" />
            </span>
            <div>
              <h2 className="text-sm font-semibold text-slate-900">{section.name}</h2>
              <p className="mt-1 text-sm leading-6 text-slate-600">{section.text}</p>
            </div>
          </li>
        ))}
      </ul>
    </ContentLayout>
  );
}
