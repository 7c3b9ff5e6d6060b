/**
 * The lessons `pnpm bench` measures, made once with the bundled ffmpeg and kept in bench/.media/.
 * Deterministic: lavfi sources and expressions only (no fonts, no randomness), x264 with a fixed
 * thread count. `tsx bench/media.ts` makes them all ahead of a run.
 */
import { mkdir, rename, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { execa } from 'execa';
import { ffmpegPath, ffprobePath } from '@courseware-check/checker-core';
import { speechLikeExpression } from '../scripts/speech-like.js';

export const MEDIA = fileURLToPath(new URL('./.media', import.meta.url));

async function exists(path: string): Promise<boolean> {
  return stat(path).then((s) => s.size > 0, () => false);
}

/** Makes `name` with `args` (everything between `ffmpeg -y` and the output) unless it is there. */
export async function ensure(name: string, args: string[], format = 'mp4'): Promise<string> {
  const path = join(MEDIA, name);
  if (await exists(path)) return path;
  await mkdir(join(path, '..'), { recursive: true });
  process.stderr.write(`generating ${name} (once; kept in bench/.media/)…\n`);
  const started = Date.now();
  await execa(ffmpegPath(), ['-y', '-v', 'error', '-nostdin', ...args, '-f', format, `${path}.part`]);
  await rename(`${path}.part`, path);
  process.stderr.write(`  ${name}: ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  return path;
}

/** Narration: the speech-like voice with pauses over a faint noise floor, 48 kHz stereo. */
function narration(durationS: number): string[] {
  return ['-f', 'lavfi', '-i', `aevalsrc=exprs=${speechLikeExpression()}+0.0001*(2*random(0)-1):sample_rate=48000:duration=${durationS}`];
}
const AAC = ['-c:a', 'aac', '-b:a', '192k', '-ac', '2'];
/** As editors export: x264 `medium`, a target bit rate, 2 encoder threads (a fixed count keeps the output the same everywhere). */
const X264_MEDIUM = (bitrate: string, maxrate: string, bufsize: string) => [
  '-c:v', 'libx264', '-preset', 'medium', '-threads', '2', '-b:v', bitrate, '-maxrate', maxrate, '-bufsize', bufsize, '-pix_fmt', 'yuv420p',
];

/** A fractional hash of an expression, in [0, 1): rows and columns of "text" without a font. */
const hash = (expr: string) => `(sin(${expr})*43758.5453-floor(sin(${expr})*43758.5453))`;

/** The 10-minute 1080p25 file of the `--quick` figures: moving test picture with grain, x264 veryfast (as before). */
export function quickLesson(): Promise<string> {
  return ensure('lesson-10min-1080p25.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=25:duration=600',
    ...narration(600),
    '-vf', 'noise=alls=6:allf=t', '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '3M', '-pix_fmt', 'yuv420p',
    ...AAC, '-movflags', '+faststart',
  ]);
}

/**
 * A 720p slide lesson, 6 minutes: a new slide of text lines under a title bar every 20 s, a red
 * pointer moving over it for the first 6 s of each, narration throughout.
 */
export function slideLesson(): Promise<string> {
  const durationS = 360;
  const line = 'floor(Y/36)';
  const lum = `if(lt(Y,96),70,if(between(mod(Y,36),9,25)*between(X,96,1184)*lt(X,96+1088*(0.3+0.7*${hash(`(${line}+1)*12.9898+N*78.233`)}))*gt(${hash(`floor(X/11)*12.9898+${line}*78.233+N*37.719`)},0.22)*gt(${hash('X*12.9898+Y*78.233')},0.4),45,236))`;
  const graph = [
    // One picture per slide (geq runs once a slide), repeated at 25 fps; one slide more than shown, so that the last lasts.
    `color=c=white:size=1280x720:rate=1/20:duration=${durationS + 20},format=yuv420p,geq=lum='${lum}':cb='if(lt(Y,48),150,128)':cr='if(lt(Y,48),110,128)',fps=25[slides]`,
    'color=c=red:size=14x14:rate=25[pointer]',
    "[slides][pointer]overlay=x='640+420*sin(t*0.7)':y='380+220*sin(t*1.1)':enable='lt(mod(t,20),6)':shortest=1",
  ].join(';');
  return ensure('slides-720p25-6min.mp4', ['-f', 'lavfi', '-i', graph, ...narration(durationS), '-t', String(durationS), ...X264_MEDIUM('3M', '4M', '8M'), ...AAC]);
}

/**
 * A 1080p screen recording, 4 minutes: a code editor's page (text lines with indentation and
 * highlighted words) scrolled by 160 px every 12 s, on a dark window, a pointer moving all the time.
 */
export function screenLesson(): Promise<string> {
  const durationS = 240;
  const row = 'floor(Y/28)';
  const indent = `(40+40*floor(4*${hash(`(${row}+1)*4.1414`)}))`;
  const text = `between(mod(Y,28),7,21)*gte(X,${indent})*lt(X,${indent}+1400*(0.15+0.85*${hash(`(${row}+1)*12.9898`)}))*gt(${hash(`floor(X/10)*12.9898+${row}*78.233`)},0.18)*gt(${hash('floor(X/2)*12.9898+floor(Y/2)*78.233')},0.35)`;
  const graph = [
    `color=c=white:size=1600x4400:rate=1/300:duration=${durationS + 300},format=yuv420p,geq=lum='if(${text},50,245)':cb='if(between(mod(Y,28),7,21)*lt(X,${indent}+200)*gt(${hash(`(${row}+1)*4.1414`)},0.5),170,128)':cr=128,fps=25,crop=1600:1000:0:'min(3400\\,floor(t/12)*160+160*min(1\\,mod(t\\,12)/0.6))'[page]`,
    'color=c=0x303030:size=1920x1080:rate=25[window]',
    'color=c=0xf0f0f0:size=16x24:rate=25[pointer]',
    '[window][page]overlay=x=320:y=80:shortest=1[screen]',
    "[screen][pointer]overlay=x='960+700*sin(t*0.37)':y='540+400*sin(t*0.53)':shortest=1",
  ].join(';');
  return ensure('screen-1080p25-4min.mp4', ['-f', 'lavfi', '-i', graph, ...narration(durationS), '-t', String(durationS), ...X264_MEDIUM('6M', '8M', '12M'), ...AAC]);
}

/**
 * A 1080p camera lesson, 3 minutes: a moving scene shot soft (rendered at 540p, scaled up),
 * desaturated, with sensor grain that changes every frame.
 */
export function cameraLesson(): Promise<string> {
  const durationS = 180;
  return ensure('camera-1080p25-3min.mp4', [
    '-f', 'lavfi', '-i', `testsrc2=size=960x540:rate=25:duration=${durationS},scale=1920:1080:flags=bicubic,eq=saturation=0.7,noise=alls=4:allf=t`,
    ...narration(durationS), ...X264_MEDIUM('6M', '8M', '12M'), ...AAC,
  ]);
}

/**
 * For peak memory against length: the same cheap-to-encode lesson (640×360 ultrafast, the same
 * narration) 10 and 60 minutes long. It measures the meters' memory, which grows with frames and
 * audio seconds, not with the picture size.
 */
export function memoryLesson(minutes: number): Promise<string> {
  const durationS = minutes * 60;
  return ensure(`memory-360p25-${minutes}min.mp4`, [
    '-f', 'lavfi', '-i', `testsrc2=size=640x360:rate=25:duration=${durationS}`,
    ...narration(durationS), '-c:v', 'libx264', '-preset', 'ultrafast', '-threads', '2', '-pix_fmt', 'yuv420p', ...AAC,
  ]);
}

/**
 * `count` pieces of `source`, each cut by stream copy (no encoding) at its own place and length,
 * starting at a keyframe: an exported lesson starts with one. (A piece cut between keyframes starts
 * with frames there only to be discarded, and then every ffprobe and ffmpeg that opens it decodes up
 * to 5 s of video before it starts: 0.1–1 s of CPU a file, which no export costs.)
 */
async function pieces(folder: string, source: string, count: number, shortestS: number, longestS: number, offset = 0): Promise<string[]> {
  const keyframes = await keyframeTimes(source);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const lengthS = shortestS + ((i * 7) % (longestS - shortestS + 1));
    // Spread over the source: the i-th of `count` places, at a keyframe that leaves the whole length.
    const usable = keyframes.filter((t) => t + lengthS + 1 < keyframes.at(-1)! + 10);
    const startS = usable[Math.floor((i * usable.length) / count) % usable.length]!;
    out.push(await ensure(join(folder, `${String(offset + i + 1).padStart(3, '0')}.mp4`), ['-ss', startS.toFixed(6), '-i', source, '-t', String(lengthS), '-c', 'copy']));
  }
  return out;
}

/** Presentation times of the source's keyframes, from its packets. */
async function keyframeTimes(source: string): Promise<number[]> {
  const { stdout } = await execa(ffprobePath(), ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', source]);
  return stdout
    .split('\n')
    .map((line) => line.split(','))
    .filter(([time, flags]) => flags?.startsWith('K') && Number.isFinite(Number(time)))
    .map(([time]) => Number(time))
    .sort((a, b) => a - b);
}

/** 100 lessons for `--quick` over a folder: 20–60 s pieces of the 10-minute file (1080p, B-frames, cut mid-GOP). */
export async function quickBatch(): Promise<string> {
  await pieces('quick-pieces', await quickLesson(), 100, 20, 60);
  return join(MEDIA, 'quick-pieces');
}

/** 30 short lessons for the batch figures: 15–25 s pieces of the three lessons, ten of each. */
export async function shortBatch(): Promise<string> {
  await pieces('short-pieces', await slideLesson(), 10, 15, 25, 0);
  await pieces('short-pieces', await screenLesson(), 10, 15, 25, 10);
  await pieces('short-pieces', await cameraLesson(), 10, 15, 25, 20);
  return join(MEDIA, 'short-pieces');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await quickLesson();
  await slideLesson();
  await screenLesson();
  await cameraLesson();
  await memoryLesson(10);
  await memoryLesson(60);
  await quickBatch();
  await shortBatch();
}
