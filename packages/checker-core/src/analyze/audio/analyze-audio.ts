import type { AudioAnalysis, AudioFacts } from '../../facts/facts.js';
import type { AudioMeterOptions } from '../../facts/measurements.js';
import { damageOf, streamRaw, type PassOptions } from '../decode-stream.js';
import { measureChannelBalance } from './channel-balance.js';
import { ClippingDetector } from './clipping.js';
import { HopLevelMeter, PAUSE_WINDOW_S, type HopLevels } from './frame-levels.js';
import { assessHum, HumMeter } from './hum.js';
import { assessLoudness, LoudnessMeter } from './loudness.js';
import { measureBandwidth } from './bandwidth.js';
import { spectralFloorDbfs } from './spectral-floor.js';
import { SpectrumMeter } from './spectrum.js';
import { estimateSnr } from './stnr.js';
import { findUtterances } from './utterances.js';
import { measureVoiceBalance } from './voice-balance.js';

import { DEFAULT_AUDIO_METERS } from './defaults.js';

export { DEFAULT_AUDIO_METERS };

/** The quietest 15 % of 0.5 s windows are the pauses (RULES.md, hum). */
const PAUSE_FRACTION = 0.15;
/** Pauses count as digital silence when at least this share of frames is exact zeros. */
const DIGITAL_SILENCE_FRACTION = 0.05;

/**
 * One decode of the first audio stream to 32-bit float PCM (never s16: integers hide clipping),
 * at its own rate and channel count, measured as it streams: memory grows with minutes, not samples.
 */
export async function analyzeAudio(
  path: string,
  audio: AudioFacts,
  options: AudioMeterOptions = DEFAULT_AUDIO_METERS,
  tool: PassOptions = {},
): Promise<AudioAnalysis> {
  const { sampleRateHz, channels } = audio;
  const meters = {
    levels: new HopLevelMeter(sampleRateHz, channels, audio.durationS ?? 0),
    hum: new HumMeter(sampleRateHz, channels, audio.durationS ?? 0),
    clipping: new ClippingDetector(sampleRateHz, channels, options.clipThreshold, options.clipMinRunSamples),
    loudness: new LoudnessMeter(sampleRateHz, channels, audio.durationS ?? 0),
    spectrum: new SpectrumMeter(sampleRateHz, channels, audio.durationS ?? 0),
  };
  let frames = 0;
  const args = { output: ['-map', `0:${audio.streamIndex}`, '-vn', '-sn', '-dn', '-f', 'f32le', '-acodec', 'pcm_f32le', 'pipe:1'] };
  const damage = await streamRaw(
    path,
    args,
    4 * channels,
    (bytes, units) => {
      const samples = asFloat32(bytes);
      meters.levels.push(samples, units);
      meters.hum.push(samples, units);
      meters.clipping.push(samples, units);
      meters.loudness.push(samples, units);
      meters.spectrum.push(samples, units);
      frames += units;
    },
    { ...tool, onDelivered: tool.onDecodedS && ((sampleFrames) => tool.onDecodedS!(sampleFrames / sampleRateHz)) },
  );

  const levels = meters.levels.finish();
  const blockEnergy = meters.loudness.finish();
  const spectra = meters.spectrum.finish();
  const utterances = findUtterances(blockEnergy);
  const voiceBalance = measureVoiceBalance(blockEnergy, utterances);
  // A bed that moves in the pauses is not noise: the noise is the steady floor beneath it.
  const noiseUnderBed = voiceBalance.bed === 'moving';
  const snr = estimateSnr(levels, noiseUnderBed ? (c) => spectralFloorDbfs(spectra, c) : undefined);
  const hum = assessHum(meters.hum.finish(), pauseWindowStarts(levels), {
    minProminenceDb: options.humMinProminenceDb,
    minLevelDbfs: options.humMinLevelDbfs,
  });
  const clipping = meters.clipping.finish();
  const balance = measureChannelBalance(levels, snr.speechLevelDbfs);
  return {
    decodedDurationS: frames / sampleRateHz,
    damage: damageOf(damage, (sampleFrames) => sampleFrames / sampleRateHz),
    sampleRateHz,
    channels,
    snr: { ...snr, pausesAreDigitalSilence: snr.frameCount > 0 && snr.digitalSilenceFrames / snr.frameCount >= DIGITAL_SILENCE_FRACTION, noiseUnderBed },
    voiceBalance,
    bandwidth: measureBandwidth(spectra, utterances),
    hum,
    clipping: { ...clipping, peakDbfs: Number.isFinite(clipping.peakDbfs) ? clipping.peakDbfs : null },
    ...loudnessOf(blockEnergy, options.loudnessMaxDeviationLu),
    channelBalance: { ...balance, levelsDbfs: balance.levelsDbfs.map((db) => (Number.isFinite(db) ? db : null)) },
    levelTrack: levelTrack(levels),
  };
}

function loudnessOf(blockEnergy: Float64Array, maxDeviationLu: number): Pick<AudioAnalysis, 'loudness' | 'loudnessTrack'> {
  return {
    loudness: assessLoudness(blockEnergy, { maxDeviationLu }),
    loudnessTrack: blockEnergy.map((energy) => (energy > 0 ? -0.691 + 10 * Math.log10(energy) : -Infinity)),
  };
}

/** Mono level every 100 ms, dBFS. */
function levelTrack(levels: HopLevels): AudioAnalysis['levelTrack'] {
  const levelsDbfs = levels.stepEnergy.map((energy) => (energy > 0 ? 10 * Math.log10(energy / levels.stepSamples) : -Infinity));
  return { stepS: levels.stepS, levelsDbfs };
}

/** A view of the bytes as floats; a copy only when the chunk does not start on a 4-byte boundary. */
function asFloat32(bytes: Buffer): Float32Array {
  if (bytes.byteOffset % 4 === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Start times of the quietest 15 % of whole windows (PAUSE_WINDOW_S), by the mono mix's energy. */
export function pauseWindowStarts(levels: HopLevels): Set<number> {
  const energies = levels.windowEnergy;
  // Window numbers sorted by energy (a stable sort: equal windows in time order).
  const order = Array.from({ length: energies.length }, (_, w) => w).sort((a, b) => energies[a]! - energies[b]!);
  const count = Math.max(1, Math.round(energies.length * PAUSE_FRACTION));
  return new Set(order.slice(0, count).map((w) => w * PAUSE_WINDOW_S));
}
