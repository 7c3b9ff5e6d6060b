import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { ffmpegPath, type FileResult, type Finding } from '@courseware-check/checker-core';
import { checkJson, findingOf } from './helpers/cli.js';
import { makeMedia } from './helpers/media.js';
import { ambienceBed, chordBed, integratedLufs, mainsHum, narration, pinkNoise, telephoneBand } from './helpers/narration.js';
import { framePowerPercentileDbfs, rmsDbfs } from './helpers/pcm.js';

/**
 * Narration under a bed (RULES.md second edition: audio.voice-balance, audio.bandwidth, and
 * audio.snr beneath background music), from real speech (espeak-ng) and a music-like bed (sox's
 * plucked chords) mixed at known levels, exported as a course would be (AAC 192 kbit/s, 48 kHz stereo).
 * The levels are set from the parts' own integrated loudness (ffmpeg's ebur128) before mixing.
 */
const SENTENCES = [
  'Welcome to this lesson on machine tools.',
  'Today we study the lathe and its parts.',
  'First, check the spindle speed before you start.',
  'Then measure the part with a caliper.',
  'Keep your hands away from the chuck at all times.',
  'Finally, clean the machine when you are done.',
  'Write down what you measured in your notebook.',
  'In the next lesson we will cut a thread.',
];
/** A faint floor (about −96 dBFS) so that pauses are not exact zeros. */
const FAINT_NOISE = 0.00003;
const MUSIC_BELOW_LU = [25, 15, 8, 3];

interface Mix {
  bed?: { path: string; gainDb: number };
  noiseAmplitude: number;
  voice?: string;
}

const files: Record<string, string> = {};
const truth = { narrationLufs: 0, musicLufs: 0, ambienceLufs: 0, speechDbfs: 0, unitNoiseDbfs: 0, pinkDbfs: 0, humDbfs: 0 };
let voice = '';
let durationS = 0;
let results: Map<string, FileResult>;
const finding = (name: string, rule: string): Finding => findingOf(results.get(files[name]!)!, rule);
const measured = <T>(name: string, rule: string) => finding(name, rule).measured as T;

/** Narration + bed + seeded white noise, summed without normalisation (amerge, pan), to AAC stereo. */
function lesson(name: string, { bed, noiseAmplitude, voice: source = voice }: Mix): Promise<string> {
  const inputs = ['-i', source, '-f', 'lavfi', '-i', `anoisesrc=color=white:amplitude=${noiseAmplitude}:seed=7:sample_rate=48000:duration=${durationS}`];
  const mono = 'aformat=sample_fmts=flt:channel_layouts=mono';
  let graph = `[0:a]${mono}[v];[1:a]${mono}[n];[v][n]amerge=inputs=2,pan=stereo|c0=c0+c1|c1=c0+c1[a]`;
  if (bed) {
    inputs.push('-i', bed.path);
    graph = `[0:a]${mono}[v];[1:a]${mono}[n];[2:a]${mono},volume=${bed.gainDb.toFixed(2)}dB[b];[v][n][b]amerge=inputs=3,pan=stereo|c0=c0+c1+c2|c1=c0+c1+c2[a]`;
  }
  return makeMedia(`${name}.mp4`, [...inputs, '-filter_complex', graph, '-map', '[a]', '-t', String(durationS), '-c:a', 'aac', '-b:a', '192k']);
}

async function decodeMono(path: string, extra: string[] = []): Promise<Float32Array> {
  const { stdout } = await execa(ffmpegPath(), ['-v', 'error', ...extra, '-i', path, '-ac', '1', '-ar', '48000', '-f', 'f32le', 'pipe:1'], { encoding: 'buffer', maxBuffer: 512 * 1024 * 1024 });
  const bytes = stdout as Uint8Array;
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Gain that puts a bed `belowLu` under the narration. */
const bedGain = (bedLufs: number, belowLu: number) => truth.narrationLufs - belowLu - bedLufs;
/** The programme while the narrator speaks (narration plus bed) against the bed alone, LU. */
const trueDifferenceLu = (belowLu: number) => 10 * Math.log10(1 + 10 ** (-belowLu / 10)) + belowLu;
/** White noise amplitude whose RMS lies `belowDb` under the speech level (STNR's 95th percentile). */
const noiseBelowSpeech = (belowDb: number) => 10 ** ((truth.speechDbfs - belowDb - truth.unitNoiseDbfs) / 20);

beforeAll(async () => {
  voice = await narration(SENTENCES);
  const speech = await decodeMono(voice);
  durationS = Math.floor(speech.length / 48000);
  const music = await chordBed(durationS);
  const ambience = await ambienceBed(durationS);
  truth.narrationLufs = await integratedLufs(voice);
  truth.musicLufs = await integratedLufs(music);
  truth.ambienceLufs = await integratedLufs(ambience);
  const pink = await pinkNoise(durationS);
  truth.pinkDbfs = rmsDbfs(await decodeMono(pink));
  const hum = await mainsHum(durationS);
  truth.humDbfs = rmsDbfs(await decodeMono(hum));
  truth.speechDbfs = framePowerPercentileDbfs(speech, 0.95);
  // anoisesrc's white noise at amplitude 1: measured, not assumed.
  truth.unitNoiseDbfs = rmsDbfs(await decodeMono(`anoisesrc=color=white:amplitude=1:seed=7:sample_rate=48000:duration=${durationS}`, ['-f', 'lavfi']));

  const jobs: [string, () => Promise<string>][] = [
    ...MUSIC_BELOW_LU.map((below): [string, () => Promise<string>] => [`music-${below}`, () => lesson(`music-${below}`, { bed: { path: music, gainDb: bedGain(truth.musicLufs, below) }, noiseAmplitude: FAINT_NOISE })]),
    ['music-20', () => lesson('music-20', { bed: { path: music, gainDb: bedGain(truth.musicLufs, 20) }, noiseAmplitude: FAINT_NOISE })],
    ['music-20-noise-45', () => lesson('music-20-noise-45', { bed: { path: music, gainDb: bedGain(truth.musicLufs, 20) }, noiseAmplitude: noiseBelowSpeech(45) })],
    ['music-20-noise-60', () => lesson('music-20-noise-60', { bed: { path: music, gainDb: bedGain(truth.musicLufs, 20) }, noiseAmplitude: noiseBelowSpeech(60) })],
    ['noise-40', () => lesson('noise-40', { noiseAmplitude: noiseBelowSpeech(40) })],
    // A steady bed is noise whatever its colour: pink noise 40 dB under the speech (its RMS measured).
    ['pink-40', () => lesson('pink-40', { bed: { path: pink, gainDb: truth.speechDbfs - 40 - truth.pinkDbfs }, noiseAmplitude: FAINT_NOISE })],
    // Hum as it comes, with the hiss of the line 10 dB under it (a bare tone fills one histogram bin,
    // which STNR's median smoothing erases: so it was before this change too).
    ['hum-40', () => lesson('hum-40', { bed: { path: hum, gainDb: truth.speechDbfs - 40 - truth.humDbfs }, noiseAmplitude: noiseBelowSpeech(50) })],
    ['ambience-8', () => lesson('ambience-8', { bed: { path: ambience, gainDb: bedGain(truth.ambienceLufs, 8) }, noiseAmplitude: FAINT_NOISE })],
    ['ambience-20', () => lesson('ambience-20', { bed: { path: ambience, gainDb: bedGain(truth.ambienceLufs, 20) }, noiseAmplitude: FAINT_NOISE })],
    ['natural', () => lesson('natural', { noiseAmplitude: FAINT_NOISE })],
    ['telephone', async () => lesson('telephone', { voice: await telephoneBand(voice), noiseAmplitude: FAINT_NOISE })],
  ];
  for (let i = 0; i < jobs.length; i += 2) {
    await Promise.all(jobs.slice(i, i + 2).map(async ([name, make]) => (files[name] = await make())));
  }
  const { report } = await checkJson(Object.values(files));
  results = new Map(report.files.map((f) => [f.path, f]));
}, 300_000);

interface Balance {
  differenceLu: number;
  bed: string;
}

describe('audio.voice-balance (narration against the bed in the pauses)', () => {
  it.each(MUSIC_BELOW_LU)('music %i LU under the narration: the difference within ±2 LU of the truth; ≥ 10 LU passes, less fails', (below) => {
    const balance = measured<Balance>(`music-${below}`, 'audio.voice-balance');
    const expected = trueDifferenceLu(below);
    process.stdout.write(`voice-balance, music ${below} LU under: measured ${balance.differenceLu} LU, true ${expected.toFixed(1)} LU\n`);
    expect(balance.bed).toBe('moving');
    expect(Math.abs(balance.differenceLu - expected)).toBeLessThanOrEqual(2);
    expect(finding(`music-${below}`, 'audio.voice-balance').status).toBe(expected >= 10 ? 'pass' : 'fail');
  });

  it('workshop ambience that swells and falls is a bed too: 8 LU under fails, 20 LU under passes', () => {
    const close = measured<Balance>('ambience-8', 'audio.voice-balance');
    process.stdout.write(`voice-balance, ambience 8 LU under: measured ${close.differenceLu} LU, true ${trueDifferenceLu(8).toFixed(1)} LU\n`);
    expect(close.bed).toBe('moving');
    expect(finding('ambience-8', 'audio.voice-balance').status).toBe('fail');
    expect(finding('ambience-20', 'audio.voice-balance').status).toBe('pass');
  });

  it('a steady noise floor in the pauses passes, however loud (it is audio.snr’s matter)', () => {
    expect(finding('noise-40', 'audio.voice-balance')).toMatchObject({ status: 'pass', messageId: 'audio.voice-balance/steady' });
    expect(finding('pink-40', 'audio.voice-balance')).toMatchObject({ status: 'pass', messageId: 'audio.voice-balance/steady' });
    expect(finding('hum-40', 'audio.voice-balance')).toMatchObject({ status: 'pass', messageId: 'audio.voice-balance/steady' });
    expect(finding('natural', 'audio.voice-balance').status).toBe('pass');
  });
});

interface Snr {
  snrDb: number;
  noiseLevelDbfs: number;
  noiseUnderBed: boolean;
}

describe('audio.snr beneath a music bed', () => {
  it('a clean narration with music 20 LU under passes (plain STNR would read the music as noise, about 25 dB)', () => {
    const snr = measured<Snr>('music-20', 'audio.snr');
    process.stdout.write(`snr, music 20 LU under, floor ${(truth.unitNoiseDbfs + 20 * Math.log10(FAINT_NOISE)).toFixed(1)} dBFS: measured ${snr.snrDb} dB, noise ${snr.noiseLevelDbfs} dBFS\n`);
    expect(snr.noiseUnderBed).toBe(true);
    expect(finding('music-20', 'audio.snr').status).toBe('pass');
  });

  it.each([45, 60])('white noise %i dB under the speech beneath the music: the noise read within ±3 dB', (below) => {
    const snr = measured<Snr>(`music-20-noise-${below}`, 'audio.snr');
    const noiseDbfs = truth.speechDbfs - below;
    process.stdout.write(`snr, music 20 LU under + noise ${below} dB under the speech: noise ${snr.noiseLevelDbfs} vs ${noiseDbfs.toFixed(1)} dBFS, SNR ${snr.snrDb} dB\n`);
    expect(snr.noiseUnderBed).toBe(true);
    expect(Math.abs(snr.noiseLevelDbfs - noiseDbfs)).toBeLessThanOrEqual(3);
    expect(finding(`music-20-noise-${below}`, 'audio.snr').status).toBe(below > 50 ? 'pass' : 'fail');
  });

  it.each(['noise', 'pink', 'hum'])('steady %s alone is measured as before (STNR, within ±2 dB)', (colour) => {
    const snr = measured<Snr>(`${colour}-40`, 'audio.snr');
    // The hum file holds hiss 10 dB under the hum as well: 0.4 dB more.
    const noiseDbfs = truth.speechDbfs - 40 + (colour === 'hum' ? 10 * Math.log10(1.1) : 0);
    process.stdout.write(`snr, ${colour} 40 dB under the speech: noise ${snr.noiseLevelDbfs} vs ${noiseDbfs.toFixed(1)} dBFS\n`);
    expect(snr.noiseUnderBed).toBe(false);
    expect(Math.abs(snr.noiseLevelDbfs - noiseDbfs)).toBeLessThanOrEqual(2);
    expect(finding(`${colour}-40`, 'audio.snr').status).toBe('fail');
  });
});

describe('audio.bandwidth', () => {
  it('natural narration reads −15 to −25 dB above 4 kHz and passes; a 3.4 kHz low-passed one warns', () => {
    const natural = measured<{ highBelowSpeechDb: number }>('natural', 'audio.bandwidth').highBelowSpeechDb;
    const telephone = measured<{ highBelowSpeechDb: number }>('telephone', 'audio.bandwidth').highBelowSpeechDb;
    process.stdout.write(`bandwidth: natural ${natural} dB, telephone band ${telephone} dB\n`);
    expect(natural).toBeGreaterThanOrEqual(-25);
    expect(natural).toBeLessThanOrEqual(-15);
    expect(finding('natural', 'audio.bandwidth').status).toBe('pass');
    expect(telephone).toBeLessThan(-50);
    expect(finding('telephone', 'audio.bandwidth')).toMatchObject({ status: 'warn', severity: 'warning' });
  });

  it('a music bed under natural narration does not narrow it', () => {
    expect(finding('music-15', 'audio.bandwidth').status).toBe('pass');
  });
});
