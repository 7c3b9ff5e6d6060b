import type { TimingEvent, VideoTiming } from '../facts/facts.js';
import { PLAIN_ARRAYS, type ArraySource } from './scratch.js';

/** How many events of each kind the facts keep; the counts stay exact. */
export const MAX_EVENTS = 50;

/**
 * Frame timing from packet timestamps alone (ticks of the stream's time base).
 * `ptsTicks` and `dtsTicks` are in decode order, as the demuxer delivers them.
 */
export function analyzeVideoTiming(ptsTicks: ArrayLike<number>, dtsTicks: ArrayLike<number>, timeBaseS: number, memory: ArraySource = PLAIN_ARRAYS): VideoTiming {
  const frameCount = ptsTicks.length;
  const outOfOrder: TimingEvent[] = [];
  let outOfOrderCount = 0;
  for (let i = 1; i < dtsTicks.length; i++) {
    if (!(dtsTicks[i]! > dtsTicks[i - 1]!)) {
      outOfOrderCount++;
      if (outOfOrder.length < MAX_EVENTS) {
        outOfOrder.push({ atS: ptsTicks[i]! * timeBaseS, intervalS: (dtsTicks[i]! - dtsTicks[i - 1]!) * timeBaseS });
      }
    }
  }

  const sorted = memory.array(Float64Array, ptsTicks.length);
  sorted.set(ptsTicks);
  sorted.sort();
  const deltas = memory.array(Float64Array, Math.max(0, sorted.length - 1));
  for (let i = 1; i < sorted.length; i++) deltas[i - 1] = sorted[i]! - sorted[i - 1]!;
  const modeTicks = mostCommonPositive(deltas, memory);

  const timing: VideoTiming = { ...emptyTiming(frameCount), outOfOrderFrames: outOfOrder, outOfOrderFrameCount: outOfOrderCount };
  if (modeTicks === null) return timing;

  let regularSumTicks = 0;
  let regularCount = 0;
  // No closure or allocation for a regular interval: this loop sees every frame, once, cold.
  const event = (i: number): TimingEvent => ({ atS: sorted[i + 1]! * timeBaseS, intervalS: deltas[i]! * timeBaseS });
  for (let i = 0; i < deltas.length; i++) {
    const delta = deltas[i]!;
    if (delta === 0) {
      timing.duplicateFrameCount++;
      if (timing.duplicateFrames.length < MAX_EVENTS) timing.duplicateFrames.push(event(i));
      continue;
    }
    const multiple = Math.round(delta / modeTicks);
    // ±1 tick: containers with coarse time bases round 33.37 ms to 33 or 34.
    if (multiple >= 1 && Math.abs(delta - multiple * modeTicks) <= multiple) {
      if (multiple === 1) {
        regularSumTicks += delta;
        regularCount++;
      } else {
        timing.droppedFrameCount += multiple - 1;
        if (timing.droppedFrames.length < MAX_EVENTS) timing.droppedFrames.push({ ...event(i), missingFrames: multiple - 1 });
      }
    } else {
      timing.irregularFrameCount++;
      if (timing.irregularFrames.length < MAX_EVENTS) timing.irregularFrames.push(event(i));
    }
  }
  // The mean of the regular intervals recovers 1001/30000 s from a 1 ms time base's 33/34 ms mix.
  const nominalTicks = regularCount > 0 ? regularSumTicks / regularCount : modeTicks;
  timing.nominalFrameDurationS = nominalTicks * timeBaseS;
  timing.nominalFps = 1 / timing.nominalFrameDurationS;
  return timing;
}

/** Timing with no events and no rate yet. */
export function emptyTiming(frameCount: number): VideoTiming {
  return {
    frameCount,
    nominalFrameDurationS: null,
    nominalFps: null,
    irregularFrames: [],
    irregularFrameCount: 0,
    droppedFrames: [],
    droppedFrameCount: 0,
    duplicateFrames: [],
    duplicateFrameCount: 0,
    outOfOrderFrames: [],
    outOfOrderFrameCount: 0,
  };
}

/** The most common positive value; on a tie, the larger (RULES.md: the longer duration is nominal). */
export function mostCommonPositive(values: ArrayLike<number>, memory: ArraySource = PLAIN_ARRAYS): number | null {
  // Sorted, equal values are runs: no Map keyed by doubles (8 ms of a 10-minute file's quick check).
  const sorted = memory.array(Float64Array, values.length);
  sorted.set(values);
  sorted.sort();
  let best: number | null = null;
  let bestCount = 0;
  for (let i = 0; i < sorted.length; ) {
    const value = sorted[i]!;
    let end = i + 1;
    while (end < sorted.length && sorted[end] === value) end++;
    // Ascending, so `>=` lets the larger of two equally common values win.
    if (value > 0 && end - i >= bestCount) {
      best = value;
      bestCount = end - i;
    }
    i = end;
  }
  return best;
}
