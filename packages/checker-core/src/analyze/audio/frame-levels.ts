import { Growable } from './growable.js';

/**
 * Per 10 ms hop: each channel's and the mono mix's sum of squares, and whether every sample was
 * exactly zero (digital silence). A 20 ms frame is two consecutive hops.
 */
export interface HopLevels {
  hopS: number;
  hopSamples: number;
  /** [channel][hop] sum of squares over the hop. */
  channelEnergy: Float32Array[];
  /** Sum of squares of the mono mix (mean of the channels) over the hop. */
  monoEnergy: Float32Array;
  /** 1 where every sample of every channel in the hop is exactly 0. */
  digitalSilence: Uint8Array;
}

export class HopLevelMeter {
  private readonly hopSamples: number;
  private readonly channelSums: Float64Array;
  private readonly channelEnergy: Growable<Float32Array>[];
  private readonly monoEnergy: Growable<Float32Array>;
  private readonly silence: Growable<Uint8Array>;
  private monoSum = 0;
  private filled = 0;

  /** `expectedS`: the stream's stated duration, to hold its hops without spare room. */
  constructor(
    sampleRateHz: number,
    private readonly channels: number,
    expectedS = 0,
  ) {
    this.hopSamples = Math.round(sampleRateHz / 100);
    this.channelSums = new Float64Array(channels);
    const hops = expectedS > 0 ? Math.floor((expectedS * sampleRateHz) / this.hopSamples) + 1 : undefined;
    this.channelEnergy = Array.from({ length: channels }, () => new Growable(Float32Array, hops));
    this.monoEnergy = new Growable(Float32Array, hops);
    this.silence = new Growable(Uint8Array, hops);
  }

  push(samples: Float32Array, frames: number): void {
    const { channels, hopSamples, channelSums } = this;
    const scale = 1 / channels;
    // Locals, written back once per chunk: this loop sees every sample of the file.
    let monoSum = this.monoSum;
    let filled = this.filled;
    for (let f = 0; f < frames; f++) {
      let mono = 0;
      const base = f * channels;
      for (let c = 0; c < channels; c++) {
        const x = samples[base + c]!;
        channelSums[c]! += x * x;
        mono += x;
      }
      mono *= scale;
      monoSum += mono * mono;
      if (++filled === hopSamples) {
        this.flush(monoSum);
        monoSum = 0;
        filled = 0;
      }
    }
    this.monoSum = monoSum;
    this.filled = filled;
  }

  private flush(monoSum: number): void {
    // A float32 sample squared in float64 never underflows to 0: a zero sum means exact zeros.
    let total = 0;
    for (let c = 0; c < this.channels; c++) {
      total += this.channelSums[c]!;
      this.channelEnergy[c]!.push(this.channelSums[c]!);
      this.channelSums[c] = 0;
    }
    this.monoEnergy.push(monoSum);
    this.silence.push(total === 0 ? 1 : 0);
  }

  finish(sampleRateHz: number): HopLevels {
    return {
      hopS: this.hopSamples / sampleRateHz,
      hopSamples: this.hopSamples,
      channelEnergy: this.channelEnergy.map((g) => g.toArray()),
      monoEnergy: this.monoEnergy.toArray(),
      digitalSilence: this.silence.toArray(),
    };
  }
}

/** Mean square of the 20 ms frame starting at hop `i` (hops i and i+1). */
export function frameMeanSquare(energy: Float32Array, i: number, hopSamples: number): number {
  return (energy[i]! + energy[i + 1]!) / (2 * hopSamples);
}

export function powerToDb(meanSquare: number): number {
  return meanSquare > 0 ? 10 * Math.log10(meanSquare) : -Infinity;
}
