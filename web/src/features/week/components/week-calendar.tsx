import type { WorkingHours } from '@tiltmeter/shared/metrics';
import type { WeekDetailResponse, WeekEntry } from '@tiltmeter/shared/metrics-api';
import {
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  type CalendarCategory,
  categoryLabel,
  entryStyle,
  SUBTYPE_STYLES,
  type SubtypeKey,
} from '../../../components/charts/palette.ts';
import { SignalGlyph } from '../../../components/charts/signal-badge.tsx';
import { cn } from '../../../lib/cn.ts';
import { formatHours, formatMinutes } from '../../../lib/format-metrics.ts';
import { formatDayLabel } from '../../../lib/iso-week.ts';
import {
  type DayLayout,
  type DaySegment,
  layoutWeek,
  type PlacedSegment,
  visibleHours,
} from '../utils/calendar-layout.ts';
import { dayBackgrounds, focusCostByEntry, type MinuteRange, workingSpan } from '../utils/week-model.ts';
import { clockLabel } from '../utils/zoned-time.ts';

export const HOUR_PX = 44;
const SNAP_MINUTES = 15;
const MIN_BLOCK_PX = 18;

export interface DraftRange {
  date: string;
  startMinute: number;
  endMinute: number;
}

interface WeekCalendarProps {
  detail: WeekDetailResponse;
  dates: readonly string[];
  workingHours: WorkingHours | null;
  /** Today's local date in the member's zone, to mark its column; null when the week is not this one. */
  today: string | null;
  /** An entry was chosen (click, Enter or Space): open its reclassify popover next to `anchor`. */
  onOpenEntry: (entry: WeekEntry, anchor: HTMLElement) => void;
  /** Empty time was dragged over (or clicked): propose a new entry there. */
  onCreateDraft: (draft: DraftRange) => void;
  /** The entry whose popover is open, drawn as selected. */
  activeEntryId?: string | null;
}

type Segment = DaySegment<WeekEntry> | PlacedSegment<WeekEntry>;

/**
 * The week as a calendar, Monday to Sunday in the member's time zone. Behind the entries: working
 * hours (the rest is shaded), maker capacity (free blocks of N minutes or more, dashed) and deep
 * blocks (the blue rail). Entries are buttons in one tab stop: arrow keys move between them, Enter
 * opens the entry's popover (reclassify, edit, delete), and the reason shows on hover and on focus alike.
 */
export function WeekCalendar({
  detail,
  dates,
  workingHours,
  today,
  onOpenEntry,
  onCreateDraft,
  activeEntryId,
}: WeekCalendarProps) {
  const days = useMemo(() => layoutWeek(detail.entries, dates, detail.timeZone), [detail, dates]);
  const backgrounds = useMemo(
    () => dayBackgrounds(detail, dates, workingHours),
    [detail, dates, workingHours],
  );
  const costs = useMemo(() => focusCostByEntry(detail), [detail]);
  const { startHour, endHour } = visibleHours(days, workingSpan(workingHours));
  const hours = Array.from({ length: endHour - startHour }, (_, index) => startHour + index);
  const bodyHeight = (endHour - startHour) * HOUR_PX;
  const hasAllDay = days.some((day) => day.allDay.length > 0);
  // Empty weekend days take half a column: the working days get the room.
  const columns = `2.75rem ${days
    .map((day, index) =>
      index >= 5 && day.timed.length === 0 && day.allDay.length === 0 ? 'minmax(0,0.5fr)' : 'minmax(0,1fr)',
    )
    .join(' ')}`;
  const heavyDays = new Set(
    detail.metrics.signals
      .filter((signal) => signal.code === 'heavy_meeting_day')
      .map((signal) => signal.date),
  );

  // Keyboard order: day by day, all-day pieces first, then by start.
  const order = useMemo(() => {
    const list: { segment: Segment; dayIndex: number; key: string }[] = [];
    days.forEach((day, dayIndex) => {
      for (const segment of [...day.allDay, ...day.timed]) {
        list.push({ segment, dayIndex, key: `${segment.entry.id}@${segment.date}` });
      }
    });
    return list;
  }, [days]);

  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [tip, setTip] = useState<string | null>(null);
  const blockRefs = useRef(new Map<string, HTMLButtonElement>());
  const rovingKey = order.some((item) => item.key === focusKey) ? focusKey : (order[0]?.key ?? null);

  function moveFocus(from: string, event: KeyboardEvent<HTMLButtonElement>) {
    const index = order.findIndex((item) => item.key === from);
    const current = order[index];
    if (!current) return;
    let next: (typeof order)[number] | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = order[index + 1];
        break;
      case 'ArrowUp':
        next = order[index - 1];
        break;
      case 'ArrowRight':
      case 'ArrowLeft': {
        const step = event.key === 'ArrowRight' ? 1 : -1;
        const start = 'startMinute' in current.segment ? current.segment.startMinute : 0;
        for (let day = current.dayIndex + step; day >= 0 && day < days.length; day += step) {
          const candidates = order.filter((item) => item.dayIndex === day);
          if (candidates.length === 0) continue;
          next = candidates.reduce((best, item) =>
            Math.abs(item.segment.startMinute - start) < Math.abs(best.segment.startMinute - start)
              ? item
              : best,
          );
          break;
        }
        break;
      }
      case 'Home':
        next = order[0];
        break;
      case 'End':
        next = order.at(-1);
        break;
      default:
        return;
    }
    event.preventDefault();
    if (next) {
      setFocusKey(next.key);
      blockRefs.current.get(next.key)?.focus();
    }
  }

  const blockProps = (segment: Segment, key: string) => ({
    key,
    segment,
    cost: costs.get(segment.entry.id) ?? 0,
    selected: activeEntryId === segment.entry.id,
    tabIndex: key === rovingKey ? 0 : -1,
    showTip: tip === key,
    tipSide: (dates.indexOf(segment.date) >= 4 ? 'left' : 'right') as 'left' | 'right',
    tipUp: segment.startMinute > (startHour + (endHour - startHour) * 0.6) * 60,
    registerRef: (element: HTMLButtonElement | null) => {
      if (element) blockRefs.current.set(key, element);
      else blockRefs.current.delete(key);
    },
    onFocus: () => {
      setFocusKey(key);
      setTip(key);
    },
    onBlur: () => setTip((current) => (current === key ? null : current)),
    onPointerEnter: () => setTip(key),
    onPointerLeave: () => setTip((current) => (current === key ? null : current)),
    onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
      if (event.key === 'Escape') setTip(null);
      else moveFocus(key, event);
    },
    onOpen: (anchor: HTMLElement) => {
      setTip(null);
      onOpenEntry(segment.entry, anchor);
    },
  });

  return (
    <div className="min-w-[38rem]">
      {/* Day headers */}
      <div className="grid border-b border-slate-200" style={{ gridTemplateColumns: columns }}>
        <div />
        {dates.map((date) => {
          const day = detail.days.find((d) => d.facts.date === date)?.facts;
          const isToday = date === today;
          return (
            <div key={date} className="min-w-0 border-l border-slate-100 px-1.5 pt-1 pb-2">
              <p
                className={cn(
                  'flex items-center gap-1.5 text-[13px] font-semibold whitespace-nowrap',
                  isToday ? 'text-accent-700' : 'text-slate-800',
                )}
              >
                <span className={cn(isToday && '-mx-1 rounded-md bg-accent-600 px-1 text-white')}>
                  {formatDayLabel(date).replace(/ \w+$/, '')}
                </span>
                {isToday && <span className="sr-only">(today)</span>}
              </p>
              <p className="mt-1 flex flex-wrap gap-x-1.5 text-[11px] leading-4 text-slate-600 tabular-nums">
                {day && day.makerMinutes + day.managerMinutes > 0 ? (
                  <>
                    <span className="inline-flex items-center gap-1">
                      <span aria-hidden="true" className="size-2 rounded-[2px] bg-maker" />
                      <span className="sr-only">Maker </span>
                      {formatHours(day.makerMinutes)}
                    </span>
                    <span className="inline-flex items-center gap-1">
                      <span aria-hidden="true" className="size-2 rounded-[2px] bg-manager" />
                      <span className="sr-only">Manager </span>
                      {formatHours(day.managerMinutes)}
                    </span>
                  </>
                ) : (
                  <span className="text-slate-400">–</span>
                )}
              </p>
              {heavyDays.has(date) && (
                <p className="mt-1 flex items-center gap-1 truncate text-[11px] leading-4 font-medium text-amber-900">
                  <SignalGlyph level="warning" className="size-2.5" />
                  Heavy day
                </p>
              )}
            </div>
          );
        })}
      </div>

      {/* All-day row */}
      {hasAllDay && (
        <div
          className="grid border-b border-slate-200 bg-slate-50/60"
          style={{ gridTemplateColumns: columns }}
        >
          <div className="px-1 py-1.5 text-right text-[10px] font-medium tracking-wide text-slate-500 uppercase">
            All day
          </div>
          {days.map((day) => (
            <div key={day.date} className="relative min-w-0 space-y-1 border-l border-slate-100 p-1">
              {day.allDay.map((segment) => {
                const key = `${segment.entry.id}@${segment.date}`;
                return <EntryBlock {...blockProps(segment, key)} key={key} variant="all-day" />;
              })}
            </div>
          ))}
        </div>
      )}

      {/* Timed grid */}
      <div className="grid" style={{ gridTemplateColumns: columns }}>
        <div className="relative" style={{ height: bodyHeight }} aria-hidden="true">
          {hours.map((hour, index) => (
            <span
              key={hour}
              className="absolute right-2 -translate-y-1/2 text-[11px] text-slate-500 tabular-nums"
              style={{ top: index * HOUR_PX }}
            >
              {index === 0 ? '' : clockLabel(hour * 60)}
            </span>
          ))}
        </div>
        {days.map((day, index) => (
          <DayColumn
            key={day.date}
            day={day}
            background={backgrounds[index]}
            startHour={startHour}
            height={bodyHeight}
            onCreateDraft={onCreateDraft}
          >
            {day.timed.map((segment) => {
              const key = `${segment.entry.id}@${segment.date}`;
              return <EntryBlock {...blockProps(segment, key)} key={key} startHour={startHour} />;
            })}
          </DayColumn>
        ))}
      </div>
    </div>
  );
}

function top(minute: number, startHour: number): number {
  return ((minute - startHour * 60) / 60) * HOUR_PX;
}

function DayColumn({
  day,
  background,
  startHour,
  height,
  onCreateDraft,
  children,
}: {
  day: DayLayout<WeekEntry>;
  background: { working: MinuteRange[]; deep: MinuteRange[]; capacity: MinuteRange[] } | undefined;
  startHour: number;
  height: number;
  onCreateDraft: (draft: DraftRange) => void;
  children: ReactNode;
}) {
  const [drag, setDrag] = useState<{ anchor: number; current: number } | null>(null);
  const surfaceRef = useRef<HTMLDivElement>(null);

  const minuteAt = (clientY: number) => {
    const rect = surfaceRef.current?.getBoundingClientRect();
    const y = rect ? clientY - rect.top : 0;
    const raw = startHour * 60 + (y / HOUR_PX) * 60;
    return Math.max(0, Math.min(1440, Math.round(raw / SNAP_MINUTES) * SNAP_MINUTES));
  };
  const range = drag
    ? {
        startMinute: Math.min(drag.anchor, drag.current),
        endMinute: Math.max(drag.anchor, drag.current, Math.min(drag.anchor, drag.current) + SNAP_MINUTES),
      }
    : null;

  return (
    <div className="relative min-w-0 border-l border-slate-100" style={{ height }}>
      {/* Off-hours shade: the whole column, with the working ranges cut out in white. */}
      <div
        aria-hidden="true"
        className="absolute inset-0 bg-slate-100/70"
        style={{
          backgroundImage:
            'repeating-linear-gradient(135deg, transparent 0 6px, rgb(148 163 184 / 0.12) 6px 7px)',
        }}
      />
      {background?.working.map((range) => (
        <div
          key={`w${range.startMinute}`}
          aria-hidden="true"
          className="absolute inset-x-0 bg-white"
          style={{
            top: top(range.startMinute, startHour),
            height: ((range.endMinute - range.startMinute) / 60) * HOUR_PX,
          }}
        />
      ))}
      {/* Hour lines */}
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-0"
        style={{
          backgroundImage: `linear-gradient(to bottom, rgb(226 232 240) 1px, transparent 1px), linear-gradient(to bottom, rgb(241 245 249) 1px, transparent 1px)`,
          backgroundSize: `100% ${HOUR_PX}px, 100% ${HOUR_PX / 2}px`,
        }}
      />
      {/* Capacity: free blocks long enough for deep work, whether or not they were used. */}
      {background?.capacity.map((range) => (
        <div
          key={`c${range.startMinute}`}
          aria-hidden="true"
          data-testid="capacity-block"
          className="absolute inset-x-0.5 rounded-sm border border-dashed border-maker/50 bg-maker-soft/70"
          style={{
            top: top(range.startMinute, startHour),
            height: ((range.endMinute - range.startMinute) / 60) * HOUR_PX,
            backgroundImage:
              'repeating-linear-gradient(45deg, transparent 0 5px, rgb(86 180 233 / 0.18) 5px 7px)',
          }}
        />
      ))}
      {/* Deep blocks: the rail on the left edge. */}
      {background?.deep.map((range) => (
        <div
          key={`d${range.startMinute}`}
          aria-hidden="true"
          data-testid="deep-block"
          className="absolute left-0.5 w-1.5 rounded-full bg-maker"
          style={{
            top: top(range.startMinute, startHour) + 1,
            height: ((range.endMinute - range.startMinute) / 60) * HOUR_PX - 2,
          }}
        />
      ))}
      {/* The surface empty time is dragged on; entries sit above it. */}
      <div
        ref={surfaceRef}
        aria-hidden="true"
        data-testid={`drag-surface-${day.date}`}
        className="absolute inset-0 cursor-crosshair touch-none"
        onPointerDown={(event: PointerEvent<HTMLDivElement>) => {
          if (event.button !== 0) return;
          event.currentTarget.setPointerCapture?.(event.pointerId);
          const minute = minuteAt(event.clientY);
          const anchor = Math.floor(minute / SNAP_MINUTES) * SNAP_MINUTES;
          setDrag({ anchor, current: anchor + 2 * SNAP_MINUTES });
        }}
        onPointerMove={(event) => {
          if (!drag) return;
          setDrag({ ...drag, current: minuteAt(event.clientY) });
        }}
        onPointerUp={() => {
          if (range) onCreateDraft({ date: day.date, ...range });
          setDrag(null);
        }}
        onPointerCancel={() => setDrag(null)}
      />
      {range && (
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-x-1 z-10 rounded-md border-2 border-dashed border-accent-600 bg-accent-50/80 px-1.5 py-0.5 text-[11px] font-medium text-accent-700"
          style={{
            top: top(range.startMinute, startHour),
            height: ((range.endMinute - range.startMinute) / 60) * HOUR_PX,
          }}
        >
          {clockLabel(range.startMinute)}–{clockLabel(range.endMinute)}
        </div>
      )}
      {children}
    </div>
  );
}

interface EntryBlockProps {
  segment: Segment;
  cost: number;
  selected: boolean;
  tabIndex: number;
  showTip: boolean;
  tipSide: 'left' | 'right';
  /** Open the tooltip upwards (entries low in the day), so it stays inside the calendar. */
  tipUp?: boolean;
  startHour?: number;
  variant?: 'timed' | 'all-day';
  registerRef: (element: HTMLButtonElement | null) => void;
  onFocus: () => void;
  onBlur: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
  onOpen: (anchor: HTMLElement) => void;
}

function EntryBlock({
  segment,
  cost,
  selected,
  tabIndex,
  showTip,
  tipSide,
  tipUp = false,
  startHour = 0,
  variant = 'timed',
  registerRef,
  onFocus,
  onBlur,
  onPointerEnter,
  onPointerLeave,
  onKeyDown,
  onOpen,
}: EntryBlockProps) {
  const { entry } = segment;
  const category = entry.category as CalendarCategory;
  const label = categoryLabel(category, entry.subtype);
  const title = entry.title ?? (entry.category === 'manager' ? 'Meeting' : 'Untitled entry');
  const time =
    variant === 'all-day' ? 'all day' : `${clockLabel(segment.startMinute)}–${clockLabel(segment.endMinute)}`;
  const minutes = segment.endMinute - segment.startMinute;
  const tipId = `tip-${entry.id}-${segment.date}`;
  const style = entryStyle(category, entry.subtype);

  let position: CSSProperties = {};
  if (variant === 'timed' && 'column' in segment) {
    const height = Math.max((minutes / 60) * HOUR_PX, MIN_BLOCK_PX) - 2;
    position = {
      position: 'absolute',
      top: top(segment.startMinute, startHour) + 1,
      height,
      left: `calc(0.625rem + (100% - 0.75rem) * ${segment.column} / ${segment.columns})`,
      width: `calc((100% - 0.75rem) * ${segment.span} / ${segment.columns} - 2px)`,
    };
  }
  const compact = variant === 'timed' && (minutes / 60) * HOUR_PX < 34;
  const subtypeShort =
    category === 'manager' ? SUBTYPE_STYLES[(entry.subtype ?? 'unspecified') as SubtypeKey]?.short : null;

  return (
    <div
      className={cn(
        variant === 'timed' ? 'z-[1] hover:z-20 focus-within:z-20' : 'relative',
        showTip && 'z-30',
      )}
      style={variant === 'timed' ? { ...position, position: 'absolute' } : undefined}
    >
      <button
        ref={registerRef}
        type="button"
        tabIndex={tabIndex}
        data-entry-id={entry.id}
        data-category={entry.category}
        aria-label={`${title}, ${formatDayLabel(segment.date, { weekday: 'long' })} ${time}, ${label}${entry.overridden ? ', classified by you' : ''}`}
        aria-describedby={tipId}
        aria-haspopup="dialog"
        onClick={(event) => onOpen(event.currentTarget)}
        onFocus={onFocus}
        onBlur={onBlur}
        onPointerEnter={onPointerEnter}
        onPointerLeave={onPointerLeave}
        onKeyDown={onKeyDown}
        className={cn(
          'group block h-full w-full overflow-hidden rounded-md border text-left shadow-xs transition-shadow hover:shadow-md focus-visible:outline-2 focus-visible:outline-offset-1',
          variant === 'all-day' ? 'px-1.5 py-0.5' : compact ? 'px-1.5' : 'px-1.5 py-1',
          entry.category === 'unclassified' && 'border-2',
          selected && 'ring-2 ring-accent-600 ring-offset-1',
        )}
        style={style}
      >
        <span
          className={cn(
            'flex min-w-0 gap-1 text-[11px] leading-[14px] font-semibold',
            compact ? 'items-center' : 'items-start',
          )}
        >
          <span
            className={cn('min-w-0 flex-1', compact || variant === 'all-day' ? 'truncate' : 'line-clamp-2')}
          >
            {entry.overridden && (
              <span aria-hidden="true" title="Classified by you" className="mr-0.5">
                ✎
              </span>
            )}
            {title}
          </span>
          {cost > 0 && (
            <span
              aria-hidden="true"
              className="shrink-0 rounded-sm bg-critical px-0.5 text-[9px] leading-[13px] font-bold text-white"
            >
              −{cost}m
            </span>
          )}
        </span>
        {!compact && variant === 'timed' && minutes >= 45 && (
          <span className="block truncate text-[10.5px] leading-[14px] opacity-85 tabular-nums">
            {time}
            {subtypeShort
              ? ` · ${subtypeShort}`
              : category === 'excluded'
                ? ' · excluded'
                : category === 'unclassified'
                  ? ' · unclassified'
                  : ''}
          </span>
        )}
      </button>
      <div
        id={tipId}
        role="tooltip"
        className={cn(
          'pointer-events-none absolute z-40 w-64 rounded-lg bg-slate-900 px-3 py-2.5 text-xs leading-5 text-slate-100 shadow-xl',
          tipSide === 'right' ? 'left-full ml-2' : 'right-full mr-2',
          tipUp ? 'bottom-0' : 'top-0',
          showTip ? 'block' : 'hidden',
        )}
      >
        <span className="block font-semibold text-white">{title}</span>
        <span className="block text-slate-300 tabular-nums">
          {formatDayLabel(segment.date)} · {time} · {formatMinutes(minutes)}
        </span>
        <span className="mt-1.5 block">
          <span className="font-medium text-white">{label}. </span>
          {entry.reason}
        </span>
        {cost > 0 && (
          <span className="mt-1 block text-red-200">
            Cost {formatMinutes(cost)} of deep time beyond its own length.
          </span>
        )}
        <span className="mt-1.5 block text-slate-400">
          Press Enter or click to reclassify, edit or delete.
        </span>
      </div>
    </div>
  );
}
