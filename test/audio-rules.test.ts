import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { ffmpegPath, type FileResult, type Finding } from '@courseware-check/checker-core';
import { speechLikeExpression } from '../scripts/speech-like.js';
import { checkJson, findingOf } from './helpers/cli.js';
import { makeMedia } from './helpers/media.js';
import { framePowerPercentileDbfs, renderMono, rmsDbfs } from './helpers/pcm.js';

/**
 * Audio exported as a course would be (AAC 192 kbit/s, 48 kHz stereo, in MP4) from deterministic
 * sources with known truth: a speech-like voice with pauses, seeded noise, mains tones.
 */
const DURATION_S = 20;
const SPEECH = speechLikeExpression({ peak: 0.5 });
const noise = (amplitude: number) => `${amplitude}*(2*random(0)-1)`;
const tone = (hz: number, dbfs: number) => `${10 ** (dbfs / 20)}*sin(2*PI*${hz}*t)`;
/** A faint floor (about −95 dBFS) so that pauses are not digital silence. */
const FLOOR = noise(0.00003);

function lesson(name: string, left: string, right = left, durationS = DURATION_S): Promise<string> {
  return makeMedia(`${name}.mp4`, [
    '-f', 'lavfi', '-i', `aevalsrc=exprs=${left}|${right}:sample_rate=48000:duration=${durationS}`,
    '-c:a', 'aac', '-b:a', '192k',
  ]);
}

/** Noise amplitudes whose RMS is 20 … 70 dB below the speech, set from a first rendering. */
const NOISE_BELOW_SPEECH_DB = [20, 30, 40, 45, 50, 60, 70];

const files: Record<string, string> = {};
let results: Map<string, FileResult>;
const truth: { speechDbfs: number; noiseDbfs: Record<number, number> } = { speechDbfs: 0, noiseDbfs: {} };
const finding = (name: string, rule: string): Finding => findingOf(results.get(files[name]!)!, rule);

beforeAll(async () => {
  const clean = await renderMono(SPEECH, DURATION_S);
  truth.speechDbfs = framePowerPercentileDbfs(clean, 0.95);
  // ffmpeg's random() is not uniform on [0, 1): measure the noise rather than assume its RMS.
  const unitNoiseDbfs = rmsDbfs(await renderMono(noise(1), DURATION_S));
  const jobs: [string, () => Promise<string>][] = [];
  for (const below of NOISE_BELOW_SPEECH_DB) {
    const amplitude = 10 ** ((truth.speechDbfs - below - unitNoiseDbfs) / 20);
    jobs.push([`snr-${below}`, async () => {
      truth.noiseDbfs[below] = rmsDbfs(await renderMono(noise(amplitude), DURATION_S));
      return lesson(`snr-${below}`, `${SPEECH}+${noise(amplitude)}`);
    }]);
  }
  jobs.push(
    ['clean', () => lesson('clean', `${SPEECH}+${FLOOR}`)],
    ['digital-silence', () => lesson('digital-silence', SPEECH)],
    ['hum-50-at-70', () => lesson('hum-50-at-70', `${SPEECH}+${FLOOR}+${tone(50, -70)}`)],
    ['hum-60-at-60', () => lesson('hum-60-at-60', `${SPEECH}+${FLOOR}+${tone(60, -60)}+${tone(180, -66)}`)],
    ['hum-50-at-80', () => lesson('hum-50-at-80', `${SPEECH}+${FLOOR}+${tone(50, -80)}`)],
    ['overdrive-3db', () => lesson('overdrive-3db', `clip(${speechLikeExpression({ peak: 10 ** (3 / 20) })}\\,-1\\,1)+${FLOOR}`)],
    ['overdrive-10db', () => lesson('overdrive-10db', `clip(${speechLikeExpression({ peak: 10 ** (10 / 20) })}\\,-1\\,1)+${FLOOR}`)],
    ['peak-1db', () => lesson('peak-1db', `${speechLikeExpression({ peak: 10 ** (-1 / 20) })}+${FLOOR}`)],
    // 70 s at a steady level, but +12 dB over 20–25 s and −12 dB over 40–50 s. A dip must last
    // about 10 s to move a 10 s median of 3 s loudness: a 3 s window that touches normal speech is
    // dominated by it, so a 5 s dip leaves only 2 s of low values. A 5 s burst spreads to 8 s.
    ['loudness-steps', () => lesson('loudness-steps', `${speechLikeExpression({ peak: 0.2 })}*(1+2.981*between(t\\,20\\,25)-0.749*between(t\\,40\\,50))+${FLOOR}`, undefined, 70)],
    ['loudness-steady', () => lesson('loudness-steady', `${speechLikeExpression({ peak: 0.2 })}+${FLOOR}`, undefined, 70)],
    ['right-silent', () => lesson('right-silent', `${SPEECH}+${FLOOR}`, '0')],
    ['right-30db', () => lesson('right-30db', `${SPEECH}+${FLOOR}`, `0.0316*(${SPEECH})+${FLOOR}`)],
    ['right-3db', () => lesson('right-3db', `${SPEECH}+${FLOOR}`, `0.708*(${SPEECH})+${FLOOR}`)],
  );
  for (let i = 0; i < jobs.length; i += 2) {
    await Promise.all(jobs.slice(i, i + 2).map(async ([name, make]) => (files[name] = await make())));
  }
  const { report } = await checkJson(Object.values(files));
  results = new Map(report.files.map((f) => [f.path, f]));
});

describe('audio.snr (NIST STNR, blind)', () => {
  it.each(NOISE_BELOW_SPEECH_DB)('noise %i dB below the speech: levels within ±2 dB of the truth', (below) => {
    const measured = finding(`snr-${below}`, 'audio.snr').measured as { noiseLevelDbfs: number; speechLevelDbfs: number; snrDb: number };
    process.stdout.write(`SNR ${below} dB below: noise ${measured.noiseLevelDbfs} vs ${truth.noiseDbfs[below]!.toFixed(1)} dBFS, speech ${measured.speechLevelDbfs} vs ${truth.speechDbfs.toFixed(1)} dBFS\n`);
    expect(Math.abs(measured.noiseLevelDbfs - truth.noiseDbfs[below]!)).toBeLessThanOrEqual(2);
    expect(Math.abs(measured.speechLevelDbfs - truth.speechDbfs)).toBeLessThanOrEqual(2);
  });

  it('judges right on both sides of 50 dB: 45 dB fails, 60 dB passes', () => {
    expect(finding('snr-45', 'audio.snr').status).toBe('fail');
    expect(finding('snr-60', 'audio.snr').status).toBe('pass');
    expect(finding('snr-20', 'audio.snr').status).toBe('fail');
  });

  it('reports pauses of pure digital silence as such, without a crash', () => {
    const snr = finding('digital-silence', 'audio.snr');
    expect(snr.status).toBe('warn');
    expect(snr.message).toMatch(/pure digital silence \(\d+% of frames/);
    expect((snr.measured as { digitalSilenceFrames: number }).digitalSilenceFrames).toBeGreaterThan(100);
  });
});

describe('audio.hum', () => {
  it('finds 50 Hz hum at −70 dBFS, at 50 Hz and at its level ±1.5 dB', () => {
    const hum = finding('hum-50-at-70', 'audio.hum');
    expect(hum.status).toBe('fail');
    expect(hum.measured).toMatchObject({ mainsHz: 50, frequencyHz: 50 });
    expect(Math.abs((hum.measured as { levelDbfs: number }).levelDbfs + 70)).toBeLessThanOrEqual(1.5);
    expect(hum.at!.length).toBeGreaterThan(0);
  });

  it('tells 60 Hz mains from 50 Hz', () => {
    expect(finding('hum-60-at-60', 'audio.hum').measured).toMatchObject({ mainsHz: 60, frequencyHz: 60 });
  });

  it('reports no hum on the clean voice, nor a tone under −70 dBFS', () => {
    expect(finding('clean', 'audio.hum').status).toBe('pass');
    expect(finding('hum-50-at-80', 'audio.hum').status).toBe('pass');
  });
});

describe('audio.clipping', () => {
  it.each(['overdrive-3db', 'overdrive-10db'])('%s is found after AAC encoding, with its places', (name) => {
    const clipping = finding(name, 'audio.clipping');
    expect(clipping.status).toBe('fail');
    expect(clipping.at!.length).toBeGreaterThan(0);
    expect(clipping.at![0]!.start).toBeLessThan(2.5); // the first phrase
  });

  it('a −1 dBFS peak passes', () => {
    const clipping = finding('peak-1db', 'audio.clipping');
    expect(clipping.status).toBe('pass');
    expect((clipping.measured as { peakDbfs: number }).peakDbfs).toBeLessThan(0);
  });
});

describe('audio.loudness (EBU R128)', () => {
  it('integrated loudness is within 0.5 LU of ffmpeg ebur128 on the same file', async () => {
    for (const name of ['clean', 'loudness-steps', 'snr-40']) {
      const { stderr } = await execa(ffmpegPath(), ['-nostats', '-i', files[name]!, '-map', '0:a:0', '-af', 'ebur128', '-f', 'null', '-']);
      const reference = Number(/I:\s+(-?[\d.]+) LUFS\s+Threshold/.exec(stderr.slice(stderr.lastIndexOf('Summary')))![1]);
      const measured = (finding(name, 'audio.loudness').measured as { integratedLufs: number }).integratedLufs;
      expect(Math.abs(measured - reference), name).toBeLessThanOrEqual(0.5);
    }
  });

  it('reports the +12 dB burst and the −12 dB dip as swings at their times (±3 s)', () => {
    const loudness = finding('loudness-steps', 'audio.loudness');
    expect(loudness.status).toBe('warn');
    expect(loudness.severity).toBe('warning');
    const ranges = loudness.at!;
    expect(ranges).toHaveLength(2);
    const centre = (r: { start: number; end: number }) => (r.start + r.end) / 2;
    expect(Math.abs(centre(ranges[0]!) - 22.5)).toBeLessThanOrEqual(3);
    expect(Math.abs(centre(ranges[1]!) - 45)).toBeLessThanOrEqual(3);
    expect(loudness.message).toMatch(/louder by .* quieter by/);
  });

  it('a steady voice passes', () => {
    expect(finding('loudness-steady', 'audio.loudness').status).toBe('pass');
  });
});

describe('audio.channel-balance', () => {
  it('fails a silent right channel and one 30 dB lower, passes one 3 dB lower', () => {
    expect(finding('right-silent', 'audio.channel-balance')).toMatchObject({ status: 'fail', message: expect.stringContaining('right channel is silent') });
    const lower30 = finding('right-30db', 'audio.channel-balance');
    expect(lower30.status).toBe('fail');
    expect(Math.abs((lower30.measured as { differenceDb: number }).differenceDb - 30)).toBeLessThanOrEqual(1);
    const lower3 = finding('right-3db', 'audio.channel-balance');
    expect(lower3.status).toBe('pass');
    expect(Math.abs((lower3.measured as { differenceDb: number }).differenceDb - 3)).toBeLessThanOrEqual(0.5);
  });
});

describe('the clean voice', () => {
  it('passes every audio signal rule', () => {
    for (const rule of ['audio.snr', 'audio.hum', 'audio.clipping', 'audio.loudness', 'audio.channel-balance']) {
      expect(finding('clean', rule).status, rule).toBe('pass');
    }
  });
});
