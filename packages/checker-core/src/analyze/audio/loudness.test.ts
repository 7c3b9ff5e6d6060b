import { describe, expect, it } from 'vitest';
import { interleave, sine, dbToAmplitude } from '../../testing/signals.js';
import { assessLoudness, integratedLoudness, LoudnessMeter } from './loudness.js';

function measure(samples: Float32Array, rateHz = 48000, channels = 2) {
  const meter = new LoudnessMeter(rateHz, channels);
  meter.push(samples, samples.length / channels);
  return meter.finish();
}

describe('BS.1770 loudness', () => {
  it.each([48000, 44100])('EBU Tech 3341 case 1: a stereo 1 kHz sine at −23 dBFS reads −23.0 ± 0.1 LUFS at %i Hz', (rateHz) => {
    const tone = sine(rateHz * 20, 1000, dbToAmplitude(-23), rateHz);
    expect(integratedLoudness(measure(interleave(tone, tone), rateHz))!).toBeCloseTo(-23, 1);
  });

  it('EBU Tech 3341 case 2: −33 dBFS reads −33.0 LUFS, and a steady tone has no range', () => {
    const tone = sine(48000 * 20, 1000, dbToAmplitude(-33));
    const result = assessLoudness(measure(interleave(tone, tone)));
    expect(result.integratedLufs!).toBeCloseTo(-33, 1);
    expect(result.loudnessRangeLu!).toBeLessThan(0.1);
    expect(result.swings).toEqual([]);
  });

  it('gates out silence: 10 s of tone and 10 s of silence read as the tone', () => {
    const tone = sine(48000 * 10, 1000, dbToAmplitude(-23));
    const signal = new Float64Array(48000 * 20);
    signal.set(tone);
    // Within 0.1 LU: the 400 ms blocks that straddle the tone's end pass the relative gate.
    expect(Math.abs(integratedLoudness(measure(interleave(signal, signal)))! + 23)).toBeLessThan(0.1);
  });

  it('finds a 20 s step of +10 LU as a swing of about +10 LU at its place', () => {
    const rateHz = 48000;
    const signal = sine(rateHz * 60, 1000, dbToAmplitude(-30));
    for (let i = rateHz * 20; i < rateHz * 40; i++) signal[i]! *= dbToAmplitude(10);
    const { swings } = assessLoudness(measure(interleave(signal, signal)));
    expect(swings).toHaveLength(1);
    expect(swings[0]!.deviationLu).toBeGreaterThan(8);
    expect(swings[0]!.start).toBeGreaterThanOrEqual(18);
    expect(swings[0]!.end).toBeLessThanOrEqual(42);
  });
});
