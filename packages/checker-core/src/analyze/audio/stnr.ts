import type { SnrEstimate } from '../../facts/measurements.js';
export type { SnrEstimate };

/** NIST SPQA `stnr -c` constants: 500 bins of 0.25 dB from −28.125 to 96.875 dB (16-bit scale). */
const BINS = 500;
export const LOW_DB = -28.125;
const HIGH_DB = 96.875;
export const BIN_DB = (HIGH_DB - LOW_DB) / BINS;
/** 0 dBFS in the 16-bit scale the histogram range is made for: 20·log10(32768). */
export const FULL_SCALE_DB16 = 20 * Math.log10(32768);
const NOISE_PEAK_FRACTION = 0.1;
const SPEECH_PERCENTILE = 0.95;

/** A channel whose speech reads quieter than this carries no narration (RULES.md, channel balance). */
const SPEECH_CARRYING_DBFS = -60;

/** What STNR reads of a stream's 20 ms frames (the hop meter's `HopLevels` holds it). */
export interface FramePowers {
  frameCount: number;
  /** Frames of exact zeros, in no histogram. */
  digitalSilenceFrames: number;
  /** [channel] the frames' `PowerHistogram`; and the mono mix's. */
  channelPower: Float64Array[];
  monoPower: Float64Array;
}

/**
 * Blind speech-to-noise ratio by the NIST STNR method, per channel: a histogram of 20 ms frame
 * powers (10 ms hop); noise = the first peak at least 1/10 of the highest, speech = the 95th
 * percentile of the frames above the trough that follows it. The file's SNR is the lowest of the
 * channels that carry speech (RULES.md): averaging the channels to mono first would halve
 * independent noise and read 3 dB too clean.
 */
export function estimateSnr(levels: FramePowers, floorUnderBedDbfs?: (channel: number) => number | null): SnrEstimate {
  const perChannel = levels.channelPower.map((histogram, c) => {
    const estimate = estimateSnrOf(histogram, levels);
    return floorUnderBedDbfs ? withNoise(estimate, floorUnderBedDbfs(c)) : estimate;
  });
  const speaking = perChannel.filter((e) => e.snrDb !== null && e.speechLevelDbfs! > SPEECH_CARRYING_DBFS);
  if (speaking.length === 0) return estimateSnrOf(levels.monoPower, levels);
  return speaking.reduce((worst, e) => (e.snrDb! < worst.snrDb! ? e : worst));
}

/**
 * Under a bed that moves (music), the low mode of the histogram is the bed, not noise: the noise is
 * the steady floor beneath it (RULES.md), measured apart; the speech level stays STNR's.
 */
function withNoise(estimate: SnrEstimate, noiseLevelDbfs: number | null): SnrEstimate {
  if (estimate.speechLevelDbfs === null || noiseLevelDbfs === null) return estimate;
  return { ...estimate, noiseLevelDbfs, snrDb: estimate.speechLevelDbfs - noiseLevelDbfs };
}

/** The STNR histogram of one energy track (a channel, or the mono mix): frame powers counted as they pass. */
export class PowerHistogram {
  readonly counts = new Float64Array(BINS);

  /** A frame's mean square (full scale 1). */
  add(meanSquare: number): void {
    this.counts[binOf(powerToDb(meanSquare) + FULL_SCALE_DB16)]!++;
  }
}

/** STNR on one track's histogram (frames of digital silence are not in it). */
function estimateSnrOf(histogram: Float64Array, levels: FramePowers): SnrEstimate {
  const frames = levels.frameCount;
  const silent = levels.digitalSilenceFrames;
  const result: SnrEstimate = { speechLevelDbfs: null, noiseLevelDbfs: null, snrDb: null, frameCount: frames, digitalSilenceFrames: silent };
  if (frames - silent < 10) return result;

  const smooth = boxSmooth(medianSmooth(histogram, 5), 5);
  const highest = Math.max(...smooth);
  const noiseBin = firstPeak(smooth, NOISE_PEAK_FRACTION * highest);
  const troughBin = troughAfter(smooth, noiseBin);
  const speechBin = percentileBin(histogram, troughBin + 1, SPEECH_PERCENTILE);
  // One mode only (a steady tone, speech without pauses): nothing to tell speech from noise by.
  if (speechBin === null) return result;
  result.noiseLevelDbfs = centreDb(noiseBin) - FULL_SCALE_DB16;
  result.speechLevelDbfs = centreDb(speechBin) - FULL_SCALE_DB16;
  result.snrDb = result.speechLevelDbfs - result.noiseLevelDbfs;
  return result;
}

function binOf(db: number): number {
  return Math.min(BINS - 1, Math.max(0, Math.floor((db - LOW_DB) / BIN_DB)));
}

function centreDb(bin: number): number {
  return LOW_DB + (bin + 0.5) * BIN_DB;
}

export function medianSmooth(values: Float64Array, width: number): Float64Array {
  const half = Math.floor(width / 2);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const window = Array.from(values.subarray(Math.max(0, i - half), Math.min(values.length, i + half + 1))).sort((a, b) => a - b);
    out[i] = window[Math.floor(window.length / 2)]!;
  }
  return out;
}

export function boxSmooth(values: Float64Array, width: number): Float64Array {
  const half = Math.floor(width / 2);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let sum = 0;
    let count = 0;
    for (let j = Math.max(0, i - half); j <= Math.min(values.length - 1, i + half); j++) {
      sum += values[j]!;
      count++;
    }
    out[i] = sum / count;
  }
  return out;
}

/** The lowest-level local maximum at least `minimum` high (the top of its plateau). */
function firstPeak(values: Float64Array, minimum: number): number {
  for (let i = 0; i < values.length; i++) {
    if (values[i]! < minimum) continue;
    let j = i;
    while (j + 1 < values.length && values[j + 1]! >= values[j]!) j++;
    return j;
  }
  return 0;
}

/** The lowest point between the noise peak and the speech mode (the highest point past the noise peak's slope). */
function troughAfter(values: Float64Array, peak: number): number {
  let slopeEnd = peak;
  // Stop at the first empty bin: smoothing may have emptied everything above a sparse speech histogram.
  while (slopeEnd + 1 < values.length && values[slopeEnd]! > 0 && values[slopeEnd + 1]! <= values[slopeEnd]!) slopeEnd++;
  let speechMode = slopeEnd;
  for (let i = slopeEnd + 1; i < values.length; i++) if (values[i]! > values[speechMode]!) speechMode = i;
  let trough = slopeEnd;
  for (let i = slopeEnd; i < speechMode; i++) if (values[i]! < values[trough]!) trough = i;
  return trough;
}

function percentileBin(histogram: Float64Array, from: number, fraction: number): number | null {
  let total = 0;
  for (let i = from; i < histogram.length; i++) total += histogram[i]!;
  if (total === 0) return null;
  let cumulative = 0;
  for (let i = from; i < histogram.length; i++) {
    cumulative += histogram[i]!;
    if (cumulative >= fraction * total) return i;
  }
  return histogram.length - 1;
}

export function powerToDb(meanSquare: number): number {
  return meanSquare > 0 ? 10 * Math.log10(meanSquare) : -Infinity;
}
