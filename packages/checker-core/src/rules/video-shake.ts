import type { FrameStats } from '../facts/measurements.js';
import type { TimeRange } from '../facts/facts.js';
import { defineRule, round } from './rule.js';
import { frameEndS, shotStarts } from './utils/picture-events.js';

export default defineRule({
  id: 'video.shake',
  area: 'video',
  notice: '全片图像无抖动跳跃',
  description:
    'No camera shake: the frame-to-frame global displacement of the picture, less its 1 s moving average (deliberate pans, zooms and slide changes), has an RMS of at most 0.4 % of the picture width in every 2 s window. Frame pairs across a cut (a shot or slide change) and pairs whose motion is local (a hand, a cursor, typing) or that show different pictures are left out; a window needs half its frame pairs measured to be judged. Static slides and screen recordings pass.',
  severity: 'error',
  needs: ['video'],
  evidence: 'range-middle',
  options: {
    maxRmsPercentOfWidth: { default: 0.4, min: 0, description: 'Largest RMS of the shake (displacement less its moving average) in a window, % of the picture width.' },
    windowS: { default: 2, min: 0.2, description: 'The windows the RMS is taken over, seconds.' },
    averageS: { default: 1, min: 0.1, description: 'The moving average taken as the intended motion (pans, zooms), seconds.' },
  },
  check({ videoAnalysis }, options) {
    const expected = { expectedId: 'video.shake/expected', expectedParams: { maxPercent: options.maxRmsPercentOfWidth, windowS: options.windowS } };
    if (!videoAnalysis) return { status: 'skip', messageId: 'skip/no-video', measured: null, ...expected };
    const frames = videoAnalysis.frames;
    const shake = shakeOf(frames, options.averageS);
    const limit = options.maxRmsPercentOfWidth / 100;
    const { worst, judged, over } = windowRms(frames, shake, options.windowS, limit);
    const measured = { worstRmsPercentOfWidth: worst ? round(100 * worst.rms, 3) : null, windowsJudged: judged };
    if (!worst || worst.rms <= limit) {
      return { status: 'pass', messageId: 'video.shake/pass', params: { worstPercent: measured.worstRmsPercentOfWidth ?? 0, windows: judged, windowS: options.windowS }, measured, ...expected };
    }
    const shaky = over.map((range) => trimmed(frames, shake, range, limit));
    const durationS = shaky.reduce((sum, r) => sum + r.end - r.start, 0);
    return {
      status: 'fail',
      messageId: 'video.shake/shaky',
      params: { worstPercent: measured.worstRmsPercentOfWidth!, worstAtS: round(worst.start, 1), count: shaky.length, durationS: round(durationS, 1) },
      measured,
      ...expected,
      at: shaky.map((r) => ({ start: round(r.start, 3), end: round(r.end, 3) })),
    };
  },
});

interface Window extends TimeRange {
  /** RMS of the shake's magnitude over the window's measured frame pairs, share of the width. */
  rms: number;
}

/**
 * Each frame pair's shake, squared (x² + y², widths²): its displacement less the mean displacement
 * of the measured pairs of its shot within ±averageS/2. NaN where it is not measured: the shot's
 * first frame (the pair spans a cut) and pairs the analysis could not measure.
 */
function shakeOf(frames: FrameStats, averageS: number): Float64Array {
  const squared = new Float64Array(frames.count).fill(Number.NaN);
  const starts = [...shotStarts(frames), frames.count];
  const half = averageS / 2;
  for (let s = 0; s + 1 < starts.length; s++) {
    const from = starts[s]! + 1;
    const to = starts[s + 1]!;
    const measured = (i: number) => Number.isFinite(frames.shiftXOfWidth[i]!) && Number.isFinite(frames.shiftYOfWidth[i]!);
    // The moving average with two pointers over the shot: [lo, hi) holds the pairs within ±half of frame i.
    let lo = from, hi = from, sumX = 0, sumY = 0, n = 0;
    for (let i = from; i < to; i++) {
      const t = frames.timeS[i]!;
      while (hi < to && frames.timeS[hi]! <= t + half + 1e-9) {
        if (measured(hi)) {
          sumX += frames.shiftXOfWidth[hi]!;
          sumY += frames.shiftYOfWidth[hi]!;
          n++;
        }
        hi++;
      }
      while (frames.timeS[lo]! < t - half - 1e-9) {
        if (measured(lo)) {
          sumX -= frames.shiftXOfWidth[lo]!;
          sumY -= frames.shiftYOfWidth[lo]!;
          n--;
        }
        lo++;
      }
      if (measured(i)) squared[i] = (frames.shiftXOfWidth[i]! - sumX / n) ** 2 + (frames.shiftYOfWidth[i]! - sumY / n) ** 2;
    }
  }
  return squared;
}

/**
 * The RMS over every window of `windowS` starting at each frame, where at least half its pairs are
 * measured: the worst (the first of equals), how many were judged, and the passages the windows over
 * `limit` cover, overlapping ones merged. Summed as the windows pass: an object a window was 90,000
 * objects for an hour, 5 MB of heap at the end of the check.
 */
function windowRms(frames: FrameStats, squared: Float64Array, windowS: number, limit: number): { worst: Window | null; judged: number; over: TimeRange[] } {
  let worst: Window | null = null;
  let judged = 0;
  const over: TimeRange[] = [];
  let hi = 0, sum = 0, measured = 0;
  for (let lo = 0; lo < frames.count; lo++) {
    const start = frames.timeS[lo]!;
    while (hi < frames.count && frames.timeS[hi]! < start + windowS - 1e-9) {
      if (Number.isFinite(squared[hi]!)) {
        sum += squared[hi]!;
        measured++;
      }
      hi++;
    }
    // A window that runs past the end is not a whole window (unless the file is shorter than one).
    if (hi === frames.count && lo > 0 && frameEndS(frames, frames.count - 1) < start + windowS - 1e-9) break;
    if (measured > 0 && measured >= (hi - lo) / 2) {
      const window = { start, end: frameEndS(frames, hi - 1), rms: Math.sqrt(Math.max(0, sum) / measured) };
      judged++;
      if (worst === null || window.rms > worst.rms) worst = window;
      if (window.rms > limit) {
        const last = over.at(-1);
        if (last && window.start <= last.end + 1e-9) last.end = Math.max(last.end, window.end);
        else over.push({ start: window.start, end: window.end });
      }
    }
    if (Number.isFinite(squared[lo]!)) {
      sum -= squared[lo]!;
      measured--;
    }
  }
  return { worst, judged, over };
}

/** A shaky passage from its first to its last pair that is itself over the limit (a window runs past them). */
function trimmed(frames: FrameStats, squared: Float64Array, range: TimeRange, limit: number): TimeRange {
  let first = -1, last = -1;
  for (let i = 0; i < frames.count; i++) {
    if (frames.timeS[i]! < range.start - 1e-9 || frames.timeS[i]! >= range.end - 1e-9) continue;
    if (squared[i]! > limit * limit) {
      if (first < 0) first = i;
      last = i;
    }
  }
  // A pair's displacement happens between the frame before and its own frame.
  return first < 0 ? range : { start: frames.timeS[Math.max(0, first - 1)]!, end: frames.timeS[last]! };
}
