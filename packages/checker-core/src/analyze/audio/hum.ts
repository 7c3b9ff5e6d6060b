import { Biquad, lowPass } from './biquad.js';
import { Growable } from './growable.js';
import { median } from './stats.js';
import type { HumDetection, HumAssessment } from '../../facts/measurements.js';
export type { HumDetection, HumAssessment };

export const MAINS_HZ = [50, 60] as const;
export const HARMONICS = [1, 2, 3, 4] as const;
/** "Beside" the tone: the spectrum ±6 and ±10 Hz away (RULES.md). */
const SIDE_OFFSETS_HZ = [-10, -6, 6, 10];
const WINDOW_S = 0.5;
/** AAC moves a faint low tone by about 0.1 dB: a tone this close under the limit still counts. */
export const LEVEL_TOLERANCE_DB = 0.5;
/** Q of the four sections of an 8th-order Butterworth low-pass. */
const BUTTERWORTH_8_Q = [0.5098, 0.6013, 0.9, 2.5629];

const POWERS_PER_BIN = 1 + SIDE_OFFSETS_HZ.length;
/** Goertzel powers (|X|², Hann-windowed) of one 0.5 s window: per mains frequency, per harmonic, the tone then its sides. */
const POWERS_PER_WINDOW = MAINS_HZ.length * HARMONICS.length * POWERS_PER_BIN;

export interface HumWindows {
  windowS: number;
  /** Sum of the Hann window: a sine of amplitude A has |X| = A · windowSum / 2. */
  windowSum: number;
  windowCount: number;
  /**
   * Every window's powers, in time order (`binOf` reads them). One array reserved for the stream's
   * length, not a small array a window: 7,200 of those an hour, kept to the end, were 320 bytes of
   * malloc each among the pipe's 64 KiB reads, and grew an hour's peak memory by 7 MiB. Float32, as
   * the picture's columns: 1.2 MB an hour; levels and prominences move by under 1e-6 dB.
   */
  powers: Float32Array;
}

/** The tone's and its sides' powers of harmonic `h` of mains frequency `m` in window `window`. */
export function binOf(hum: HumWindows, window: number, m: number, h: number): { tone: number; sides: Float32Array } {
  const at = window * POWERS_PER_WINDOW + (m * HARMONICS.length + h) * POWERS_PER_BIN;
  return { tone: hum.powers[at]!, sides: hum.powers.subarray(at + 1, at + POWERS_PER_BIN) };
}

/**
 * Streams the mono mix down to about 1 kHz (box average, then an 8th-order low-pass at 400 Hz)
 * and measures mains tones and their surroundings in each 0.5 s window with Goertzel filters.
 */
export class HumMeter {
  private readonly stage1Factor: number;
  private readonly stage2Factor: number;
  private readonly rateHz: number;
  private readonly lowPass: Biquad[];
  private readonly windowSamples: number;
  private readonly hann: Float64Array;
  private readonly buffer: Float64Array;
  private readonly powers: Growable<Float32Array>;
  private boxSum = 0;
  private boxCount = 0;
  private stage2Count = 0;
  private filled = 0;

  /** `durationS`: the stream's stated length, to reserve its windows' room (0 when unknown). */
  constructor(
    sampleRateHz: number,
    private readonly channels: number,
    durationS = 0,
  ) {
    this.stage1Factor = Math.max(1, Math.floor(sampleRateHz / 6000));
    const stage1Rate = sampleRateHz / this.stage1Factor;
    this.stage2Factor = Math.max(1, Math.round(stage1Rate / 1000));
    this.rateHz = stage1Rate / this.stage2Factor;
    this.lowPass = BUTTERWORTH_8_Q.map((q) => new Biquad(lowPass(400, stage1Rate, q)));
    this.windowSamples = Math.round(WINDOW_S * this.rateHz);
    this.hann = Float64Array.from({ length: this.windowSamples }, (_, n) => 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / (this.windowSamples - 1)));
    this.buffer = new Float64Array(this.windowSamples);
    this.powers = new Growable(Float32Array, durationS && Math.ceil(durationS / WINDOW_S) * POWERS_PER_WINDOW);
  }

  push(samples: Float32Array, frames: number): void {
    const { channels, stage1Factor } = this;
    // A box is `stage1Factor` frames: that many consecutive interleaved samples, summed in order
    // (frame by frame, channel by channel, as before), in one flat loop.
    const boxSamples = stage1Factor * channels;
    const count = frames * channels;
    let boxSum = this.boxSum;
    let inBox = this.boxCount * channels;
    let i = 0;
    while (i < count) {
      const end = Math.min(count, i + boxSamples - inBox);
      inBox += end - i;
      for (; i < end; i++) boxSum += samples[i]!;
      if (inBox === boxSamples) {
        this.decimated(boxSum / (stage1Factor * channels));
        boxSum = 0;
        inBox = 0;
      }
    }
    this.boxSum = boxSum;
    this.boxCount = inBox / channels;
  }

  private decimated(value: number): void {
    let x = value;
    const sections = this.lowPass;
    for (let s = 0; s < sections.length; s++) x = sections[s]!.step(x);
    if (++this.stage2Count < this.stage2Factor) return;
    this.stage2Count = 0;
    this.buffer[this.filled++] = x;
    if (this.filled === this.windowSamples) {
      this.measureWindow();
      this.filled = 0;
    }
  }

  private measureWindow(): void {
    for (const mains of MAINS_HZ) {
      for (const h of HARMONICS) {
        this.powers.push(this.goertzel(mains * h));
        for (const offset of SIDE_OFFSETS_HZ) this.powers.push(this.goertzel(mains * h + offset));
      }
    }
  }

  private goertzel(frequencyHz: number): number {
    const coefficient = 2 * Math.cos((2 * Math.PI * frequencyHz) / this.rateHz);
    let s1 = 0;
    let s2 = 0;
    const { buffer, hann, windowSamples } = this;
    for (let n = 0; n < windowSamples; n++) {
      const s = buffer[n]! * hann[n]! + coefficient * s1 - s2;
      s2 = s1;
      s1 = s;
    }
    return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
  }

  finish(): HumWindows {
    let windowSum = 0;
    for (const w of this.hann) windowSum += w;
    const powers = this.powers.toArray();
    return { windowS: WINDOW_S, windowSum, windowCount: powers.length / POWERS_PER_WINDOW, powers };
  }
}

/**
 * Finds hum in the pauses: a pause has hum when a harmonic stands ≥ `minProminenceDb` above the
 * median of its sides and is ≥ `minLevelDbfs`. Whether enough pauses have it is the rule's call.
 */
export function assessHum(hum: HumWindows, pauseStarts: ReadonlySet<number>, { minProminenceDb = 10, minLevelDbfs = -70 } = {}): HumAssessment {
  const pauses: number[] = [];
  for (let window = 0; window < hum.windowCount; window++) if (pauseStarts.has(window * hum.windowS)) pauses.push(window);
  let strongest: HumDetection | null = null;
  MAINS_HZ.forEach((mainsHz, m) => {
    const hits: { startS: number; harmonic: number; levelDbfs: number; prominenceDb: number }[] = [];
    for (const window of pauses) {
      let best: (typeof hits)[number] | null = null;
      HARMONICS.forEach((_, h) => {
        const { tone, sides } = binOf(hum, window, m, h);
        const side = median(sides);
        const prominenceDb = 10 * Math.log10(tone / Math.max(side, 1e-30));
        const levelDbfs = 20 * Math.log10((2 * Math.sqrt(tone)) / hum.windowSum + 1e-30);
        if (prominenceDb >= minProminenceDb && levelDbfs >= minLevelDbfs - LEVEL_TOLERANCE_DB && (!best || levelDbfs > best.levelDbfs)) {
          best = { startS: window * hum.windowS, harmonic: HARMONICS[h]!, levelDbfs, prominenceDb };
        }
      });
      if (best) hits.push(best);
    }
    if (hits.length === 0) return;
    const harmonicCounts = new Map<number, number>();
    for (const hit of hits) harmonicCounts.set(hit.harmonic, (harmonicCounts.get(hit.harmonic) ?? 0) + 1);
    const harmonic = [...harmonicCounts].sort((a, b) => b[1] - a[1])[0]![0];
    const detection: HumDetection = {
      mainsHz,
      frequencyHz: mainsHz * harmonic,
      levelDbfs: median(hits.map((h) => h.levelDbfs)),
      prominenceDb: median(hits.map((h) => h.prominenceDb)),
      pausesWithHum: hits.length,
      pauses: pauses.length,
      windowStartsS: hits.map((h) => h.startS).sort((a, b) => a - b),
    };
    if (!strongest || detection.pausesWithHum > strongest.pausesWithHum) strongest = detection;
  });
  return { pauses: pauses.length, strongest };
}
