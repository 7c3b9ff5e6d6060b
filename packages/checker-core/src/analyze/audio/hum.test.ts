import { describe, expect, it } from 'vitest';
import { gaussianNoise, interleave, sine, dbToAmplitude } from '../../testing/signals.js';
import { assessHum, HumMeter } from './hum.js';

function humOf(signal: Float64Array, rateHz = 48000) {
  const meter = new HumMeter(rateHz, 2);
  meter.push(interleave(signal, signal), signal.length);
  const windows = meter.finish();
  return assessHum(windows, new Set(Array.from({ length: windows.windowCount }, (_, w) => w * windows.windowS)));
}

const quietRoom = (seconds: number, rateHz = 48000) => gaussianNoise(rateHz * seconds, dbToAmplitude(-80), 7);

describe('hum in the pauses', () => {
  it.each([
    [50, -60],
    [60, -60],
    [50, -70],
  ])('finds %i Hz at %i dBFS, at its level within 0.5 dB', (hz, dbfs) => {
    const signal = quietRoom(10);
    const tone = sine(signal.length, hz, dbToAmplitude(dbfs));
    for (let i = 0; i < signal.length; i++) signal[i]! += tone[i]!;
    const { strongest, pauses } = humOf(signal);
    expect(strongest).toMatchObject({ mainsHz: hz, frequencyHz: hz, pausesWithHum: pauses });
    expect(Math.abs(strongest!.levelDbfs - dbfs)).toBeLessThanOrEqual(0.5);
  });

  it('finds a harmonic (150 Hz) when the fundamental is filtered away, at 44.1 kHz too', () => {
    const rateHz = 44100;
    const signal = quietRoom(10, rateHz);
    const tone = sine(signal.length, 150, dbToAmplitude(-55), rateHz);
    for (let i = 0; i < signal.length; i++) signal[i]! += tone[i]!;
    expect(humOf(signal, rateHz).strongest).toMatchObject({ mainsHz: 50, frequencyHz: 150 });
  });

  it('finds nothing in broadband noise, nor in a tone that is not a mains harmonic', () => {
    expect(humOf(quietRoom(10)).strongest).toBeNull();
    const signal = quietRoom(10);
    const tone = sine(signal.length, 137, dbToAmplitude(-50));
    for (let i = 0; i < signal.length; i++) signal[i]! += tone[i]!;
    expect(humOf(signal).strongest).toBeNull();
  });
});
