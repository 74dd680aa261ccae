import { Link } from '@tanstack/react-router';
import type { WorkingHours } from '@tiltmeter/shared/metrics';
import type { WeekEntry } from '@tiltmeter/shared/metrics-api';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { categoryLabel } from '../../../components/charts/palette.ts';
import { SegmentedControl } from '../../../components/charts/segmented-control.tsx';
import { Kbd, LoadingRegion, QueryError, Skeleton } from '../../../components/charts/states.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { PlusIcon } from '../../../components/ui/icons.tsx';
import { daysOfWeek, formatDayLabel } from '../../../lib/iso-week.ts';
import { useCreateEntry } from '../api/create-entry.ts';
import { useMyWeek } from '../api/get-my-week.ts';
import { useWeekThresholds } from '../api/get-week-thresholds.ts';
import { useReclassifyEntry } from '../api/update-entry.ts';
import { clockLabel, wallClock } from '../utils/zoned-time.ts';
import { CalendarLegend } from './calendar-legend.tsx';
import { EntryPopover } from './entry-popover.tsx';
import { NewEntryDialog } from './new-entry-dialog.tsx';
import { type DraftRange, WeekCalendar } from './week-calendar.tsx';
import { WeekEntriesTable } from './week-entries-table.tsx';
import { WeekNavigator } from './week-navigator.tsx';
import { WeekSummary } from './week-summary.tsx';

interface WeekViewProps {
  week: string;
  /** This week in the member's zone. */
  currentWeek: string;
  /** Today's local date in the member's zone. */
  today: string;
  timeZone: string;
  workingHours: WorkingHours | null;
  onWeekChange: (week: string) => void;
}

type View = 'calendar' | 'table';

/** My week: the navigator, the calendar (or its table) with reclassify and manual entries, and the side panel. */
export function WeekView({ week, currentWeek, today, timeZone, workingHours, onWeekChange }: WeekViewProps) {
  const detail = useMyWeek(week);
  const thresholds = useWeekThresholds(week);
  const reclassify = useReclassifyEntry(week);
  const create = useCreateEntry();
  const dates = useMemo(() => daysOfWeek(week), [week]);
  const [view, setView] = useState<View>('calendar');
  const [open, setOpen] = useState<{ entry: WeekEntry; anchor: HTMLElement } | null>(null);
  const [draft, setDraft] = useState<DraftRange | null>(null);
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState('');
  const calendarRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), 8000);
    return () => clearTimeout(timer);
  }, [status]);

  // A new week closes what belonged to the old one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the week changes
  useEffect(() => {
    setOpen(null);
  }, [week]);

  const closePopover = useCallback(() => {
    const anchor = open?.anchor;
    setOpen(null);
    reclassify.reset();
    // Focus goes back to the entry the popover came from (if it is still in the page).
    if (anchor?.isConnected) requestAnimationFrame(() => anchor.focus());
  }, [open, reclassify.reset]);

  /**
   * After an edit or a deletion the entry's old block may be gone (an edit to another day draws it
   * anew): focus goes to the entry where it now is, else to the calendar's entry in the tab order, else
   * the calendar itself, so the keyboard is never dropped to the top of the page.
   */
  const focusAfterChange = useCallback((entryId: string | null) => {
    requestAnimationFrame(() => {
      const calendar = calendarRef.current;
      if (!calendar) return;
      const blocks = [...calendar.querySelectorAll<HTMLElement>('[data-entry-id]')];
      const target =
        blocks.find((block) => entryId !== null && block.dataset.entryId === entryId) ??
        blocks.find((block) => block.tabIndex === 0) ??
        calendar;
      target.focus();
    });
  }, []);

  const openEntry = useCallback(
    (entry: WeekEntry, anchor: HTMLElement) => {
      reclassify.reset();
      setOpen({ entry, anchor });
    },
    [reclassify.reset],
  );

  const data = detail.data;
  const weekTimeZone = data?.timeZone ?? timeZone;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <WeekNavigator week={week} currentWeek={currentWeek} onChange={onWeekChange} />
        <div className="flex items-center gap-2">
          <SegmentedControl
            label="Show the week as"
            value={view}
            onChange={setView}
            options={[
              { value: 'calendar', label: 'Calendar' },
              { value: 'table', label: 'Table' },
            ]}
          />
          <Button
            onClick={() => {
              create.reset();
              setDraft(null);
              setAdding(true);
            }}
          >
            <PlusIcon />
            Add entry
          </Button>
        </div>
      </div>

      <p
        role="status"
        className={status ? 'rounded-lg bg-ok-soft px-3 py-2 text-sm text-green-900' : 'sr-only'}
      >
        {status}
      </p>

      {detail.isPending ? (
        <WeekSkeleton />
      ) : detail.isError && !data ? (
        <QueryError
          title="Your week could not be loaded"
          error={detail.error}
          onRetry={() => detail.refetch()}
        />
      ) : data ? (
        <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_16.5rem]">
          <section
            ref={calendarRef}
            tabIndex={-1}
            aria-label={`Calendar of week ${week}`}
            aria-busy={detail.isPlaceholderData || undefined}
            className="min-w-0 rounded-xl border border-slate-200 bg-white focus:outline-none"
          >
            {data.entries.length === 0 && (
              <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700">
                <p>
                  <span className="font-medium text-slate-900">No entries this week.</span> Drag across empty
                  time or use Add entry, or import a calendar.
                </p>
                <Link to="/settings/imports" className="text-sm font-medium text-accent-700 hover:underline">
                  Import a calendar
                </Link>
              </div>
            )}
            <div
              className={detail.isPlaceholderData ? 'opacity-60 transition-opacity' : 'transition-opacity'}
            >
              {view === 'calendar' ? (
                <div className="overflow-x-auto px-2 pt-2 pb-1">
                  <WeekCalendar
                    detail={data}
                    dates={dates}
                    workingHours={workingHours}
                    today={dates.includes(today) ? today : null}
                    activeEntryId={open?.entry.id ?? null}
                    onOpenEntry={openEntry}
                    onCreateDraft={(range) => {
                      create.reset();
                      setDraft(range);
                      setAdding(true);
                    }}
                  />
                </div>
              ) : (
                <div className="overflow-x-auto px-2 py-2">
                  {data.entries.length > 0 ? (
                    <WeekEntriesTable detail={data} onOpenEntry={openEntry} />
                  ) : (
                    <p className="px-3 py-6 text-sm text-slate-600">No entries to list.</p>
                  )}
                </div>
              )}
            </div>
            <footer className="space-y-2 border-t border-slate-100 px-4 py-3">
              <CalendarLegend />
              <p className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-xs text-slate-500">
                <Kbd>←</Kbd>
                <Kbd>→</Kbd>
                <Kbd>↑</Kbd>
                <Kbd>↓</Kbd> move between entries, <Kbd>Enter</Kbd> opens one to reclassify, edit or delete
                it, drag over empty time to add an entry. Times are in {weekTimeZone}.
              </p>
            </footer>
          </section>
          <aside aria-label="This week in numbers" className="min-w-0">
            <WeekSummary detail={data} thresholds={thresholds.data} />
          </aside>
        </div>
      ) : null}

      {open && data && (
        <EntryPopover
          key={open.entry.id}
          entry={open.entry}
          week={week}
          timeZone={weekTimeZone}
          anchor={open.anchor}
          pending={reclassify.isPending}
          error={reclassify.error}
          onClose={closePopover}
          onEdited={(entry) => {
            const start = wallClock(entry.start, weekTimeZone);
            const end = wallClock(entry.end, weekTimeZone);
            const endLabel =
              end.date === start.date
                ? clockLabel(end.minutes)
                : `${formatDayLabel(end.date)} ${clockLabel(end.minutes)}`;
            setStatus(
              `Saved “${entry.title ?? 'Untitled entry'}”: ${formatDayLabel(start.date)}, ${clockLabel(start.minutes)}–${endLabel}. The week's numbers are updated.`,
            );
            setOpen(null);
            reclassify.reset();
            focusAfterChange(entry.id);
          }}
          onDeleted={(entry) => {
            setStatus(`Deleted “${entry.title ?? 'Untitled entry'}”. The week's numbers are updated.`);
            setOpen(null);
            reclassify.reset();
            focusAfterChange(null);
          }}
          onSubmit={(input) =>
            reclassify.mutate(input, {
              onSuccess: (entry) => {
                const title = open.entry.title ?? 'The entry';
                setStatus(
                  input.category === null
                    ? `“${title}” is back to its rules: ${categoryLabel(entry.category, entry.subtype).toLowerCase()}.`
                    : `“${title}”${input.scope === 'series' ? ' and the rest of its series' : ''} now count${input.scope === 'series' ? '' : 's'} as ${categoryLabel(entry.category, entry.subtype).toLowerCase()}. The week's numbers are updated.`,
                );
                closePopover();
              },
            })
          }
        />
      )}

      <NewEntryDialog
        open={adding}
        draft={draft}
        dates={dates}
        timeZone={weekTimeZone}
        pending={create.isPending}
        error={create.error}
        onClose={() => setAdding(false)}
        onSubmit={(input) =>
          create.mutate(input, {
            onSuccess: (entry) => {
              const start = wallClock(entry.start, weekTimeZone);
              const end = wallClock(entry.end, weekTimeZone);
              setStatus(
                `Added “${entry.title ?? 'Untitled entry'}” on ${formatDayLabel(start.date)}, ${clockLabel(start.minutes)}–${clockLabel(end.minutes)}, as ${categoryLabel(entry.category, entry.subtype).toLowerCase()}.`,
              );
              setAdding(false);
            },
          })
        }
      />
    </div>
  );
}

function WeekSkeleton() {
  return (
    <LoadingRegion label="Loading your week…">
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_16.5rem]">
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <div className="grid grid-cols-7 gap-2">
            {Array.from({ length: 7 }, (_, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
              <div key={index} className="space-y-2">
                <Skeleton className="h-4 w-16" />
                <Skeleton className="h-3 w-20" />
                <Skeleton className="mt-3 h-16" />
                <Skeleton className="h-24" />
                <Skeleton className="h-10" />
                <Skeleton className="h-28" />
              </div>
            ))}
          </div>
        </div>
        <div className="space-y-4">
          <Skeleton className="h-48 rounded-xl" />
          <Skeleton className="h-40 rounded-xl" />
          <Skeleton className="h-40 rounded-xl" />
        </div>
      </div>
    </LoadingRegion>
  );
}
