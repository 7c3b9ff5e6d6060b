import { describe, expect, it } from 'vitest';
import { gaussianNoise, interleave, sine, dbToAmplitude } from '../../testing/signals.js';
import { HopLevelMeter } from './frame-levels.js';
import { estimateSnr } from './stnr.js';

/** 30 s of 1 s tone bursts (speech) and 1 s gaps, over Gaussian noise at `noiseDbfs`. */
function burstsOverNoise(noiseDbfs: number, speechAmplitude = 0.3, rateHz = 48000) {
  const count = rateHz * 30;
  const signal = gaussianNoise(count, dbToAmplitude(noiseDbfs));
  const tone = sine(count, 220, speechAmplitude, rateHz);
  for (let i = 0; i < count; i++) if (Math.floor(i / rateHz) % 2 === 0) signal[i]! += tone[i]!;
  const meter = new HopLevelMeter(rateHz, 2);
  const samples = interleave(signal, signal);
  meter.push(samples, count);
  return estimateSnr(meter.finish());
}

describe('estimateSnr (NIST STNR)', () => {
  it.each([-40, -60, -80, -100])('finds noise at %i dBFS within 1 dB, and the speech level', (noiseDbfs) => {
    const estimate = burstsOverNoise(noiseDbfs);
    expect(Math.abs(estimate.noiseLevelDbfs! - noiseDbfs)).toBeLessThanOrEqual(1);
    // A sine of amplitude 0.3 has an RMS of 0.3/√2: −13.5 dBFS.
    expect(Math.abs(estimate.speechLevelDbfs! - 20 * Math.log10(0.3 / Math.SQRT2))).toBeLessThanOrEqual(1);
    expect(estimate.snrDb!).toBeCloseTo(estimate.speechLevelDbfs! - estimate.noiseLevelDbfs!, 6);
  });

  it('stays linear to 80 dB and beyond, where WADA-SNR saturates', () => {
    expect(burstsOverNoise(-95).snrDb!).toBeGreaterThan(78);
  });

  it('gives no estimate for one steady tone: nothing tells speech from noise', () => {
    const meter = new HopLevelMeter(48000, 1);
    meter.push(Float32Array.from(sine(48000 * 5, 440, 0.5)), 48000 * 5);
    expect(estimateSnr(meter.finish())).toMatchObject({ snrDb: null, speechLevelDbfs: null, noiseLevelDbfs: null });
  });

  it('leaves frames of exact zeros out and counts them', () => {
    const rateHz = 48000;
    const signal = sine(rateHz * 10, 220, 0.3);
    for (let i = 0; i < signal.length; i++) if (Math.floor(i / rateHz) % 2 === 1) signal[i] = 0;
    const meter = new HopLevelMeter(rateHz, 1);
    meter.push(Float32Array.from(signal), signal.length);
    const estimate = estimateSnr(meter.finish());
    expect(estimate.digitalSilenceFrames).toBeGreaterThan(400);
    expect(estimate.frameCount).toBe(999);
  });

  it('judges each channel: independent noise in two channels is not averaged away (the mono mix would read 3 dB cleaner)', () => {
    const rateHz = 48000;
    const count = rateHz * 30;
    const tone = sine(count, 220, 0.3, rateHz);
    const channel = (seed: number) => {
      const signal = gaussianNoise(count, dbToAmplitude(-60), seed);
      for (let i = 0; i < count; i++) if (Math.floor(i / rateHz) % 2 === 0) signal[i]! += tone[i]!;
      return signal;
    };
    const meter = new HopLevelMeter(rateHz, 2);
    meter.push(interleave(channel(1), channel(2)), count);
    const estimate = estimateSnr(meter.finish());
    expect(Math.abs(estimate.noiseLevelDbfs! - -60)).toBeLessThanOrEqual(1);
  });
});
