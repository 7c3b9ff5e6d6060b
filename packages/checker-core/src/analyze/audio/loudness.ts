import type { BiquadCoefficients } from './biquad.js';
import { Growable } from './growable.js';
import type { LoudnessSwing, LoudnessResult } from '../../facts/measurements.js';
export type { LoudnessSwing, LoudnessResult };

/** ITU-R BS.1770-4 K-weighting, designed for any sample rate (the libebur128 formulas). */
export function kWeighting(sampleRateHz: number): [BiquadCoefficients, BiquadCoefficients] {
  let f0 = 1681.974450955533;
  const gainDb = 3.999843853973347;
  let q = 0.7071752369554196;
  let k = Math.tan((Math.PI * f0) / sampleRateHz);
  const vh = 10 ** (gainDb / 20);
  const vb = vh ** 0.4996667741545416;
  let a0 = 1 + k / q + k * k;
  const shelf = {
    b0: (vh + (vb * k) / q + k * k) / a0,
    b1: (2 * (k * k - vh)) / a0,
    b2: (vh - (vb * k) / q + k * k) / a0,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / q + k * k) / a0,
  };
  f0 = 38.13547087602444;
  q = 0.5003270373238773;
  k = Math.tan((Math.PI * f0) / sampleRateHz);
  a0 = 1 + k / q + k * k;
  const highPass = { b0: 1, b1: -2, b2: 1, a1: (2 * (k * k - 1)) / a0, a2: (1 - k / q + k * k) / a0 };
  return [shelf, highPass];
}

/** BS.1770 channel weights: 1 for L, R, C; 1.41 for the surrounds; the LFE (4th of 6) is left out. */
function channelWeights(channels: number): number[] {
  return Array.from({ length: channels }, (_, c) => (channels === 6 && c === 3 ? 0 : c >= 3 ? 1.41 : 1));
}

/**
 * One channel's K-weighting (shelf then high-pass) fused with the sum of squares, state in locals:
 * this loop sees every sample of the file, so it stays monomorphic and allocation-free.
 */
class KWeightedEnergy {
  private state = new Float64Array(8);

  constructor(
    private readonly shelf: BiquadCoefficients,
    private readonly highPass: BiquadCoefficients,
  ) {}

  /**
   * `energy` plus the sum of squares of the K-weighted samples `offset + i * stride`, i < count,
   * added one by one: a block's sum is the same however the stream was cut into chunks.
   */
  sum(samples: Float32Array, offset: number, stride: number, count: number, energy: number): number {
    const { b0: s0, b1: s1, b2: s2, a1: sa1, a2: sa2 } = this.shelf;
    const { b0: h0, b1: h1, b2: h2, a1: ha1, a2: ha2 } = this.highPass;
    const st = this.state;
    let x1 = st[0]!, x2 = st[1]!, y1 = st[2]!, y2 = st[3]!, z1 = st[4]!, z2 = st[5]!, w1 = st[6]!, w2 = st[7]!;
    for (let i = 0, j = offset; i < count; i++, j += stride) {
      const x = samples[j]!;
      const y = s0 * x + s1 * x1 + s2 * x2 - sa1 * y1 - sa2 * y2;
      x2 = x1;
      x1 = x;
      y2 = y1;
      y1 = y;
      const w = h0 * y + h1 * z1 + h2 * z2 - ha1 * w1 - ha2 * w2;
      z2 = z1;
      z1 = y;
      w2 = w1;
      w1 = w;
      energy += w * w;
    }
    st[0] = x1; st[1] = x2; st[2] = y1; st[3] = y2; st[4] = z1; st[5] = z2; st[6] = w1; st[7] = w2;
    return energy;
  }
}

/** Streams K-weighted energy per 100 ms block; everything else is computed from the blocks. */
export class LoudnessMeter {
  private readonly filters: KWeightedEnergy[];
  private readonly weights: number[];
  private readonly blockSamples: number;
  private readonly blockEnergy: Growable;
  private readonly sums: Float64Array;
  private filled = 0;

  /** `expectedS`: the stream's stated duration, to hold its blocks without spare room. */
  constructor(
    sampleRateHz: number,
    private readonly channels: number,
    expectedS = 0,
  ) {
    this.blockEnergy = new Growable(Float64Array, expectedS > 0 ? Math.floor(expectedS * 10) + 1 : undefined);
    const [shelf, highPass] = kWeighting(sampleRateHz);
    this.filters = Array.from({ length: channels }, () => new KWeightedEnergy(shelf, highPass));
    this.weights = channelWeights(channels);
    this.blockSamples = Math.round(sampleRateHz / 10);
    this.sums = new Float64Array(channels);
  }

  push(samples: Float32Array, frames: number): void {
    let start = 0;
    while (start < frames) {
      const count = Math.min(frames - start, this.blockSamples - this.filled);
      for (let c = 0; c < this.channels; c++) this.sums[c] = this.filters[c]!.sum(samples, start * this.channels + c, this.channels, count, this.sums[c]!);
      this.filled += count;
      start += count;
      if (this.filled === this.blockSamples) {
        let energy = 0;
        for (let c = 0; c < this.channels; c++) {
          energy += (this.weights[c]! * this.sums[c]!) / this.blockSamples;
          this.sums[c] = 0;
        }
        this.blockEnergy.push(energy);
        this.filled = 0;
      }
    }
  }

  finish(): Float64Array {
    return this.blockEnergy.toArray();
  }
}

const toLufs = (energy: number) => (energy > 0 ? -0.691 + 10 * Math.log10(energy) : -Infinity);

/** Mean energy of `blocks` consecutive 100 ms blocks ending at each block, every 100 ms. */
function slidingEnergy(blockEnergy: Float64Array, blocks: number): Float64Array {
  const out = new Float64Array(Math.max(0, blockEnergy.length - blocks + 1));
  let sum = 0;
  for (let i = 0; i < blockEnergy.length; i++) {
    sum += blockEnergy[i]!;
    if (i >= blocks) sum -= blockEnergy[i - blocks]!;
    if (i >= blocks - 1) out[i - blocks + 1] = Math.max(0, sum / blocks);
  }
  return out;
}

/** The mean of the energies above BS.1770's absolute gate (−70 LUFS), summed in order; null when none is. */
function meanAboveAbsoluteGate(energy: Float64Array): number | null {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < energy.length; i++) {
    if (toLufs(energy[i]!) > -70) {
      sum += energy[i]!;
      count++;
    }
  }
  return count === 0 ? null : sum / count;
}

/** BS.1770 gated integrated loudness from 400 ms blocks every 100 ms. */
export function integratedLoudness(blockEnergy: Float64Array): number | null {
  // Typed arrays and loops, summed in order (the same means as the filtered arrays they replace):
  // an hour has 36,000 blocks, and arrays of them made the heap grow at the end of the pass.
  const gating = slidingEnergy(blockEnergy, 4);
  const mean = meanAboveAbsoluteGate(gating);
  if (mean === null) return null;
  const relativeGate = toLufs(mean) - 10;
  let keptSum = 0;
  let kept = 0;
  for (let i = 0; i < gating.length; i++) {
    const e = gating[i]!;
    if (toLufs(e) > -70 && toLufs(e) > relativeGate) {
      keptSum += e;
      kept++;
    }
  }
  return kept ? toLufs(keptSum / kept) : null;
}

/** EBU Tech 3342 loudness range from 3 s short-term loudness every 100 ms. */
export function loudnessRange(shortTermEnergy: Float64Array): number | null {
  const mean = meanAboveAbsoluteGate(shortTermEnergy);
  if (mean === null) return null;
  const relativeGate = toLufs(mean) - 20;
  const levels = new Float64Array(shortTermEnergy.length);
  let kept = 0;
  for (let i = 0; i < shortTermEnergy.length; i++) {
    const lufs = toLufs(shortTermEnergy[i]!);
    if (lufs > -70 && lufs > relativeGate) levels[kept++] = lufs;
  }
  if (kept === 0) return null;
  // Finite values: a typed array's sort is the numeric order.
  const sorted = levels.subarray(0, kept).sort();
  const at = (p: number) => sorted[Math.min(kept - 1, Math.round(p * (kept - 1)))]!;
  return at(0.95) - at(0.1);
}

/** The median of finite values, sorted in `scratch` (no allocation): the same value as `median`. */
function medianIn(values: Float64Array, scratch: Float64Array): number {
  const sorted = scratch.subarray(0, values.length);
  sorted.set(values);
  sorted.sort();
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Loudness steadiness (RULES.md): short-term loudness every 100 ms, leaving out values under
 * −70 LUFS or more than 20 LU below the integrated loudness; 10 s medians every 1 s; a median
 * more than `maxDeviationLu` from the file's median is a swing.
 */
export function assessLoudness(blockEnergy: Float64Array, { maxDeviationLu = 6, windowS = 10, stepS = 1 } = {}): LoudnessResult {
  const shortTerm = slidingEnergy(blockEnergy, 30);
  const integratedLufs = integratedLoudness(blockEnergy);
  const result: LoudnessResult = {
    integratedLufs,
    loudnessRangeLu: loudnessRange(shortTerm),
    shortTermMedianLufs: null,
    maxShortTermLufs: null,
    swings: [],
  };
  if (integratedLufs === null) return result;
  // Value i covers [i·0.1, i·0.1 + 3) s; it is placed at its centre. Kept in two typed arrays.
  const keptTimeS = new Float64Array(shortTerm.length);
  const keptLufs = new Float64Array(shortTerm.length);
  let keptCount = 0;
  for (let i = 0; i < shortTerm.length; i++) {
    const lufs = toLufs(shortTerm[i]!);
    if (lufs >= -70 && lufs >= integratedLufs - 20) {
      keptTimeS[keptCount] = i * 0.1 + 1.5;
      keptLufs[keptCount] = lufs;
      keptCount++;
    }
  }
  if (keptCount === 0) return result;
  const kept = { timeS: keptTimeS.subarray(0, keptCount), lufs: keptLufs.subarray(0, keptCount) };
  const scratch = new Float64Array(keptCount);
  const fileMedian = medianIn(kept.lufs, scratch);
  result.shortTermMedianLufs = fileMedian;
  let max = -Infinity;
  for (let i = 0; i < keptCount; i++) if (kept.lufs[i]! > max) max = kept.lufs[i]!;
  result.maxShortTermLufs = max;
  const lastTimeS = kept.timeS[keptCount - 1]!;
  let open: LoudnessSwing | null = null;
  let first = 0;
  for (let startS = 0; startS + windowS <= lastTimeS + stepS; startS += stepS) {
    while (first < keptCount && kept.timeS[first]! < startS) first++;
    let end = first;
    while (end < keptCount && kept.timeS[end]! < startS + windowS) end++;
    // A window mostly of pauses says nothing about the level of the speech.
    const windowMedian = end - first >= (windowS / 0.1) * 0.5 ? medianIn(kept.lufs.subarray(first, end), scratch) : NaN;
    const deviation = windowMedian - fileMedian;
    if (Math.abs(deviation) > maxDeviationLu) {
      // A flagged window stands for its centre step, so that a swing's range is where the level departs.
      const centreS = startS + windowS / 2;
      if (open && centreS - stepS / 2 <= open.end && Math.sign(deviation) === Math.sign(open.deviationLu)) {
        open.end = centreS + stepS / 2;
        if (Math.abs(deviation) > Math.abs(open.deviationLu)) Object.assign(open, { medianLufs: windowMedian, deviationLu: deviation });
      } else {
        open = { start: centreS - stepS / 2, end: centreS + stepS / 2, medianLufs: windowMedian, deviationLu: deviation };
        result.swings.push(open);
      }
    }
  }
  return result;
}
