import { HISTOGRAM_DB, type Spectra } from './spectrum.js';

/** The share of frames under which a band's floor lies (minimum statistics over the whole stream). */
const FLOOR_QUANTILE = 0.05;
/**
 * The 5 % quantile of a steady white noise's band median lies under its mean: measured on Gaussian
 * noise (60 s), 1.8 dB for a band of 25 bins, 1.5 for 32 to 51, 1.3 for 64 and more; a band of one
 * bin reads 5 dB low, so only wide bands are judged.
 */
const FLOOR_BIAS_DB = 1.4;
const MIN_BAND_BINS = 25;
/** Bands judged end at 16 kHz (above it, encoders cut the band off). */
const JUDGED_MAX_HZ = 16000;
/** A band this far under the bands' median floor is an encoder's spectral hole, not a floor. */
const HOLE_BELOW_MEDIAN_DB = 40;

/**
 * The steady floor beneath a bed that moves (RULES.md, background music and audio.snr), one channel,
 * dBFS. Minimum statistics per third-octave band: the level under which the band's median bin power
 * falls in 5 % of the frames. Music is tonal and moves, yet a bed of chords with its harmonics fills
 * most bands below 10 kHz all the time (measured: pluck chords on every beat keep the 5 % floor
 * 20–40 dB above the noise up to 9 kHz), so the noise is taken as broadband: the density of the
 * cleanest band, over the whole band. Exact for a white floor; a floor that falls with frequency
 * (pink) under music reads low. Null when the channel has no frame that is not exact zeros.
 */
export function spectralFloorDbfs(spectra: Spectra, channel: number): number | null {
  const histogram = spectra.bandHistograms[channel]!;
  const binHz = 1 / spectra.frameS;
  const densities: number[] = [];
  spectra.bands.forEach(({ first, end }, b) => {
    if (end - first < MIN_BAND_BINS || end * binHz > JUDGED_MAX_HZ) return;
    const db = quantileDb(histogram.subarray(b * HISTOGRAM_DB.bins, (b + 1) * HISTOGRAM_DB.bins), FLOOR_QUANTILE);
    if (db !== null) densities.push(db);
  });
  if (densities.length === 0) return null;
  const sorted = [...densities].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const cleanest = sorted.find((db) => db >= median - HOLE_BELOW_MEDIAN_DB)!;
  return cleanest + FLOOR_BIAS_DB + 10 * Math.log10(spectra.frameSize / 2 - 1);
}

function quantileDb(counts: Uint32Array, fraction: number): number | null {
  let total = 0;
  for (const c of counts) total += c;
  if (total === 0) return null;
  let cumulative = 0;
  for (let i = 0; i < counts.length; i++) {
    cumulative += counts[i]!;
    if (cumulative >= fraction * total) return HISTOGRAM_DB.low + (i + 0.5) * HISTOGRAM_DB.step;
  }
  return null;
}
