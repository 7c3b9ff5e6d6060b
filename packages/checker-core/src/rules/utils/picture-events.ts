import type { TimeRange } from '../../facts/facts.js';
import type { FrameStats } from '../../facts/measurements.js';

/** Frame i's end: the next frame's time, or its own time plus the last interval. */
export function frameEndS(frames: FrameStats, i: number): number {
  if (i + 1 < frames.count) return frames.timeS[i + 1]!;
  const last = frames.count > 1 ? frames.timeS[i]! - frames.timeS[i - 1]! : 0.04;
  return frames.timeS[i]! + last;
}

/** The largest change of mean luma or chroma between two frames, 8-bit code values. */
function change(frames: FrameStats, a: number, b: number): number {
  return Math.max(
    Math.abs(frames.yMean[a]! - frames.yMean[b]!),
    Math.abs(frames.uMean[a]! - frames.uMean[b]!),
    Math.abs(frames.vMean[a]! - frames.vMean[b]!),
  );
}

export interface Flash extends TimeRange {
  frames: 1 | 2;
  /** How far the flash frame(s) stand from their neighbours, code values. */
  deltaCodeValues: number;
  brighter: boolean;
}

/**
 * Single- and two-frame flashes: frames that differ from both neighbours by ≥ `minDelta` while
 * the neighbours differ from each other by ≤ `maxNeighbourDelta`. A clean cut changes once and
 * stays, so it is not a flash.
 */
export function detectFlashes(frames: FrameStats, { minDelta = 20, maxNeighbourDelta = 5 } = {}): Flash[] {
  const flashes: Flash[] = [];
  for (let i = 1; i + 1 < frames.count; i++) {
    const single = change(frames, i, i - 1) >= minDelta && change(frames, i, i + 1) >= minDelta && change(frames, i - 1, i + 1) <= maxNeighbourDelta;
    if (single) {
      flashes.push({ start: frames.timeS[i]!, end: frameEndS(frames, i), frames: 1, deltaCodeValues: Math.min(change(frames, i, i - 1), change(frames, i, i + 1)), brighter: frames.yMean[i]! > frames.yMean[i - 1]! });
      continue;
    }
    if (i + 2 >= frames.count) continue;
    const double =
      change(frames, i, i - 1) >= minDelta && change(frames, i + 1, i + 2) >= minDelta && change(frames, i + 1, i - 1) >= minDelta && change(frames, i - 1, i + 2) <= maxNeighbourDelta;
    if (double) {
      flashes.push({ start: frames.timeS[i]!, end: frameEndS(frames, i + 1), frames: 2, deltaCodeValues: Math.min(change(frames, i, i - 1), change(frames, i + 1, i + 2)), brighter: frames.yMean[i]! > frames.yMean[i - 1]! });
      i++;
    }
  }
  return flashes;
}

/** Runs of frames whose mean luma is ≤ `maxLuma`, at least `minDurationS` long. */
export function detectBlack(frames: FrameStats, { maxLuma = 20, minDurationS = 1 } = {}): TimeRange[] {
  const segments: TimeRange[] = [];
  let start = -1;
  for (let i = 0; i <= frames.count; i++) {
    const black = i < frames.count && frames.yMean[i]! <= maxLuma;
    if (black && start < 0) start = i;
    if (!black && start >= 0) {
      const range = { start: frames.timeS[start]!, end: frameEndS(frames, i - 1) };
      if (range.end - range.start >= minDurationS - 1e-6) segments.push(range);
      start = -1;
    }
  }
  return segments;
}

/**
 * Frame indexes where a new shot starts (histogram distance ≥ `threshold`), 0 included. The jumps
 * into and out of a flash frame are not cuts: the picture comes back to the same shot.
 */
export function shotStarts(frames: FrameStats, threshold = 0.3): number[] {
  const flashFrames = new Set<number>();
  for (const flash of detectFlashes(frames)) {
    const first = frames.timeS.findIndex((t) => t >= flash.start - 1e-9);
    for (let i = first; i < first + flash.frames + 1; i++) flashFrames.add(i);
  }
  const starts = frames.count > 0 ? [0] : [];
  for (let i = 1; i < frames.count; i++) if (frames.cut[i]! >= threshold && !flashFrames.has(i)) starts.push(i);
  return starts;
}

export interface Cast {
  /** Mean chroma offset of the near-neutral pixels from neutral (Cb−128, Cr−128). */
  u: number;
  v: number;
  /** Distance from neutral, code values. */
  magnitude: number;
  /** Share of the picture that is near-neutral (what the cast is judged on). */
  neutralShare: number;
}

/** The near-neutral pixels' mean chroma over frames [from, to), weighted by how many there are. */
export function castOver(frames: FrameStats, from: number, to: number): Cast {
  let weight = 0, u = 0, v = 0;
  for (let i = from; i < to; i++) {
    const share = frames.neutralShare[i]!;
    weight += share;
    u += share * frames.neutralU[i]!;
    v += share * frames.neutralV[i]!;
  }
  const meanU = weight > 0 ? u / weight : 0;
  const meanV = weight > 0 ? v / weight : 0;
  return { u: meanU, v: meanV, magnitude: Math.hypot(meanU, meanV), neutralShare: to > from ? weight / (to - from) : 0 };
}

/** The six hues of BT.601's Cb/Cr plane, for naming a cast's direction (the catalogues name them per locale). */
const HUES = [
  { name: 'blue', u: 0.5, v: -0.081 },
  { name: 'magenta', u: 0.331, v: 0.419 },
  { name: 'red', u: -0.169, v: 0.5 },
  { name: 'yellow', u: -0.5, v: 0.081 },
  { name: 'green', u: -0.331, v: -0.419 },
  { name: 'cyan', u: 0.169, v: -0.5 },
] as const;

export type CastDirection = (typeof HUES)[number]['name'];

export function castDirection(u: number, v: number): CastDirection {
  const angle = Math.atan2(v, u);
  let best: (typeof HUES)[number] = HUES[0];
  let bestDistance = Infinity;
  for (const hue of HUES) {
    const difference = Math.abs(Math.atan2(Math.sin(angle - Math.atan2(hue.v, hue.u)), Math.cos(angle - Math.atan2(hue.v, hue.u))));
    if (difference < bestDistance) {
      bestDistance = difference;
      best = hue;
    }
  }
  return best.name;
}

/**
 * Repeated frames inside motion: a frame (nearly) identical to the one before it while the
 * picture moves on both sides. A static slide has no motion around it, so it never counts.
 */
export function detectFrozenFrames(frames: FrameStats, { stillDiff = 0.5, motionDiff = 1 } = {}): number[] {
  const frozen: number[] = [];
  for (let i = 2; i + 1 < frames.count; i++) {
    const motion = Math.min(frames.diff[i - 1]!, frames.diff[i + 1]!);
    // Still, and still by a wide margin against the motion on both sides.
    if (motion >= motionDiff && frames.diff[i]! < Math.min(stillDiff, 0.2 * motion)) frozen.push(i);
  }
  return frozen;
}

/**
 * Repeated frames at a regular cadence: what a frame-rate conversion leaves (20 → 25 fps repeats
 * every 5th frame, 24 → 25 one frame a second), even where the motion covers a small part of the
 * picture (a picture-in-picture over a still slide). A candidate is a frame that changes (almost)
 * nothing while the frames on both sides change something, judged on the largest change of any
 * block (`blockDiffMax`: a small inset's motion, which the mean over the picture dilutes to a
 * hundredth of a level) or on the mean change; either way no block of it may change much where its
 * neighbours do (a mean hides an inset that moves a pixel). Only candidates that recur at a steady
 * interval, between frames that nearly all move, count. Typing in a screen recording pauses at
 * random, and a slow cursor moves one pixel every few frames and stands still in between: neither
 * is a picture that moves on every frame but the repeats.
 */
export function detectCadenceRepeats(
  frames: FrameStats,
  { minMotion = 0.02, minBlockMotion = 0.5, maxRatio = 0.1, minRepeats = 4, minRegularShare = 0.6, minMovingShare = 0.9 } = {},
): number[] {
  const { diff, blockDiffMax: blocks } = frames;
  const still = (change: ArrayLike<number>, i: number, motion: number) => {
    const around = Math.min(change[i - 1]!, change[i + 1]!);
    return around >= motion && change[i]! <= maxRatio * around;
  };
  const candidates: number[] = [];
  for (let i = 1; i + 1 < frames.count; i++) {
    const blocksStill = blocks[i]! <= maxRatio * Math.min(blocks[i - 1]!, blocks[i + 1]!);
    if (blocksStill && (still(blocks, i, minBlockMotion) || still(diff, i, minMotion))) candidates.push(i);
  }
  if (candidates.length < minRepeats + 1) return [];
  const intervals = candidates.slice(1).map((c, k) => c - candidates[k]!);
  const counts = new Map<number, number>();
  for (const interval of intervals) counts.set(interval, (counts.get(interval) ?? 0) + 1);
  const [cadence] = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
  // Conversions alternate by a frame (24 → 25 at 25 fps: 25, sometimes 24 or 26).
  const regular = (interval: number) => Math.abs(interval - cadence) <= 1;
  const regularCount = intervals.filter(regular).length;
  if (cadence < 2 || regularCount < minRepeats || regularCount < minRegularShare * intervals.length) return [];
  const repeats = candidates.filter((c, k) => regular(intervals[k] ?? Infinity) || regular(intervals[k - 1] ?? Infinity));
  const repeated = new Set(repeats);
  let between = 0;
  let moving = 0;
  for (let i = repeats[0]!; i <= repeats.at(-1)!; i++) {
    if (repeated.has(i)) continue;
    between++;
    if (diff[i]! >= minMotion || blocks[i]! >= minBlockMotion) moving++;
  }
  return moving >= minMovingShare * between ? repeats : [];
}
