import type { Team } from '@tiltmeter/shared/teams';
import { useMemo } from 'react';
import { LoadingRegion, QueryError, Skeleton } from '../../../components/charts/states.tsx';
import { PrivacyNote } from '../../../components/privacy-note.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { Field, Select } from '../../../components/ui/field.tsx';
import { ChevronRightIcon } from '../../../components/ui/icons.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { cn } from '../../../lib/cn.ts';
import { addIsoWeeks, weekRange } from '../../../lib/iso-week.ts';
import { useTeamMetrics } from '../api/get-team-metrics.ts';
import { retroMarkdown } from '../utils/markdown.ts';
import { sprintPeriods, sprintWeeksOf } from '../utils/periods.ts';
import { SPRINT_LENGTHS, type TeamSearch } from '../utils/search.ts';
import {
  ComparisonTiles,
  DistributionCard,
  IndividualsCard,
  MeetingsCard,
  type RetroData,
  SignalsCard,
  SuppressedNotice,
  WeekdayCard,
  WeeklyCard,
} from './retro-sections.tsx';

interface TeamRetroViewProps {
  /** Teams the viewer may open (their own; every team for managers and admins). */
  teams: readonly Team[];
  /** The team to show when the address names none (the viewer's own first). */
  defaultTeamId: string | null;
  /** The current ISO week (team views count weeks in UTC). */
  currentWeek: string;
  search: TeamSearch;
  onSearchChange: (search: TeamSearch) => void;
}

/** Team retro: two sprints side by side, aggregates only, with an export for the retro notes. */
export function TeamRetroView({
  teams,
  defaultTeamId,
  currentWeek,
  search,
  onSearchChange,
}: TeamRetroViewProps) {
  const team =
    teams.find((t) => t.id === search.team) ?? teams.find((t) => t.id === defaultTeamId) ?? teams[0] ?? null;
  const sprintWeeks = search.sprint ?? sprintWeeksOf(team?.sprintDays);
  const end = search.end ?? currentWeek;
  const periods = useMemo(() => sprintPeriods(end, sprintWeeks), [end, sprintWeeks]);
  const current = useTeamMetrics(team?.id ?? null, { from: periods.current.from, to: periods.current.to });
  const previous = useTeamMetrics(team?.id ?? null, { from: periods.previous.from, to: periods.previous.to });
  const data: RetroData = { current: current.data, previous: previous.data, periods };
  const markdown = useMemo(
    () =>
      team && current.data
        ? retroMarkdown({ teamName: team.name, current: current.data, previous: previous.data, periods })
        : '',
    [team, current.data, previous.data, periods],
  );

  const update = (next: Partial<TeamSearch>) => onSearchChange({ ...search, ...next });
  const loading = current.isPending || previous.isPending;
  const error = current.error ?? previous.error;
  const placeholder = current.isPlaceholderData || previous.isPlaceholderData;

  if (!team) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
        You are not in a team yet. An admin or manager can add you to one in Settings, Teams.
      </p>
    );
  }

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end gap-x-3 gap-y-3 rounded-xl border border-slate-200 bg-white px-4 py-3">
        <Field label="Team" className="w-48">
          <Select
            value={team.id}
            onChange={(event) => onSearchChange({ team: event.target.value })}
            options={teams.map((t) => ({ value: t.id, label: t.name }))}
          />
        </Field>
        <Field label="Sprint length" className="w-32">
          <Select
            value={String(sprintWeeks)}
            onChange={(event) => update({ sprint: Number(event.target.value) })}
            options={SPRINT_LENGTHS.map((weeks) => ({
              value: String(weeks),
              label: `${weeks} ${weeks === 1 ? 'week' : 'weeks'}`,
            }))}
          />
        </Field>
        <fieldset>
          <legend className="mb-1.5 text-sm font-medium text-slate-800">Sprint</legend>
          <div className="flex items-center rounded-lg bg-white shadow-sm ring-1 ring-slate-300 ring-inset">
            <button
              type="button"
              onClick={() => update({ end: addIsoWeeks(end, -sprintWeeks) })}
              aria-label="Previous sprint"
              className="rounded-l-lg p-2 text-slate-600 hover:bg-slate-50 hover:text-slate-900"
            >
              <ChevronRightIcon className="size-4 rotate-180" />
            </button>
            <p
              aria-live="polite"
              className="min-w-[11.5rem] border-x border-slate-200 px-3 py-2 text-center text-sm text-slate-900 tabular-nums"
            >
              {periods.current.span}
            </p>
            <button
              type="button"
              onClick={() => update({ end: addIsoWeeks(end, sprintWeeks) })}
              aria-label="Next sprint"
              className="rounded-r-lg p-2 text-slate-600 hover:bg-slate-50 hover:text-slate-900"
            >
              <ChevronRightIcon className="size-4" />
            </button>
          </div>
        </fieldset>
        {end !== currentWeek && (
          <Button variant="ghost" size="sm" className="mb-1" onClick={() => update({ end: undefined })}>
            Latest sprint
          </Button>
        )}
        <div className="ml-auto flex items-center gap-2">
          <CopyButton
            value={markdown}
            label="Copy as Markdown"
            size="sm"
            aria-label="Copy the retro summary as Markdown"
          />
          <Button
            variant="secondary"
            size="sm"
            disabled={!markdown}
            onClick={() => downloadMarkdown(markdown, `retro-${slug(team.name)}-${periods.current.to}.md`)}
          >
            Download .md
          </Button>
        </div>
      </div>

      <p className="text-sm text-slate-600">
        <span className="font-medium text-slate-900">{team.name}</span> · {team.members.length} members ·{' '}
        {team.visibility === 'open'
          ? 'open team: members see each other’s numbers'
          : 'private team: aggregates only'}{' '}
        · comparing <span className="tabular-nums">{periods.current.label}</span> with{' '}
        <span className="tabular-nums">{periods.previous.label}</span>
      </p>

      {loading ? (
        <RetroSkeleton />
      ) : error && !current.data ? (
        <QueryError
          title="The team's numbers could not be loaded"
          error={
            error instanceof ApiError && error.status === 403
              ? new Error('Team views are open to the team’s members, managers and admins.')
              : error
          }
          onRetry={() => {
            void current.refetch();
            void previous.refetch();
          }}
        />
      ) : (
        <div
          className={cn('space-y-5 transition-opacity', placeholder && 'opacity-60')}
          aria-busy={placeholder || undefined}
        >
          {current.data?.summary.suppressed && (
            <SuppressedNotice which="This sprint" reason={current.data.summary.reason} />
          )}
          {previous.data?.summary.suppressed && !current.data?.summary.suppressed && (
            <SuppressedNotice which="The previous sprint" reason={previous.data.summary.reason} />
          )}
          <ComparisonTiles data={data} />
          <div className="grid gap-5 lg:grid-cols-2">
            <DistributionCard data={data} />
            <WeeklyCard data={data} />
          </div>
          <MeetingsCard data={data} />
          <div className="grid gap-5 lg:grid-cols-2">
            <WeekdayCard data={data} />
            <SignalsCard data={data} />
          </div>
          <IndividualsCard data={data} weeks={weekRange(periods.previous.from, periods.current.to)} />
          <PrivacyNote>
            <strong className="font-medium text-slate-900">Aggregates only.</strong> Team numbers cover groups
            of at least {current.data?.minGroupSize ?? 5} people; smaller groups, and weeks that would single
            someone out, are suppressed. Nobody is ranked.
          </PrivacyNote>
        </div>
      )}
    </div>
  );
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'team'
  );
}

function downloadMarkdown(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function RetroSkeleton() {
  return (
    <LoadingRegion label="Loading the team's numbers…">
      <div className="space-y-5">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {Array.from({ length: 4 }, (_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <Skeleton key={index} className="h-[6.5rem] rounded-xl" />
          ))}
        </div>
        <div className="grid gap-5 lg:grid-cols-2">
          <Skeleton className="h-56 rounded-xl" />
          <Skeleton className="h-56 rounded-xl" />
        </div>
        <Skeleton className="h-64 rounded-xl" />
      </div>
    </LoadingRegion>
  );
}
