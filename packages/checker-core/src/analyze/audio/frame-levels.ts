import { ChannelBalanceMeter, type ChannelBalanceBins } from './channel-balance.js';
import { Growable } from './growable.js';
import { PowerHistogram, type FramePowers } from './stnr.js';

/** The windows the pauses are chosen from (RULES.md, hum: the quietest 15 % of 0.5 s windows). */
export const PAUSE_WINDOW_S = 0.5;
/** Hops in a step of the level track (10 × 10 ms = 100 ms). */
const HOPS_PER_STEP = 10;

/**
 * What the levels of a stream's 10 ms hops and 20 ms frames (two consecutive hops, `FramePowers`)
 * come to. The hops themselves are not kept: every use of them is a histogram or a sum, gathered as
 * they pass (an hour of stereo is 360,000 hops, 4.7 MB kept per hop; this is 50 kB and two values a second).
 */
export interface HopLevels extends FramePowers {
  /** The frames by the mono mix's level, each channel's power summed per level (channel balance). */
  balance: ChannelBalanceBins;
  /** Sum of squares of the mono mix per 100 ms step, of `stepSamples` sample frames. */
  stepEnergy: Float64Array;
  stepS: number;
  stepSamples: number;
  /** Sum of squares of the mono mix per pause window (PAUSE_WINDOW_S, to the nearest hop). */
  windowEnergy: Float64Array;
}

/** The 10 ms hops' sums of squares, measured as the samples stream in, and the frames they make. */
export class HopLevelMeter {
  private readonly hopSamples: number;
  private readonly hopsPerWindow: number;
  private readonly channelSums: Float64Array;
  /** The last hop's energies (channels, then the mono mix), as float32: the rounding the hop series had when kept. */
  private readonly previous: Float32Array;
  private readonly current: Float32Array;
  private previousSilent = false;
  private hops = 0;
  private monoSum = 0;
  private filled = 0;
  private silentFrames = 0;
  private readonly channelPower: PowerHistogram[];
  private readonly monoPower = new PowerHistogram();
  private readonly balance: ChannelBalanceMeter;
  private readonly channelMeanSquares: Float64Array;
  private readonly stepEnergy: Growable;
  private readonly windowEnergy: Growable;
  private stepSum = 0;
  private windowSum = 0;

  /** `expectedS`: the stream's stated duration, to hold its steps without spare room. */
  constructor(
    private readonly sampleRateHz: number,
    private readonly channels: number,
    expectedS = 0,
  ) {
    this.hopSamples = Math.round(sampleRateHz / 100);
    this.hopsPerWindow = Math.round(PAUSE_WINDOW_S / (this.hopSamples / sampleRateHz));
    this.channelSums = new Float64Array(channels);
    this.previous = new Float32Array(channels + 1);
    this.current = new Float32Array(channels + 1);
    this.channelPower = Array.from({ length: channels }, () => new PowerHistogram());
    this.balance = new ChannelBalanceMeter(channels);
    this.channelMeanSquares = new Float64Array(channels);
    const hops = expectedS > 0 ? Math.floor((expectedS * sampleRateHz) / this.hopSamples) + 1 : undefined;
    this.stepEnergy = new Growable(Float64Array, hops && hops / HOPS_PER_STEP);
    this.windowEnergy = new Growable(Float64Array, hops && hops / this.hopsPerWindow);
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

  /** A hop is complete: the frame it ends (with the hop before it), the step and the window it adds to. */
  private flush(monoSum: number): void {
    const { channels, current, previous } = this;
    // A float32 sample squared in float64 never underflows to 0: a zero sum means exact zeros.
    let total = 0;
    for (let c = 0; c < channels; c++) {
      total += this.channelSums[c]!;
      current[c] = this.channelSums[c]!;
      this.channelSums[c] = 0;
    }
    current[channels] = monoSum;
    const silent = total === 0;
    if (this.hops > 0) this.addFrame(silent);
    this.previousSilent = silent;
    previous.set(current);
    this.hops++;

    this.stepSum += current[channels]!;
    if (this.hops % HOPS_PER_STEP === 0) {
      this.stepEnergy.push(this.stepSum);
      this.stepSum = 0;
    }
    this.windowSum += current[channels]!;
    if (this.hops % this.hopsPerWindow === 0) {
      this.windowEnergy.push(this.windowSum);
      this.windowSum = 0;
    }
  }

  /** The 20 ms frame of the previous hop and the current one. */
  private addFrame(silent: boolean): void {
    const { channels, current, previous, channelMeanSquares } = this;
    if (silent && this.previousSilent) {
      this.silentFrames++;
      // Exact zeros still count where every frame is taken (a silent file's channel balance).
      this.balance.add(0, channelMeanSquares.fill(0));
      return;
    }
    const norm = 2 * this.hopSamples;
    for (let c = 0; c < channels; c++) {
      channelMeanSquares[c] = (previous[c]! + current[c]!) / norm;
      this.channelPower[c]!.add(channelMeanSquares[c]!);
    }
    const monoMeanSquare = (previous[channels]! + current[channels]!) / norm;
    this.monoPower.add(monoMeanSquare);
    this.balance.add(monoMeanSquare, channelMeanSquares);
  }

  finish(): HopLevels {
    return {
      frameCount: Math.max(0, this.hops - 1),
      digitalSilenceFrames: this.silentFrames,
      channelPower: this.channelPower.map((histogram) => histogram.counts),
      monoPower: this.monoPower.counts,
      balance: this.balance.finish(),
      stepEnergy: this.stepEnergy.toArray(),
      stepS: HOPS_PER_STEP * (this.hopSamples / this.sampleRateHz),
      stepSamples: HOPS_PER_STEP * this.hopSamples,
      windowEnergy: this.windowEnergy.toArray(),
    };
  }
}
