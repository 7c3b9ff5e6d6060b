import type { BiquadCoefficients } from './biquad.js';
import { Growable } from './growable.js';
import { mean, median } from './stats.js';
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
    this.blockEnergy = new Growable(expectedS > 0 ? Math.floor(expectedS * 10) + 1 : undefined);
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

/** BS.1770 gated integrated loudness from 400 ms blocks every 100 ms. */
export function integratedLoudness(blockEnergy: Float64Array): number | null {
  const gating = Array.from(slidingEnergy(blockEnergy, 4)).filter((e) => toLufs(e) > -70);
  if (gating.length === 0) return null;
  const relativeGate = toLufs(mean(gating)) - 10;
  const kept = gating.filter((e) => toLufs(e) > relativeGate);
  return kept.length ? toLufs(mean(kept)) : null;
}

/** EBU Tech 3342 loudness range from 3 s short-term loudness every 100 ms. */
export function loudnessRange(shortTermEnergy: Float64Array): number | null {
  const gated = Array.from(shortTermEnergy).filter((e) => toLufs(e) > -70);
  if (gated.length === 0) return null;
  const relativeGate = toLufs(mean(gated)) - 20;
  const kept = gated.map(toLufs).filter((l) => l > relativeGate).sort((a, b) => a - b);
  if (kept.length === 0) return null;
  const at = (p: number) => kept[Math.min(kept.length - 1, Math.round(p * (kept.length - 1)))]!;
  return at(0.95) - at(0.1);
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
  // Value i covers [i·0.1, i·0.1 + 3) s; it is placed at its centre.
  const kept: { timeS: number; lufs: number }[] = [];
  for (let i = 0; i < shortTerm.length; i++) {
    const lufs = toLufs(shortTerm[i]!);
    if (lufs >= -70 && lufs >= integratedLufs - 20) kept.push({ timeS: i * 0.1 + 1.5, lufs });
  }
  if (kept.length === 0) return result;
  const fileMedian = median(kept.map((k) => k.lufs));
  result.shortTermMedianLufs = fileMedian;
  result.maxShortTermLufs = Math.max(...kept.map((k) => k.lufs));
  const lastTimeS = kept.at(-1)!.timeS;
  let open: LoudnessSwing | null = null;
  let first = 0;
  for (let startS = 0; startS + windowS <= lastTimeS + stepS; startS += stepS) {
    while (first < kept.length && kept[first]!.timeS < startS) first++;
    const values: number[] = [];
    for (let j = first; j < kept.length && kept[j]!.timeS < startS + windowS; j++) values.push(kept[j]!.lufs);
    // A window mostly of pauses says nothing about the level of the speech.
    const windowMedian = values.length >= (windowS / 0.1) * 0.5 ? median(values) : NaN;
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
