import type { TimeRange } from '../../facts/facts.js';
import { round } from '../../facts/units.js';
import type { ClippingResult } from '../../facts/measurements.js';
export type { ClippingResult };

const MERGE_GAP_S = 0.1;
const MAX_RANGES = 100;

/** Finds flat-topped runs and float overshoots, as AAC turns a clipped square top into both. */
export class ClippingDetector {
  private readonly runs: Int32Array;
  private peak = 0;
  private clippedRuns = 0;
  private overshootSamples = 0;
  private position = 0;
  private readonly ranges: TimeRange[] = [];
  private current: TimeRange | null = null;
  private rangeCount = 0;

  constructor(
    private readonly sampleRateHz: number,
    private readonly channels: number,
    private readonly threshold = 0.999,
    private readonly minRun = 3,
  ) {
    this.runs = new Int32Array(channels);
  }

  push(samples: Float32Array, frames: number): void {
    const { channels, threshold, runs } = this;
    let peak = this.peak;
    // One pass over the interleaved samples; a sample under the threshold (nearly all) costs a
    // compare and a store of 0, without the channel loop.
    let c = 0;
    let f = 0;
    const count = frames * channels;
    for (let i = 0; i < count; i++) {
      const x = Math.abs(samples[i]!);
      if (x > peak) peak = x;
      if (x < threshold) runs[c] = 0;
      else this.loud(x, c, f); // only samples at or near full scale
      if (++c === channels) {
        c = 0;
        f++;
      }
    }
    this.peak = peak;
    this.position += frames;
  }

  /** A sample at or above the threshold in channel `c` of frame `f` of the current chunk. */
  private loud(x: number, c: number, f: number): void {
    if (x > 1) {
      this.overshootSamples++;
      this.mark(this.position + f);
    }
    if (++this.runs[c]! === this.minRun) {
      this.clippedRuns++;
      this.mark(this.position + f - this.minRun + 1);
    }
  }

  private mark(frame: number): void {
    const timeS = frame / this.sampleRateHz;
    if (this.current && timeS - this.current.end <= MERGE_GAP_S) {
      this.current.end = Math.max(this.current.end, timeS);
      return;
    }
    this.closeRange();
    this.current = { start: timeS, end: timeS };
    this.rangeCount++;
  }

  /** Keeps the count exact and the list short. */
  private closeRange(): void {
    if (this.current && this.ranges.length < MAX_RANGES) this.ranges.push(this.current);
    this.current = null;
  }

  finish(): ClippingResult {
    this.closeRange();
    return {
      peakDbfs: this.peak > 0 ? 20 * Math.log10(this.peak) : -Infinity,
      clippedRuns: this.clippedRuns,
      overshootSamples: this.overshootSamples,
      ranges: this.ranges.map((r) => ({ start: round(r.start, 3), end: round(r.end + 1 / this.sampleRateHz, 3) })),
      rangeCount: this.rangeCount,
    };
  }
}
