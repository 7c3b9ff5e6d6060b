import { createHash } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { ffmpegPath } from '@courseware-check/checker-core';
import { speechLikeExpression } from '../../scripts/speech-like.js';

/** Generated media lives outside the repo, keyed by the exact ffmpeg arguments, so reruns reuse it. */
export const MEDIA_CACHE = join(tmpdir(), 'courseware-check-test-media');

/**
 * Runs the bundled ffmpeg to make `fileName` and returns its path. `args` are everything between
 * `ffmpeg -y` and the output path. Deterministic sources only: the same arguments, the same file.
 */
export async function makeMedia(fileName: string, args: string[]): Promise<string> {
  const key = createHash('sha256').update(JSON.stringify([fileName, args])).digest('hex').slice(0, 16);
  const folder = join(MEDIA_CACHE, key);
  const path = join(folder, fileName);
  if (await exists(path)) return path;
  await mkdir(folder, { recursive: true });
  const partial = join(folder, `partial-${process.pid}-${fileName}`);
  const format = fileName.endsWith('.mov') ? ['-f', 'mov'] : fileName.endsWith('.mkv') ? ['-f', 'matroska'] : fileName.endsWith('.mp4') ? ['-f', 'mp4'] : [];
  await execa(ffmpegPath(), ['-y', '-v', 'error', '-nostdin', ...args, ...format, partial]);
  await rename(partial, path);
  return path;
}

/** A lavfi test picture: moving, deterministic. */
export function testPicture({ size = '1280x720', fps = '25', durationS = 4 } = {}): string[] {
  return ['-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=${fps}:duration=${durationS}`];
}

/**
 * Narration as a course has it: a speech-like voice with pauses (scripts/speech-like.ts) over a
 * faint room noise (about −85 dBFS), so that every audio rule has something real to pass.
 */
export function testSound({ rateHz = 48000, channels = 2, durationS = 4 } = {}): string[] {
  const layout = channels === 1 ? 'mono' : channels === 2 ? 'stereo' : `${channels}c`;
  const voice = `${speechLikeExpression()}+0.0001*(2*random(0)-1)`;
  return ['-f', 'lavfi', '-i', `aevalsrc=exprs=${voice}:sample_rate=${rateHz}:duration=${durationS},aformat=channel_layouts=${layout}`];
}

/** H.264 + AAC the way a course export is made; fast settings, one thread, so outputs are reproducible. */
export const H264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-threads', '1'];
export const AAC = ['-c:a', 'aac', '-b:a', '192k'];

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.size > 0,
    () => false,
  );
}

/** Puts a conforming UTF-8 sidecar (`NAME.srt`) beside a generated video and returns the video's path. */
export async function withSidecar(videoPath: string): Promise<string> {
  const sidecar = videoPath.replace(/\.[^.]+$/, '.srt');
  if (!(await exists(sidecar))) await writeFile(sidecar, '1\n00:00:00,500 --> 00:00:01,800\n欢迎来到本课程。\n');
  return videoPath;
}
