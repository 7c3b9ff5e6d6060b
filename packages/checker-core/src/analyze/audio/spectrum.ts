import FFT from 'fft.js';
import { Growable } from './growable.js';

/** The speech band and the band above it (RULES.md, audio.bandwidth), Hz. */
export const SPEECH_BAND_HZ = [300, 4000] as const;
/**
 * One frame in eight is analysed (a hop of about 170 ms): minima and band ratios need no more. On
 * 10 min of stereo this meter and what is computed from it take 0.25 s of CPU, against 1.6–1.8 s for
 * the whole audio pass (every frame took several times as long).
 */
const FRAME_STRIDE = 8;
/** Smoothing of each bin's power from one analysed frame to the next: the periodogram's variance down before minima are taken. */
const SMOOTHING = 0.5;

/**
 * Short-time spectra of the stream, frames of about 21 ms (Hann), one in every eight:
 * per frame, the power of the whole programme (all channels) in the speech band and above it, and
 * per channel and third-octave band, the median of the bands' smoothed bin powers — a median, so
 * that the few bins a tonal bed (music) fills do not lift it, and a floor is there to be found.
 * fft.js (radix-4, real input) does the transforms.
 */
export interface Spectra {
  /** Length of a frame; the analysed frames start every `hopS`. */
  frameS: number;
  hopS: number;
  frameSize: number;
  /** Per frame: power from 300 Hz to 4 kHz, and above 4 kHz, all channels, mean-square units. */
  speechBandPower: Float64Array;
  highBandPower: Float64Array;
  /** Third-octave bands: their bins [first, end). */
  bands: { first: number; end: number }[];
  /** [channel]: per band, a histogram of the frames' median smoothed bin power (`HISTOGRAM_DB`), frames of exact zeros left out. */
  bandHistograms: Uint32Array[];
}

/** Band-power histograms: 0.25 dB bins from −200 to +20 dB (mean-square units per bin). */
export const HISTOGRAM_DB = { low: -200, step: 0.25, bins: 880 } as const;

export class SpectrumMeter {
  private readonly frameSize: number;
  private readonly fft: FFT;
  private readonly window: Float64Array;
  /** Mean-square units of one bin's |X|² (one-sided, Hann): 2 / (N · Σw²). */
  private readonly binScale: number;
  private readonly input: Float64Array[];
  private readonly out: number[];
  private readonly smoothed: Float64Array[];
  private readonly sortScratch: Float64Array;
  private readonly bands: { first: number; end: number }[];
  private readonly speechBins: [number, number];
  private readonly speechBand: Growable;
  private readonly highBand: Growable;
  private readonly bandHistograms: Uint32Array[];
  private filled = 0;
  /** Frames since the last analysed one: samples of the frames in between are not copied. */
  private frameIndex = 0;

  constructor(
    private readonly sampleRateHz: number,
    private readonly channels: number,
    expectedS = 0,
  ) {
    // A power of two near 21 ms: 1024 at 44.1 and 48 kHz.
    this.frameSize = 2 ** Math.max(6, Math.round(Math.log2(sampleRateHz / 47)));
    const n = this.frameSize;
    this.fft = new FFT(n);
    this.window = Float64Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n));
    let windowPower = 0;
    for (const w of this.window) windowPower += w * w;
    this.binScale = 2 / (n * windowPower);
    this.input = Array.from({ length: channels }, () => new Float64Array(n));
    this.out = this.fft.createComplexArray() as number[];
    this.smoothed = Array.from({ length: channels }, () => new Float64Array(n / 2));
    this.sortScratch = new Float64Array(n / 2);
    this.bands = thirdOctaveBands(n / 2);
    const binOf = (hz: number) => Math.round((hz * n) / sampleRateHz);
    this.speechBins = [binOf(SPEECH_BAND_HZ[0]), Math.min(n / 2, binOf(SPEECH_BAND_HZ[1]))];
    const frames = expectedS > 0 ? Math.floor((expectedS * sampleRateHz) / (n * FRAME_STRIDE)) + 1 : undefined;
    this.speechBand = new Growable(Float64Array, frames);
    this.highBand = new Growable(Float64Array, frames);
    this.bandHistograms = Array.from({ length: channels }, () => new Uint32Array(this.bands.length * HISTOGRAM_DB.bins));
  }

  push(samples: Float32Array, frames: number): void {
    const { channels, frameSize, input } = this;
    let f = 0;
    while (f < frames) {
      const count = Math.min(frames - f, frameSize - this.filled);
      const analysed = this.frameIndex === 0;
      for (let c = 0; analysed && c < channels; c++) {
        const buffer = input[c]!;
        for (let i = 0, j = f * channels + c; i < count; i++, j += channels) buffer[this.filled + i] = samples[j]!;
      }
      this.filled += count;
      f += count;
      if (this.filled === frameSize) {
        if (analysed) this.measureFrame();
        this.filled = 0;
        this.frameIndex = (this.frameIndex + 1) % FRAME_STRIDE;
      }
    }
  }

  private measureFrame(): void {
    const { frameSize, window, out, binScale, speechBins } = this;
    const half = frameSize / 2;
    let speech = 0;
    let high = 0;
    for (let c = 0; c < this.channels; c++) {
      const buffer = this.input[c]!;
      for (let i = 0; i < frameSize; i++) buffer[i]! *= window[i]!;
      this.fft.realTransform(out, buffer);
      const smoothed = this.smoothed[c]!;
      let total = 0;
      for (let k = 1; k < half; k++) {
        const re = out[2 * k]!;
        const im = out[2 * k + 1]!;
        const power = (re * re + im * im) * binScale;
        total += power;
        if (k >= speechBins[0] && k < speechBins[1]) speech += power;
        else if (k >= speechBins[1]) high += power;
        smoothed[k] = SMOOTHING * smoothed[k]! + (1 - SMOOTHING) * power;
      }
      // A frame of exact zeros says nothing about the floor (digital silence is `audio.snr`'s own case).
      if (total === 0) continue;
      const histogram = this.bandHistograms[c]!;
      for (let b = 0; b < this.bands.length; b++) {
        const { first, end } = this.bands[b]!;
        const median = medianOf(smoothed, first, end, this.sortScratch);
        if (median > 0) histogram[b * HISTOGRAM_DB.bins + histogramBin(median)]!++;
      }
    }
    this.speechBand.push(speech);
    this.highBand.push(high);
  }

  finish(): Spectra {
    return {
      frameS: this.frameSize / this.sampleRateHz,
      hopS: (FRAME_STRIDE * this.frameSize) / this.sampleRateHz,
      frameSize: this.frameSize,
      speechBandPower: this.speechBand.toArray(),
      highBandPower: this.highBand.toArray(),
      bands: this.bands,
      bandHistograms: this.bandHistograms,
    };
  }
}

/** Bins 1 … `bins` − 1 in bands a third of an octave wide (at least one bin each). */
export function thirdOctaveBands(bins: number): { first: number; end: number }[] {
  const bands: { first: number; end: number }[] = [];
  for (let first = 1; first < bins; ) {
    const end = Math.min(bins, Math.max(first + 1, Math.round(first * 2 ** (1 / 3))));
    bands.push({ first, end });
    first = end;
  }
  return bands;
}

function histogramBin(power: number): number {
  const bin = Math.floor((10 * Math.log10(power) - HISTOGRAM_DB.low) / HISTOGRAM_DB.step);
  return Math.min(HISTOGRAM_DB.bins - 1, Math.max(0, bin));
}

function medianOf(values: Float64Array, first: number, end: number, scratch: Float64Array): number {
  const count = end - first;
  if (count === 1) return values[first]!;
  const sorted = scratch.subarray(0, count);
  sorted.set(values.subarray(first, end));
  sorted.sort();
  const mid = count >> 1;
  return count % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
