import { Growable } from '../audio/growable.js';
import type { FrameStats } from '../../facts/measurements.js';
import { profileShift } from './profile-shift.js';
export type { FrameStats };

/** The analysis picture: small enough to measure in TypeScript, large enough for means, cuts and neutrals. */
export const ANALYSIS_WIDTH = 64;
export const ANALYSIS_HEIGHT = 36;
export const PIXELS = ANALYSIS_WIDTH * ANALYSIS_HEIGHT;

/**
 * The decoder delivers yuv420p at twice the analysis size: its chroma planes are the analysis
 * picture's chroma, and its luma plane, 128×72, serves what 64×36 is too coarse for — the picture's
 * global displacement (video.shake: 0.4 % of the width is 0.26 px at 64 wide, 0.51 px at 128) and
 * block-wise changes (a moving picture-in-picture) — and, averaged 2×2, is the analysis luma.
 * Measured on a 720p textured scene shaken by known offsets, the displacement's RMS error per frame
 * pair is 0.057 % of the width from 64×36 profiles, 0.033 % from 128×72 and 0.007 % from 256×144;
 * 128×72 keeps it under a tenth of the limit at a quarter of 256×144's cost in Node.
 */
export const FINE_WIDTH = 2 * ANALYSIS_WIDTH;
export const FINE_HEIGHT = 2 * ANALYSIS_HEIGHT;
const FINE_PIXELS = FINE_WIDTH * FINE_HEIGHT;
export const FRAME_BYTES = FINE_PIXELS + 2 * PIXELS;

/** Blocks of the fine luma for block-wise changes: 8×8, a 16×9 grid (a 320×180 inset of a 720p picture covers about 9). */
const BLOCK = 8;
const BLOCK_COLUMNS = FINE_WIDTH / BLOCK;
const BLOCK_ROWS = FINE_HEIGHT / BLOCK;
/** How far a profile is searched for the displacement: about 8 % of its length a frame, beyond the shake that matters. */
const MAX_SHIFT_X = 10;
const MAX_SHIFT_Y = 6;
/** Residual (share of the profile's variance) above which two profiles do not show the same picture. */
const MAX_RESIDUAL = 0.15;
/** The two halves' estimates must agree within this (fine pixels) plus a fifth of the shift: else the motion is local. */
const HALVES_AGREE_PX = 0.25;

/** "Near-neutral" pixels (RULES.md, colour cast): bright and nearly grey, what should be white or grey. */
export const NEUTRAL_MIN_LUMA = 160;
export const NEUTRAL_MAX_CHROMA = 30;

const LUMA_BINS = 16;
const CHROMA_BINS = 8;

/** Column means of the top and bottom halves and row means of the left and right halves of a fine luma plane. */
class Profiles {
  readonly top = new Float64Array(FINE_WIDTH);
  readonly bottom = new Float64Array(FINE_WIDTH);
  readonly left = new Float64Array(FINE_HEIGHT);
  readonly right = new Float64Array(FINE_HEIGHT);
}

type Column = Exclude<keyof FrameStats, 'count' | 'timeS'>;
const COLUMNS: readonly Column[] = [
  'yMean', 'uMean', 'vMean', 'diff', 'cut', 'neutralShare', 'neutralU', 'neutralV', 'blockDiffMax', 'shiftXOfWidth', 'shiftYOfWidth',
];

/** Measures frames as they stream in; memory is a few numbers per frame. */
export class FrameMeter {
  private readonly columns: Record<Column, Growable<Float32Array>>;
  /** The values of the frame being measured, then of the last one (a repeat of it repeats them). */
  private readonly row = Object.fromEntries(COLUMNS.map((name) => [name, 0])) as Record<Column, number>;
  /** Picture heights per picture width (display), to give vertical shifts in widths too. */
  private readonly heightPerWidth: number;
  private count = 0;
  /**
   * Two of each, for the last frame and the one coming in (`slot`): no allocation per picture. The
   * raw pictures are copies (the bytes are the caller's only during `push`), read as 32-bit words
   * to tell a repeated picture at once.
   */
  private readonly raws = [new Uint8Array(FRAME_BYTES), new Uint8Array(FRAME_BYTES)];
  private readonly words = this.raws.map((raw) => new Int32Array(raw.buffer));
  private readonly lumas = [new Uint8Array(PIXELS), new Uint8Array(PIXELS)];
  private readonly profiles = [new Profiles(), new Profiles()];
  private readonly histograms = [new Int32Array(LUMA_BINS + 2 * CHROMA_BINS), new Int32Array(LUMA_BINS + 2 * CHROMA_BINS)];
  private readonly columnSums = new Int32Array(2 * FINE_WIDTH);
  private readonly blockSums = new Int32Array(BLOCK_COLUMNS * BLOCK_ROWS);
  /** The slot of the last frame measured. */
  private last = 0;
  /** The first picture, as words: where a meter of the frames before it takes over (`join`). */
  private firstWords: Int32Array | null = null;
  /** A meter that continues another (`continuing`): where its frames go in the other's columns, and whether they all fit. */
  private continued: { meter: FrameMeter; firstFrame: number; fitted: boolean } | null = null;

  /**
   * `expectedFrames`: the frames the packets promise, to hold them without spare room. `displayAspect`: width / height.
   * `continues`: see `continuing`.
   */
  constructor(expectedFrames?: number, displayAspect = 16 / 9, continues?: { meter: FrameMeter; firstFrame: number }) {
    this.columns = continues
      ? continues.meter.columns
      : (Object.fromEntries(COLUMNS.map((name) => [name, new Growable(Float32Array, expectedFrames)])) as Record<Column, Growable<Float32Array>>);
    this.continued = continues ? { ...continues, fitted: true } : null;
    this.heightPerWidth = 1 / displayAspect;
  }

  /**
   * A meter for the second of two decodes side by side, whose first picture is `first`'s frame
   * `firstFrame` (the first decode's last): it keeps nothing of its own but writes its frames from the
   * second on into `first`'s columns, in the room `first` reserved beyond that frame, while `first`
   * fills the frames before. No copy of the second part at the end (`join`): an hour's columns are 4 MB.
   */
  static continuing(first: FrameMeter, firstFrame: number, displayAspect?: number): FrameMeter {
    return new FrameMeter(undefined, displayAspect, { meter: first, firstFrame });
  }

  /** `frame` holds one yuv420p picture of FINE_WIDTH × FINE_HEIGHT from `offset` (a chunk of the pipe holds several). */
  push(frame: Uint8Array, offset = 0): void {
    const slot = this.last ^ 1;
    this.raws[slot]!.set(frame.subarray(offset, offset + FRAME_BYTES));
    if (this.count > 0 && sameWords(this.words[slot]!, this.words[this.last]!)) {
      // The same picture again (a still slide, decoded bit for bit): the same statistics, nothing changed or moved.
      const row = this.row;
      row.diff = row.cut = row.blockDiffMax = row.shiftXOfWidth = row.shiftYOfWidth = 0;
    } else {
      this.measureFine(slot);
      this.measureAnalysisPicture(slot);
      this.last = slot;
    }
    this.store();
    if (this.count === 0) this.firstWords = this.words[slot]!.slice();
    this.count++;
  }

  private store(): void {
    const continued = this.continued;
    if (!continued) {
      for (const name of COLUMNS) this.columns[name].push(this.row[name]);
      return;
    }
    // The first picture is the other meter's last, measured there (after the picture before it).
    if (this.count === 0) return;
    const frame = continued.firstFrame + this.count;
    for (const name of COLUMNS) continued.fitted = this.columns[name].put(frame, this.row[name]) && continued.fitted;
  }

  /** Frames measured so far. */
  get frameCount(): number {
    return this.count;
  }

  /**
   * Takes over the frames `next` (made by `continuing` this meter) measured, which began with this
   * meter's last picture (a stream decoded in two parts side by side, the first part one picture
   * longer): from the second on, a frame's statistics depend on its picture and the one before it
   * only, so they are the ones a single meter would have measured. False, and nothing taken, when
   * the pictures differ, this meter did not end where `next` began, or `next`'s frames did not fit.
   */
  join(next: FrameMeter): boolean {
    const continued = next.continued;
    if (continued?.meter !== this || !continued.fitted || continued.firstFrame !== this.count - 1) return false;
    if (next.firstWords === null || !sameWords(next.firstWords, this.words[this.last]!)) return false;
    this.count += next.count - 1;
    for (const name of COLUMNS) this.columns[name].extend(this.count);
    return true;
  }

  /** The 128×72 luma: block changes and the global displacement, against the last frame. */
  private measureFine(slot: number): void {
    const first = this.count === 0;
    const fine = this.raws[slot]!;
    const previousFine = this.raws[this.last]!;
    const profiles = this.profiles[slot]!;
    const columns = this.columnSums.fill(0);
    const blockSums = this.blockSums.fill(0);
    const luma = this.lumas[slot]!;
    // One pass, two rows at a time (a row of the analysis picture): the 2×2 means that are the
    // analysis luma, the two halves' column sums, the row sums, the block changes. Integers
    // throughout: this loop is most of the video pass's own work.
    let fineDiffSum = 0;
    for (let y = 0; y < FINE_HEIGHT; y += 2) {
      const upper = y * FINE_WIDTH;
      const lower = upper + FINE_WIDTH;
      const columnBase = y < FINE_HEIGHT / 2 ? 0 : FINE_WIDTH;
      const blockRow = (y >> 3) * BLOCK_COLUMNS;
      const lumaRow = (y >> 1) * ANALYSIS_WIDTH;
      let upperLeft = 0, lowerLeft = 0, upperRight = 0, lowerRight = 0;
      for (let b = 0; b < BLOCK_COLUMNS; b++) {
        let change = 0, upperSum = 0, lowerSum = 0;
        for (let x = b * BLOCK; x < (b + 1) * BLOCK; x += 2) {
          const a0 = fine[upper + x]!, a1 = fine[upper + x + 1]!, b0 = fine[lower + x]!, b1 = fine[lower + x + 1]!;
          const d0 = a0 - previousFine[upper + x]!, d1 = a1 - previousFine[upper + x + 1]!;
          const d2 = b0 - previousFine[lower + x]!, d3 = b1 - previousFine[lower + x + 1]!;
          change += Math.abs(d0) + Math.abs(d1) + Math.abs(d2) + Math.abs(d3);
          upperSum += a0 + a1;
          lowerSum += b0 + b1;
          columns[columnBase + x]! += a0 + b0;
          columns[columnBase + x + 1]! += a1 + b1;
          // The mean of four, rounded to the nearest.
          luma[lumaRow + (x >> 1)] = (a0 + a1 + b0 + b1 + 2) >> 2;
        }
        blockSums[blockRow + b]! += change;
        fineDiffSum += change;
        if (b < BLOCK_COLUMNS / 2) {
          upperLeft += upperSum;
          lowerLeft += lowerSum;
        } else {
          upperRight += upperSum;
          lowerRight += lowerSum;
        }
      }
      profiles.left[y] = upperLeft / (FINE_WIDTH / 2);
      profiles.left[y + 1] = lowerLeft / (FINE_WIDTH / 2);
      profiles.right[y] = upperRight / (FINE_WIDTH / 2);
      profiles.right[y + 1] = lowerRight / (FINE_WIDTH / 2);
    }
    for (let x = 0; x < FINE_WIDTH; x++) {
      profiles.top[x] = columns[x]! / (FINE_HEIGHT / 2);
      profiles.bottom[x] = columns[FINE_WIDTH + x]! / (FINE_HEIGHT / 2);
    }
    let blockMax = 0;
    for (let b = 0; b < blockSums.length; b++) if (blockSums[b]! > blockMax) blockMax = blockSums[b]!;
    const row = this.row;
    row.blockDiffMax = first ? 0 : blockMax / (BLOCK * BLOCK);
    if (first) {
      row.shiftXOfWidth = row.shiftYOfWidth = Number.NaN;
    } else if (fineDiffSum === 0) {
      // The same luma (the chroma changed): nothing moved.
      row.shiftXOfWidth = row.shiftYOfWidth = 0;
    } else {
      const previous = this.profiles[this.last]!;
      row.shiftXOfWidth = agreedShift(previous.top, profiles.top, previous.bottom, profiles.bottom, FINE_WIDTH, MAX_SHIFT_X) / FINE_WIDTH;
      row.shiftYOfWidth = (agreedShift(previous.left, profiles.left, previous.right, profiles.right, FINE_HEIGHT, MAX_SHIFT_Y) / FINE_HEIGHT) * this.heightPerWidth;
    }
  }

  /** The 64×36 statistics: luma as `measureFine` made it (the mean of each 2×2 of the fine luma), chroma as delivered. */
  private measureAnalysisPicture(slot: number): void {
    const first = this.count === 0;
    const raw = this.raws[slot]!;
    const u0 = FINE_PIXELS;
    const v0 = FINE_PIXELS + PIXELS;
    const luma = this.lumas[slot]!;
    // The first frame is compared with zeros, and its change set to 0 after.
    const previous = this.lumas[this.last]!;
    const histogram = this.histograms[slot]!.fill(0);
    const previousHistogram = this.histograms[this.last]!;
    let ySum = 0, uSum = 0, vSum = 0, diffSum = 0, neutral = 0, neutralU = 0, neutralV = 0;
    for (let i = 0; i < PIXELS; i++) {
      const y = luma[i]!;
      const u = raw[u0 + i]!;
      const v = raw[v0 + i]!;
      ySum += y;
      uSum += u;
      vSum += v;
      diffSum += Math.abs(y - previous[i]!);
      histogram[y >> 4]!++;
      histogram[LUMA_BINS + (u >> 5)]!++;
      histogram[LUMA_BINS + CHROMA_BINS + (v >> 5)]!++;
      const du = u - 128;
      const dv = v - 128;
      // |du| ≤ 30 and |dv| ≤ 30 as one unsigned comparison each: fewer branches in the hottest loop.
      if (y >= NEUTRAL_MIN_LUMA && (du + NEUTRAL_MAX_CHROMA) >>> 0 <= 2 * NEUTRAL_MAX_CHROMA && (dv + NEUTRAL_MAX_CHROMA) >>> 0 <= 2 * NEUTRAL_MAX_CHROMA) {
        neutral++;
        neutralU += du;
        neutralV += dv;
      }
    }
    let distance = 0;
    for (let b = 0; b < histogram.length; b++) distance += Math.abs(histogram[b]! - previousHistogram[b]!);
    const row = this.row;
    row.yMean = ySum / PIXELS;
    row.uMean = uSum / PIXELS;
    row.vMean = vSum / PIXELS;
    row.diff = first ? 0 : diffSum / PIXELS;
    // Three histograms of PIXELS each: the L1 distance runs to 6·PIXELS.
    row.cut = first ? 0 : distance / (6 * PIXELS);
    row.neutralShare = neutral / PIXELS;
    row.neutralU = neutral ? neutralU / neutral : 0;
    row.neutralV = neutral ? neutralV / neutral : 0;
  }

  finish(frameTimesS: ArrayLike<number>, frameDurationS: number): FrameStats {
    // Frame times come from the packet scan (shared, not copied, when every frame has one); a frame
    // past its list continues at the nominal rate.
    const timeS =
      frameTimesS instanceof Float64Array && frameTimesS.length === this.count
        ? frameTimesS
        : Float64Array.from({ length: this.count }, (_, i) =>
            i < frameTimesS.length ? frameTimesS[i]! : (frameTimesS[frameTimesS.length - 1] ?? 0) + (i - frameTimesS.length + 1) * frameDurationS,
          );
    const columns = Object.fromEntries(COLUMNS.map((name) => [name, this.columns[name].toArray()])) as Record<Column, Float32Array>;
    return { count: this.count, timeS, ...columns };
  }
}

function sameWords(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The displacement along one axis from the profiles of the picture's two halves (fine pixels), or
 * NaN where it cannot be told: no half fits, or the halves disagree (the motion is local — a hand,
 * a cursor, typing — not the camera's). A flat half says nothing and the other speaks alone.
 */
function agreedShift(previousA: Float64Array, currentA: Float64Array, previousB: Float64Array, currentB: Float64Array, length: number, maxShift: number): number {
  const a = profileShift(previousA, currentA, length, maxShift);
  const b = profileShift(previousB, currentB, length, maxShift);
  const fitA = a !== null && a.residual <= MAX_RESIDUAL;
  const fitB = b !== null && b.residual <= MAX_RESIDUAL;
  if (fitA && fitB) {
    return Math.abs(a.shift - b.shift) <= HALVES_AGREE_PX + 0.2 * Math.max(Math.abs(a.shift), Math.abs(b.shift)) ? (a.shift + b.shift) / 2 : Number.NaN;
  }
  if (fitA && b === null) return a.shift;
  if (fitB && a === null) return b.shift;
  return Number.NaN;
}
