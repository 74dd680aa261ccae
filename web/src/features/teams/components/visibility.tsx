import type { TeamVisibility } from '@tiltmeter/shared/teams';
import type { RadioCardOption } from '../../../components/ui/radio-cards.tsx';

export const VISIBILITY_LABELS: Record<TeamVisibility, string> = { private: 'Private', open: 'Open' };

/** What each visibility means for the people in the team, in plain words. */
export function visibilityOptions(minGroupSize: number): RadioCardOption<TeamVisibility>[] {
  return [
    {
      value: 'private',
      label: 'Private',
      description: `Team views show totals only, and only for at least ${minGroupSize} people. A lead sees someone's own numbers only if that person chose to share them.`,
    },
    {
      value: 'open',
      label: 'Open',
      description:
        "The team agreed that its members see each other's individual numbers in retros. Choose it only with the team's consent.",
    },
  ];
}
