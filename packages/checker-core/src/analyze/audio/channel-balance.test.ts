import { describe, expect, it } from 'vitest';
import { gaussianNoise, interleave, sine, dbToAmplitude } from '../../testing/signals.js';
import { measureChannelBalance } from './channel-balance.js';
import { HopLevelMeter } from './frame-levels.js';
import { estimateSnr, powerToDb } from './stnr.js';

function balance(rightGainDb: number | null) {
  const voice = sine(48000 * 5, 200, 0.3);
  const right = rightGainDb === null ? new Float64Array(voice.length) : voice.map((x) => x * dbToAmplitude(rightGainDb));
  const meter = new HopLevelMeter(48000, 2);
  meter.push(interleave(voice, right), voice.length);
  return measureChannelBalance(meter.finish(), null);
}

/**
 * The definition, frame by frame: the 20 ms frames (10 ms hops, energies rounded to float32) whose
 * mono level is at least `referenceDbfs` − 20 dB, and each channel's mean power over them.
 */
function frameByFrame(samples: Float32Array, channels: number, referenceDbfs: number) {
  const hopSamples = 480;
  const hops = Math.floor(samples.length / channels / hopSamples);
  const energy = Array.from({ length: channels + 1 }, () => new Float32Array(hops));
  for (let h = 0; h < hops; h++) {
    const sums = new Float64Array(channels + 1);
    for (let f = h * hopSamples; f < (h + 1) * hopSamples; f++) {
      let mono = 0;
      for (let c = 0; c < channels; c++) {
        const x = samples[f * channels + c]!;
        sums[c]! += x * x;
        mono += x;
      }
      sums[channels]! += (mono / channels) ** 2;
    }
    for (let c = 0; c <= channels; c++) energy[c]![h] = sums[c]!;
  }
  const power = (c: number, i: number) => (energy[c]![i]! + energy[c]![i + 1]!) / (2 * hopSamples);
  const sums = new Array<number>(channels).fill(0);
  let active = 0;
  for (let i = 0; i < hops - 1; i++) {
    if (!(powerToDb(power(channels, i)) >= referenceDbfs - 20)) continue;
    active++;
    for (let c = 0; c < channels; c++) sums[c]! += power(c, i);
  }
  return { activeFrames: active, levelsDbfs: sums.map((sum) => powerToDb(sum / active)) };
}

describe('measureChannelBalance', () => {
  it('measures the difference between the channels over speech', () => {
    expect(balance(-3).differenceDb!).toBeCloseTo(3, 1);
    expect(balance(-30).differenceDb!).toBeCloseTo(30, 1);
    expect(balance(0).differenceDb!).toBeCloseTo(0, 6);
  });

  it('reads a silent channel as −Infinity dBFS', () => {
    const result = balance(null);
    expect(result.levelsDbfs[1]).toBe(-Infinity);
    expect(result.differenceDb).toBe(200);
  });

  it('takes the frames at or above the speech level less 20 dB, the same frames as comparing each frame', () => {
    // Bursts rising and falling through 60 dB over noise: frames at every level around the threshold.
    const rateHz = 48000;
    const count = rateHz * 20;
    const left = gaussianNoise(count, dbToAmplitude(-70), 3);
    const right = gaussianNoise(count, dbToAmplitude(-70), 4);
    const tone = sine(count, 190, 1, rateHz);
    for (let i = 0; i < count; i++) {
      const envelopeDb = -60 * Math.abs(Math.sin((Math.PI * i) / (2 * rateHz)));
      left[i]! += 0.3 * dbToAmplitude(envelopeDb) * tone[i]!;
      right[i]! += 0.2 * dbToAmplitude(envelopeDb) * tone[i]!;
    }
    const samples = interleave(left, right);
    const meter = new HopLevelMeter(rateHz, 2);
    meter.push(samples, count);
    const levels = meter.finish();
    const speechLevelDbfs = estimateSnr(levels).speechLevelDbfs!;
    expect(speechLevelDbfs).toBeGreaterThan(-30);
    const measured = measureChannelBalance(levels, speechLevelDbfs);
    const expected = frameByFrame(samples, 2, speechLevelDbfs);
    expect(measured.activeFrames).toBe(expected.activeFrames);
    expect(measured.activeFrames).toBeLessThan(levels.frameCount);
    for (let c = 0; c < 2; c++) expect(Math.abs(measured.levelsDbfs[c]! - expected.levelsDbfs[c]!)).toBeLessThan(1e-9);
  });
});
