import type { TeamMetricsResponse } from '@tiltmeter/shared/metrics-api';
import { signalLabel } from '../../../components/charts/signal-meta.ts';
import { formatHours } from '../../../lib/format-metrics.ts';
import type { SprintPeriod } from './periods.ts';
import {
  comparisons,
  formatChange,
  formatValue,
  seriesRows,
  shown,
  signalRows,
  WEEKDAY_NAMES,
} from './retro-model.ts';

/** A table cell: pipes and line breaks would break the Markdown table. */
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The text with exactly one full stop at its end. */
const sentence = (text: string) => `${text.replace(/[.\s]+$/, '')}.`;

const suppressedNote = (data: TeamMetricsResponse | undefined) =>
  data?.summary.suppressed ? data.summary.reason : null;

/**
 * The retro's numbers as Markdown for the team's notes: the same comparisons, meetings and signals
 * as the page, aggregates only, with the privacy rule stated. Individuals appear only where the page
 * shows them (members who share, or an open team), by name and maker share, never ranked.
 */
export function retroMarkdown({
  teamName,
  current,
  previous,
  periods,
}: {
  teamName: string;
  current: TeamMetricsResponse | undefined;
  previous: TeamMetricsResponse | undefined;
  periods: { current: SprintPeriod; previous: SprintPeriod };
}): string {
  const lines: string[] = [];
  const now = shown(current?.summary);
  lines.push(`# Team retro: ${teamName}`, '');
  lines.push(
    `Sprint ${periods.current.label} (${periods.current.span}), compared with ${periods.previous.label} (${periods.previous.span}).`,
  );
  if (now) lines.push(`${now.people} people, ${now.personWeeks} person-weeks with maker or manager time.`);
  lines.push('');

  const currentReason = suppressedNote(current);
  const previousReason = suppressedNote(previous);
  if (currentReason) lines.push(`> This sprint's aggregate is not shown: ${sentence(currentReason)}`, '');
  if (previousReason)
    lines.push(`> The previous sprint's aggregate is not shown: ${sentence(previousReason)}`, '');

  lines.push('## Maker energy', '');
  lines.push('| | Previous sprint | This sprint | Change |', '|---|---:|---:|---:|');
  for (const row of comparisons(previous?.summary, current?.summary)) {
    lines.push(
      `| ${row.label} | ${formatValue(row.previous, row.kind)} | ${formatValue(row.current, row.kind)} | ${formatChange(row)} |`,
    );
  }
  lines.push('');

  const meetings = seriesRows(previous, current);
  lines.push('## Recurring meetings that cost the most focus', '');
  if (meetings.length === 0) {
    lines.push('No recurring meeting was shared by enough of the team to be counted.');
  } else {
    lines.push('| Meeting | People | Occurrences | Meeting time | Focus cost | Previous sprint |');
    lines.push('|---|---:|---:|---:|---:|---:|');
    for (const { series, previousFocusCost } of meetings) {
      lines.push(
        `| ${cell(series.title ?? 'Recurring meeting')} | ${series.people} | ${series.occurrences} | ${formatHours(series.managerMinutes)} | ${formatHours(series.focusCostMinutes)} | ${previousFocusCost === null ? '–' : formatHours(previousFocusCost)} |`,
      );
    }
    lines.push('', "_Focus cost: deep time destroyed beyond the meetings' own length, in person-hours._");
  }
  lines.push('');

  if (current && current.weekdays.length > 0) {
    lines.push('## Manager time by weekday (this sprint)', '');
    lines.push(
      current.weekdays
        .map((day) => `${WEEKDAY_NAMES[day.weekday - 1]?.slice(0, 3)} ${formatHours(day.managerMinutes)}`)
        .join(' · '),
    );
    const free = current.weekdays.filter((day) => day.weekday <= 5 && day.meetings === 0);
    if (free.length > 0) {
      lines.push('', `Meeting-free: ${free.map((day) => WEEKDAY_NAMES[day.weekday - 1]).join(', ')}.`);
    }
    lines.push('');
  }

  const signals = signalRows(previous?.summary, current?.summary);
  lines.push('## Signals (person-weeks)', '');
  if (signals.length === 0) {
    lines.push('No signals in either sprint.');
  } else {
    lines.push('| Signal | Previous sprint | This sprint |', '|---|---:|---:|');
    for (const row of signals) {
      lines.push(`| ${signalLabel(row.code)} | ${row.previous ?? '–'} | ${row.current ?? '–'} |`);
    }
  }
  lines.push('');

  const individuals = current?.individuals;
  if (individuals && individuals.shown.length > 0) {
    lines.push('## Individuals who share their numbers', '');
    for (const person of individuals.shown) {
      const weeks = person.weeks
        .map(
          (week) =>
            `${week.week.slice(5)} ${week.makerShare === null ? '–' : `${Math.round(week.makerShare * 100)} %`}`,
        )
        .join(', ');
      lines.push(`- ${person.displayName}: maker share ${weeks}`);
    }
    lines.push('');
  }
  if (individuals?.omittedReason) lines.push(`_${sentence(individuals.omittedReason)}_`, '');

  lines.push(
    `_Aggregates only: groups smaller than ${current?.minGroupSize ?? 5} are not shown, and nobody is ranked. Exported from Tiltmeter._`,
  );
  return `${lines.join('\n')}\n`;
}
