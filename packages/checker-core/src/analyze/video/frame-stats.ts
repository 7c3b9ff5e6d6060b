import { Growable } from '../audio/growable.js';
import type { FrameStats } from '../../facts/measurements.js';
export type { FrameStats };

/** The analysis picture: small enough to measure in TypeScript, large enough for means, cuts and neutrals. */
export const ANALYSIS_WIDTH = 64;
export const ANALYSIS_HEIGHT = 36;
export const PIXELS = ANALYSIS_WIDTH * ANALYSIS_HEIGHT;
/** yuv444p: three full planes a frame. */
export const FRAME_BYTES = PIXELS * 3;

/** "Near-neutral" pixels (RULES.md, colour cast): bright and nearly grey, what should be white or grey. */
export const NEUTRAL_MIN_LUMA = 160;
export const NEUTRAL_MAX_CHROMA = 30;

const LUMA_BINS = 16;
const CHROMA_BINS = 8;

/** Measures frames as they stream in; memory is a few numbers per frame. */
export class FrameMeter {
  private readonly columns: Record<'yMean' | 'uMean' | 'vMean' | 'diff' | 'cut' | 'neutralShare' | 'neutralU' | 'neutralV', Growable>;

  /** `expectedFrames`: the frames the packets promise, to hold them without spare room. */
  constructor(expectedFrames?: number) {
    const column = () => new Growable(expectedFrames);
    this.columns = {
      yMean: column(), uMean: column(), vMean: column(), diff: column(), cut: column(),
      neutralShare: column(), neutralU: column(), neutralV: column(),
    };
  }
  private previousLuma: Uint8Array | null = null;
  private previousHistogram: Float64Array | null = null;
  private count = 0;
  /** Two of each, swapped every frame: no allocation per picture. */
  private readonly lumas = [new Uint8Array(PIXELS), new Uint8Array(PIXELS)];
  private readonly histograms = [new Float64Array(LUMA_BINS + 2 * CHROMA_BINS), new Float64Array(LUMA_BINS + 2 * CHROMA_BINS)];

  /**
   * `frame` holds one yuv444p picture of ANALYSIS_WIDTH × ANALYSIS_HEIGHT from `offset` (a chunk of
   * the pipe holds several: read in place, no view allocated a picture).
   */
  push(frame: Uint8Array, offset = 0): void {
    const y0 = offset;
    const u0 = offset + PIXELS;
    const v0 = offset + 2 * PIXELS;
    const histogram = this.histograms[this.count & 1]!.fill(0);
    let ySum = 0, uSum = 0, vSum = 0, diffSum = 0, neutral = 0, neutralU = 0, neutralV = 0;
    const previous = this.previousLuma;
    for (let i = 0; i < PIXELS; i++) {
      const y = frame[y0 + i]!;
      const u = frame[u0 + i]!;
      const v = frame[v0 + i]!;
      ySum += y;
      uSum += u;
      vSum += v;
      if (previous) diffSum += Math.abs(y - previous[i]!);
      histogram[y >> 4]!++;
      histogram[LUMA_BINS + (u >> 5)]!++;
      histogram[LUMA_BINS + CHROMA_BINS + (v >> 5)]!++;
      const du = u - 128;
      const dv = v - 128;
      if (y >= NEUTRAL_MIN_LUMA && du <= NEUTRAL_MAX_CHROMA && du >= -NEUTRAL_MAX_CHROMA && dv <= NEUTRAL_MAX_CHROMA && dv >= -NEUTRAL_MAX_CHROMA) {
        neutral++;
        neutralU += du;
        neutralV += dv;
      }
    }
    let distance = 0;
    if (this.previousHistogram) for (let b = 0; b < histogram.length; b++) distance += Math.abs(histogram[b]! - this.previousHistogram[b]!);
    const c = this.columns;
    c.yMean.push(ySum / PIXELS);
    c.uMean.push(uSum / PIXELS);
    c.vMean.push(vSum / PIXELS);
    c.diff.push(previous ? diffSum / PIXELS : 0);
    // Three histograms of PIXELS each: the L1 distance runs to 6·PIXELS.
    c.cut.push(this.previousHistogram ? distance / (6 * PIXELS) : 0);
    c.neutralShare.push(neutral / PIXELS);
    c.neutralU.push(neutral ? neutralU / neutral : 0);
    c.neutralV.push(neutral ? neutralV / neutral : 0);
    // The bytes are the caller's only during this call: keep a copy.
    const kept = this.lumas[this.count & 1]!;
    for (let i = 0; i < PIXELS; i++) kept[i] = frame[y0 + i]!;
    this.previousLuma = kept;
    this.previousHistogram = histogram;
    this.count++;
  }

  finish(frameTimesS: ArrayLike<number>, frameDurationS: number): FrameStats {
    const c = this.columns;
    // Frame times come from the packet scan; a frame past its list continues at the nominal rate.
    const timeS = Float64Array.from({ length: this.count }, (_, i) =>
      i < frameTimesS.length ? frameTimesS[i]! : (frameTimesS[frameTimesS.length - 1] ?? 0) + (i - frameTimesS.length + 1) * frameDurationS,
    );
    return {
      count: this.count, timeS,
      yMean: c.yMean.toArray(), uMean: c.uMean.toArray(), vMean: c.vMean.toArray(), diff: c.diff.toArray(), cut: c.cut.toArray(),
      neutralShare: c.neutralShare.toArray(), neutralU: c.neutralU.toArray(), neutralV: c.neutralV.toArray(),
    };
  }
}
