import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileResult, Report } from '@courseware-check/checker-core';
import { readMp4Index } from '../packages/checker-core/src/probe/mp4-index.js';
import { checkJson, verdicts } from './helpers/cli.js';
import { AAC, H264, makeMedia, testPicture, testSound } from './helpers/media.js';

/** Truncation is judged from the MP4 / QuickTime index against the file's size, through the real command line. */
let folder: string;
let report: Report;
let aacMov: string;
let pcmMov: string;
let fullBytes: number;

const entry = (name: string): FileResult => report.files.find((f) => f.path === join(folder, name))!;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'truncation-'));
  // The mov muxer trims AAC priming with an edit list; PCM in QuickTime has one sample per audio frame.
  aacMov = await makeMedia('aac.mov', [...testPicture(), ...testSound(), ...H264, ...AAC]);
  pcmMov = await makeMedia('pcm.mov', [...testPicture(), ...testSound(), ...H264, '-c:a', 'pcm_s16le']);
  const good = await makeMedia('good.mp4', [...testPicture(), ...testSound(), ...H264, ...AAC]);
  const faststart = await makeMedia('faststart.mp4', ['-i', good, '-c', 'copy', '-movflags', '+faststart']);
  await copyFile(aacMov, join(folder, 'aac.mov'));
  await copyFile(pcmMov, join(folder, 'pcm.mov'));
  await copyFile(faststart, join(folder, 'clean.mp4'));
  const bytes = await readFile(faststart);
  fullBytes = bytes.length;
  await writeFile(join(folder, 'cut-1.mp4'), bytes.subarray(0, fullBytes - 1));
  await writeFile(join(folder, 'cut-780.mp4'), bytes.subarray(0, fullBytes - 780));
  await writeFile(join(folder, 'cut-half.mp4'), bytes.subarray(0, Math.floor(fullBytes / 2)));
  // --quick: truncation is decided by the probe, before any decoding.
  report = (await checkJson(['--quick', folder])).report;
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

interface Truncation {
  endsAtS: number;
  totalS: number;
  missingS: { video?: number; audio?: number };
  presentBytes: number;
  promisedBytes: number;
}

/** Reads `truncated: the file ends at A s of B s (C s of video and D s of audio missing; E of F bytes present)`. */
function parseTruncation(message: string): Truncation {
  const match = /^truncated: the file ends at (\d+\.\d\d) s of (\d+\.\d\d) s \((.+) missing; ([\d,]+) of ([\d,]+) bytes present\)$/.exec(message);
  if (!match) throw new Error(`not a truncation message: ${message}`);
  const missingS: Truncation['missingS'] = {};
  for (const [, seconds, kind] of match[3]!.matchAll(/(\d+\.\d\d|< 0\.01) s of (video|audio)/g)) {
    missingS[kind as 'video' | 'audio'] = seconds!.startsWith('<') ? 0.005 : Number(seconds);
  }
  const number = (text: string) => Number(text.replaceAll(',', ''));
  return { endsAtS: Number(match[1]), totalS: Number(match[2]), missingS, presentBytes: number(match[4]!), promisedBytes: number(match[5]!) };
}

function expectJudged(file: FileResult): void {
  expect(file.error ?? null).toBeNull();
  expect(file.status).not.toBe('error');
  expect(verdicts(file)).toMatchObject({ 'audio.present': 'pass', 'video.codec': 'pass' });
}

describe('truncation from the MP4 / QuickTime index', () => {
  it('a QuickTime file whose AAC edit list trims the priming is judged, not truncated', async () => {
    const audio = (await readMp4Index(aacMov))!.tracks.find((t) => t.handler === 'soun')!;
    expect(audio.codec).toBe('mp4a');
    expect(audio.editList.some((edit) => edit.mediaTimeTicks > 0)).toBe(true);
    expectJudged(entry('aac.mov'));
  });

  it('a QuickTime file with PCM audio (one sample per audio frame) is judged, not truncated', async () => {
    const audio = (await readMp4Index(pcmMov))!.tracks.find((t) => t.handler === 'soun')!;
    expect(audio.codec).toBe('sowt');
    expect(audio.sampleCount).toBe(4 * 48_000);
    expectJudged(entry('pcm.mov'));
  });

  it('a clean file has no error', () => {
    expectJudged(entry('clean.mp4'));
  });

  it.each([
    ['cut-1.mp4', 1],
    ['cut-780.mp4', 780],
  ])('%s (cut by %i bytes) is truncated, near its end, with the missing time and bytes', (name, cutBytes) => {
    const file = entry(name);
    expect(file.status).toBe('error');
    expect(file.error?.code).toBe('truncated');
    expect(file.error?.message).not.toMatch(/\n/);
    const truncation = parseTruncation(file.error!.message);
    expect(truncation.totalS).toBeCloseTo(4, 2);
    expect(truncation.endsAtS).toBeGreaterThan(3.8);
    expect(truncation.endsAtS).toBeLessThan(truncation.totalS);
    const missing = (truncation.missingS.video ?? 0) + (truncation.missingS.audio ?? 0);
    expect(missing).toBeGreaterThan(0);
    expect(missing).toBeLessThan(0.2);
    expect(truncation).toMatchObject({ presentBytes: fullBytes - cutBytes, promisedBytes: fullBytes });
  });

  it('a file cut at half its bytes misses about half of its duration', () => {
    const file = entry('cut-half.mp4');
    expect(file.error?.code).toBe('truncated');
    const truncation = parseTruncation(file.error!.message);
    expect(truncation.endsAtS).toBeCloseTo(2, 0);
    expect(Math.abs(truncation.missingS.video! - 2)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(truncation.missingS.audio! - 2)).toBeLessThanOrEqual(0.5);
    expect(truncation).toMatchObject({ presentBytes: Math.floor(fullBytes / 2), promisedBytes: fullBytes });
  });
});
