export { BACK_TO_BACK_GAP_MINUTES, computeDayDetail, computeDayFacts, type DayContext } from './day-facts.ts';
export {
  belowTargetStreaks,
  computeDrift,
  DRIFT_BASELINE_WEEKS,
  DRIFT_MIN_BASELINE_WEEKS,
  DRIFT_WINDOW_WEEKS,
  type Drift,
  type WeekShareInput,
} from './drift.ts';
export { focusCostOf, focusCostsOf, focusEligible, rankSeriesByFocusCost } from './focus-cost.ts';
export {
  type CountedCategory,
  type MetricEntry,
  mergeIntervals,
  resolveTimeline,
  type Segment,
  subtractIntervals,
} from './intervals.ts';
export { computeSignals, formatMinutes, type SignalWeekInput, type WeekSignals } from './signals.ts';
export { resolveThresholds, type ThresholdLayers } from './thresholds.ts';
export {
  addDays,
  addIsoWeeks,
  datesOfIsoWeek,
  dayBounds,
  type Interval,
  isoWeekBounds,
  isoWeekday,
  isoWeekFromIndex,
  isoWeekIndex,
  isoWeekOf,
  isoWeekOfDate,
  localDateOf,
  localDatesTouched,
  localTimeToInstant,
  workingIntervals,
} from './time.ts';
export {
  computeWeekDetail,
  rollUpWeek,
  toWeekMetrics,
  type WeekContext,
  type WeekRollup,
} from './week-metrics.ts';
