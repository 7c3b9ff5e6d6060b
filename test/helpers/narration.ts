import { createHash } from 'node:crypto';
import { mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { ffmpegPath } from '@courseware-check/checker-core';
import { MEDIA_CACHE } from './media.js';

/**
 * Real speech and music-like beds for the audio-balance tests, made with Debian's espeak-ng and sox
 * (the only makers of formant speech and plucked strings at hand), cached like helpers/media.ts by
 * their recipe. Both tools must be installed (`apt-get install espeak-ng sox`): a test that needs them
 * fails with that sentence rather than skipping.
 */
async function cached(fileName: string, recipe: unknown, make: (path: string) => Promise<void>): Promise<string> {
  const key = createHash('sha256').update(JSON.stringify([fileName, recipe])).digest('hex').slice(0, 16);
  const folder = join(MEDIA_CACHE, key);
  const path = join(folder, fileName);
  if ((await stat(path).catch(() => null))?.size) return path;
  await mkdir(folder, { recursive: true });
  const partial = join(folder, `partial-${process.pid}-${fileName}`);
  await make(partial);
  await rename(partial, path);
  return path;
}

async function tool(command: 'espeak-ng' | 'sox', args: string[]): Promise<void> {
  try {
    await execa(command, args);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') throw new Error(`${command} is needed to make this test's media: apt-get install espeak-ng sox`);
    throw error;
  }
}

/** A lesson's narration: English sentences spoken by espeak-ng, each followed by `pauseS` of silence; 48 kHz mono WAV. */
export function narration(sentences: string[], pauseS = 0.8): Promise<string> {
  return cached('narration.wav', ['espeak-ng en-us 150', sentences, pauseS], async (path) => {
    const parts: string[] = [];
    for (const [i, sentence] of sentences.entries()) {
      const spoken = `${path}.${i}.wav`;
      await tool('espeak-ng', ['-v', 'en-us', '-s', '150', '-w', spoken, sentence]);
      const padded = `${path}.${i}.48k.wav`;
      await tool('sox', [spoken, '-r', '48000', padded, 'pad', '0', String(pauseS)]);
      parts.push(padded);
    }
    await tool('sox', [...parts, '-t', 'wav', path]);
  });
}

/**
 * Music-like bed: plucked chords (sox's Karplus-Strong `pluck`), bass and triad struck twice a bar of
 * 1 s through C, F, G and Am, for `durationS`; 48 kHz mono WAV. Rich in harmonics up to about 9 kHz.
 */
export function chordBed(durationS: number): Promise<string> {
  const chords = [['C2', 'C4', 'E4', 'G4'], ['F2', 'F4', 'A4', 'C5'], ['G2', 'G4', 'B4', 'D5'], ['A2', 'A4', 'C5', 'E5']];
  return cached('chord-bed.wav', ['pluck 0.5 s', chords, durationS], async (path) => {
    const strokes: string[] = [];
    for (const [i, notes] of chords.entries()) {
      const stroke = `${path}.${i}.wav`;
      await tool('sox', ['-n', '-r', '48000', '-c', '1', stroke, 'synth', '0.5', ...notes.flatMap((n) => ['pluck', n]), 'remix', '-']);
      strokes.push(stroke, stroke);
    }
    const bar = `${path}.bar.wav`;
    await tool('sox', [...strokes, bar]);
    await tool('sox', [bar, '-t', 'wav', path, 'repeat', String(Math.ceil(durationS / 4)), 'trim', '0', String(durationS)]);
  });
}

/**
 * Workshop-like ambience: pink noise whose level swells and falls (tremolo at 0.4 Hz, 80 % deep), a
 * bed that moves as machines do; 48 kHz mono WAV. sox's noise is the same on every run (`-R`).
 */
export function ambienceBed(durationS: number): Promise<string> {
  return cached('ambience-bed.wav', ['pinknoise tremolo 0.4 80', durationS], (path) =>
    tool('sox', ['-R', '-n', '-r', '48000', '-c', '1', '-t', 'wav', path, 'synth', String(durationS), 'pinknoise', 'tremolo', '0.4', '80']),
  );
}

/** Steady pink noise (sox, the same on every run), 48 kHz mono WAV. */
export function pinkNoise(durationS: number): Promise<string> {
  return cached('pink-noise.wav', ['pinknoise', durationS], (path) => tool('sox', ['-R', '-n', '-r', '48000', '-c', '1', '-t', 'wav', path, 'synth', String(durationS), 'pinknoise', 'vol', '0.5']));
}

/** Mains hum: 50 Hz with its 2nd and 3rd harmonics 10 dB down, 48 kHz mono WAV. */
export function mainsHum(durationS: number): Promise<string> {
  return cached('mains-hum.wav', ['sine 50 100 150', durationS], async (path) => {
    const tones = [[50, 0.5], [100, 0.158], [150, 0.158]] as const;
    const parts = tones.map(([hz]) => `${path}.${hz}.wav`);
    for (const [i, [hz, amplitude]] of tones.entries()) {
      await tool('sox', ['-n', '-r', '48000', '-c', '1', parts[i]!, 'synth', String(durationS), 'sine', String(hz), 'vol', String(amplitude)]);
    }
    await tool('sox', ['-m', '-v', '1', parts[0]!, '-v', '1', parts[1]!, '-v', '1', parts[2]!, '-t', 'wav', path]);
  });
}

/** The narration through a steep 3.4 kHz low-pass (sox's `sinc`): a telephone-band source. */
export function telephoneBand(source: string): Promise<string> {
  return cached('telephone.wav', [source, 'sinc -3400'], (path) => tool('sox', [source, '-t', 'wav', path, 'sinc', '-3400']));
}

/** Integrated loudness (EBU R128) of a file by the bundled ffmpeg's ebur128 filter, LUFS. */
export async function integratedLufs(path: string): Promise<number> {
  const { stderr } = await execa(ffmpegPath(), ['-nostats', '-i', path, '-af', 'ebur128', '-f', 'null', '-']);
  return Number(/I:\s+(-?[\d.]+) LUFS/.exec(stderr.slice(stderr.lastIndexOf('Summary')))![1]);
}
