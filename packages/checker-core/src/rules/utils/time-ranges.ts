import type { TimeRange, TimingEvent } from '../../facts/facts.js';
import { round } from '../../facts/units.js';

/** The frame interval that ends at each timing event, as a time range. */
export function ranges(events: TimingEvent[]): TimeRange[] {
  return events.map((e) => ({ start: round(e.atS - e.intervalS, 3), end: round(e.atS, 3) }));
}

/** Ranges `gapS` apart or closer merged into one, in time order, rounded to the millisecond. */
export function mergeRanges(ranges: readonly TimeRange[], gapS: number): TimeRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: TimeRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start - last.end <= gapS) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged.map((r) => ({ start: round(r.start, 3), end: round(r.end, 3) }));
}
