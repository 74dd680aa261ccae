import type { MemberRole } from '@tiltmeter/shared/accounts';
import type { Team } from '@tiltmeter/shared/teams';

export interface TeamChoice {
  /** The teams the viewer may open: their own, or every team for managers and admins. */
  teams: Team[];
  /** The team shown when the address names none: one the viewer leads, else one they are in. */
  defaultTeamId: string | null;
}

/** Which teams a viewer may pick in the retro; the server checks the same rule. */
export function teamChoice(teams: readonly Team[], role: MemberRole, memberId: string): TeamChoice {
  const mine = teams.filter((team) => team.members.some((member) => member.memberId === memberId));
  const led = mine.find((team) =>
    team.members.some((member) => member.memberId === memberId && member.isLead),
  );
  return {
    teams: role === 'member' ? mine : [...teams],
    defaultTeamId: led?.id ?? mine[0]?.id ?? teams[0]?.id ?? null,
  };
}
