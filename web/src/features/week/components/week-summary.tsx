import type { ResolvedThresholds, Signal } from '@tiltmeter/shared/metrics';
import type { WeekDetailResponse } from '@tiltmeter/shared/metrics-api';
import { DistributionBar } from '../../../components/charts/distribution-bar.tsx';
import { ShareMeter } from '../../../components/charts/share-meter.tsx';
import { SignalGlyph } from '../../../components/charts/signal-badge.tsx';
import { compareSignals, signalLabel } from '../../../components/charts/signal-meta.ts';
import { cn } from '../../../lib/cn.ts';
import { formatMinutes, formatShare, plural } from '../../../lib/format-metrics.ts';
import { formatDayLabel } from '../../../lib/iso-week.ts';
import { costlyMeetings } from '../utils/week-model.ts';

interface WeekSummaryProps {
  detail: WeekDetailResponse;
  thresholds: ResolvedThresholds | undefined;
}

/**
 * The side panel of My week: the week's totals, the maker share against the target, deep work,
 * the recurring meetings that cost the most focus, and the week's signals in plain words.
 */
export function WeekSummary({ detail, thresholds }: WeekSummaryProps) {
  const { metrics } = detail;
  const share = metrics.makerShare;
  const gap = share === null ? null : Math.round((share - metrics.target) * 100);
  const capacityMinutes = detail.days.reduce((sum, day) => sum + day.facts.capacityBlockMinutes, 0);
  const floor = thresholds?.values.minDeepBlocksPerWeek ?? null;
  const blockMinutes = thresholds?.values.deepBlockMinutes ?? detail.days[0]?.facts.deepBlockMinutes ?? 120;
  const costly = costlyMeetings(detail);

  return (
    <div className="space-y-4">
      <section aria-labelledby="week-share-title" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="week-share-title" className="text-[13px] font-medium text-slate-600">
          Maker share
        </h2>
        <p className="mt-1 flex items-baseline gap-2">
          <span
            data-testid="week-maker-share"
            className="text-3xl font-semibold tracking-tight text-slate-900 tabular-nums"
          >
            {formatShare(share)}
          </span>
          <span className="text-sm text-slate-500">of maker and manager time</span>
        </p>
        <ShareMeter share={share} target={metrics.target} className="mt-2" />
        <p
          className={cn(
            'mt-2.5 text-[13px] leading-5',
            gap === null ? 'text-slate-600' : gap < 0 ? 'text-amber-900' : 'text-green-800',
          )}
        >
          {gap === null
            ? 'No maker or manager time this week.'
            : gap < 0
              ? `${Math.abs(gap)} points below your ${formatShare(metrics.target)} target.`
              : gap === 0
                ? `Right on your ${formatShare(metrics.target)} target.`
                : `${gap} points above your ${formatShare(metrics.target)} target.`}
        </p>
        <dl className="mt-4 space-y-1.5 text-[13px]">
          <Row swatch="bg-maker" label="Maker" value={formatMinutes(metrics.makerMinutes)} />
          <Row swatch="bg-manager" label="Manager" value={formatMinutes(metrics.managerMinutes)} />
          <Row swatch="bg-neutral-time" label="Neutral" value={formatMinutes(metrics.neutralMinutes)} />
        </dl>
        <DistributionBar
          className="mt-3"
          height="h-2.5"
          parts={{
            maker: metrics.makerMinutes,
            manager: metrics.managerMinutes,
            neutral: metrics.neutralMinutes,
          }}
        />
      </section>

      <section aria-labelledby="week-deep-title" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="week-deep-title" className="text-[13px] font-medium text-slate-600">
          Deep work
        </h2>
        <p className="mt-1 flex items-baseline gap-2">
          <span data-testid="week-deep-blocks" className="text-2xl font-semibold text-slate-900 tabular-nums">
            {metrics.deepBlocks}
          </span>
          <span className="text-sm text-slate-500">
            deep {metrics.deepBlocks === 1 ? 'block' : 'blocks'}
            {floor !== null && ` of the ${floor} your role asks for`}
          </span>
        </p>
        <dl className="mt-3 space-y-1.5 text-[13px]">
          <Row
            label={`In blocks of ${formatMinutes(blockMinutes)}+`}
            value={formatMinutes(metrics.deepMinutes)}
          />
          <Row label="Fragmented maker time" value={formatMinutes(metrics.fragmentedMakerMinutes)} />
          <Row label="Longest block" value={formatMinutes(metrics.longestBlockMinutes)} />
          <Row label="Free blocks in working hours" value={formatMinutes(capacityMinutes)} />
          <Row label="Meeting-free days" value={String(metrics.meetingFreeDays)} />
          {metrics.afterHoursMinutes > 0 && (
            <Row label="After hours" value={formatMinutes(metrics.afterHoursMinutes)} />
          )}
          {metrics.weekendMinutes > 0 && (
            <Row label="Weekend" value={formatMinutes(metrics.weekendMinutes)} />
          )}
        </dl>
      </section>

      <section aria-labelledby="week-cost-title" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="week-cost-title" className="text-[13px] font-medium text-slate-600">
          Meetings that cost the most focus
        </h2>
        {costly.length === 0 ? (
          <p className="mt-2 text-[13px] leading-5 text-slate-600">
            No meeting broke a block of deep time this week.
          </p>
        ) : (
          <ol className="mt-2 space-y-2" data-testid="week-costly-meetings">
            {costly.map((meeting) => {
              const widest = costly[0]?.focusCostMinutes ?? 1;
              return (
                <li key={meeting.key} className="text-[13px]">
                  <div className="flex items-baseline justify-between gap-2">
                    <span className="min-w-0 truncate font-medium text-slate-800">{meeting.title}</span>
                    <span className="shrink-0 font-semibold text-critical tabular-nums">
                      <span className="sr-only">costs </span>
                      {formatMinutes(meeting.focusCostMinutes)}
                    </span>
                  </div>
                  <div aria-hidden="true" className="mt-1 h-1.5 rounded-full bg-slate-100">
                    <div
                      className="h-full rounded-full bg-critical/70"
                      style={{ width: `${(meeting.focusCostMinutes / widest) * 100}%` }}
                    />
                  </div>
                  <p className="mt-0.5 text-xs text-slate-500">
                    {meeting.recurring ? `Recurring, ${plural(meeting.occurrences, 'time')}` : 'One-off'} ·{' '}
                    {formatMinutes(meeting.managerMinutes)} in the meeting
                  </p>
                </li>
              );
            })}
          </ol>
        )}
        <p className="mt-3 text-xs leading-5 text-slate-500">
          Focus cost is the deep time a meeting destroys beyond its own length: a 30-minute meeting that
          splits a free morning costs more than one at its edge.
        </p>
      </section>

      <section
        aria-labelledby="week-signals-title"
        className="rounded-xl border border-slate-200 bg-white p-4"
      >
        <h2 id="week-signals-title" className="text-[13px] font-medium text-slate-600">
          Signals this week
        </h2>
        <SignalList signals={metrics.signals} />
      </section>
    </div>
  );
}

function Row({ label, value, swatch }: { label: string; value: string; swatch?: string }) {
  return (
    <div className="flex items-center justify-between gap-3">
      <dt className="flex items-center gap-2 text-slate-600">
        {swatch && <span aria-hidden="true" className={cn('size-2.5 rounded-sm', swatch)} />}
        {label}
      </dt>
      <dd className="font-medium text-slate-900 tabular-nums">{value}</dd>
    </div>
  );
}

/** Signals in plain words; heavy meeting days are gathered into one line with their days. */
export function SignalList({ signals }: { signals: readonly Signal[] }) {
  if (signals.length === 0) {
    return (
      <p className="mt-2 flex items-center gap-2 text-[13px] text-green-800">
        <span aria-hidden="true" className="size-2 rounded-full bg-ok" />
        No signals: this week is within your thresholds.
      </p>
    );
  }
  const heavy = signals.filter((signal) => signal.code === 'heavy_meeting_day');
  const others = signals.filter((signal) => signal.code !== 'heavy_meeting_day');
  const items: { key: string; level: string; code: string; text: string }[] = others.map((signal) => ({
    key: signal.code,
    level: signal.level,
    code: signal.code,
    text: signal.message,
  }));
  if (heavy.length === 1 && heavy[0]) {
    items.push({ key: 'heavy', level: heavy[0].level, code: 'heavy_meeting_day', text: heavy[0].message });
  } else if (heavy.length > 1) {
    const days = heavy
      .map((signal) => (signal.date ? formatDayLabel(signal.date).split(' ')[0] : ''))
      .join(', ');
    items.push({
      key: 'heavy',
      level: 'warning',
      code: 'heavy_meeting_day',
      text: `${heavy.length} heavy meeting days (5 h or more of manager time): ${days}.`,
    });
  }
  items.sort(compareSignals);
  return (
    <ul className="mt-2 space-y-2.5" data-testid="week-signals">
      {items.map((item) => (
        <li key={item.key} className="flex gap-2.5 text-[13px] leading-5">
          <SignalGlyph level={item.level} className="mt-1" />
          <p className="min-w-0 text-slate-700">
            <span className="font-medium text-slate-900">
              <span className="sr-only">{item.level === 'critical' ? 'Critical: ' : 'Warning: '}</span>
              {signalLabel(item.code)}.
            </span>{' '}
            {item.text}
          </p>
        </li>
      ))}
    </ul>
  );
}
