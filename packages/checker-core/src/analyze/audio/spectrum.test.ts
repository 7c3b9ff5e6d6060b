import { describe, expect, it } from 'vitest';
import { dbToAmplitude, gaussianNoise, interleave, sine } from '../../testing/signals.js';
import { spectralFloorDbfs } from './spectral-floor.js';
import { SpectrumMeter, thirdOctaveBands } from './spectrum.js';

const RATE_HZ = 48000;

function spectraOf(channels: Float64Array[], rateHz = RATE_HZ) {
  const meter = new SpectrumMeter(rateHz, channels.length);
  const samples = interleave(...channels);
  // In uneven chunks, as the decoder delivers them.
  for (let f = 0, step = 1000; f < channels[0]!.length; f += step, step = step === 1000 ? 4801 : 1000) {
    const count = Math.min(step, channels[0]!.length - f);
    meter.push(samples.subarray(f * channels.length, (f + count) * channels.length), count);
  }
  return meter.finish();
}

const sum = (values: Float64Array) => values.reduce((a, b) => a + b, 0);

describe('SpectrumMeter', () => {
  it('measures power in mean-square units (Parseval): a 1 kHz sine of amplitude 0.5 is 0.125 in the speech band, nothing above', () => {
    const spectra = spectraOf([sine(RATE_HZ * 10, 1000, 0.5)]);
    const frames = spectra.speechBandPower.length;
    expect(Math.abs(10 * Math.log10(sum(spectra.speechBandPower) / frames / 0.125))).toBeLessThanOrEqual(0.1);
    expect(10 * Math.log10(sum(spectra.highBandPower) / sum(spectra.speechBandPower))).toBeLessThan(-60);
  });

  it('white noise: above 4 kHz against 300 Hz–4 kHz is the ratio of the bandwidths, 10·log10(20000 / 3700) = 7.3 dB (±0.5)', () => {
    const spectra = spectraOf([gaussianNoise(RATE_HZ * 20, 0.1)]);
    expect(Math.abs(10 * Math.log10(sum(spectra.highBandPower) / sum(spectra.speechBandPower)) - 7.3)).toBeLessThanOrEqual(0.5);
  });

  it('third-octave bands cover every bin once', () => {
    const bands = thirdOctaveBands(512);
    expect(bands[0]!.first).toBe(1);
    expect(bands.at(-1)!.end).toBe(512);
    for (let b = 1; b < bands.length; b++) expect(bands[b]!.first).toBe(bands[b - 1]!.end);
  });
});

describe('spectralFloorDbfs (minimum statistics)', () => {
  it.each([-50, -70, -90])('finds a white floor at %i dBFS within 1 dB, alone and under loud tones that come and go', (noiseDbfs) => {
    const count = RATE_HZ * 30;
    const noise = gaussianNoise(count, dbToAmplitude(noiseDbfs), 3);
    expect(Math.abs(spectralFloorDbfs(spectraOf([noise]), 0)! - noiseDbfs)).toBeLessThanOrEqual(1);
    // Tones at −23 dBFS (a chord, and partials in the bands judged), 1 s on, 0.5 s off: a bed that moves.
    const bed = Float64Array.from(noise);
    for (const hz of [262, 330, 392, 2093, 6000, 9500]) {
      const tone = sine(count, hz, 0.1);
      for (let i = 0; i < count; i++) if (i % (RATE_HZ * 1.5) < RATE_HZ) bed[i]! += tone[i]!;
    }
    expect(Math.abs(spectralFloorDbfs(spectraOf([bed]), 0)! - noiseDbfs)).toBeLessThanOrEqual(1);
  });

  it('reads each channel apart', () => {
    const count = RATE_HZ * 20;
    const spectra = spectraOf([gaussianNoise(count, dbToAmplitude(-60), 1), gaussianNoise(count, dbToAmplitude(-80), 2)]);
    expect(Math.abs(spectralFloorDbfs(spectra, 0)! + 60)).toBeLessThanOrEqual(1);
    expect(Math.abs(spectralFloorDbfs(spectra, 1)! + 80)).toBeLessThanOrEqual(1);
  });

  it('gives nothing for exact zeros', () => {
    expect(spectralFloorDbfs(spectraOf([new Float64Array(RATE_HZ * 5)]), 0)).toBeNull();
  });
});
