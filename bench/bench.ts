/**
 * pnpm bench — speed of courseware-check against the floor it races: ffprobe and plain ffmpeg
 * decoding of the same file, measured in the same run. Prints medians of RUNS runs.
 */
import { mkdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { execa } from 'execa';
import { ffmpegPath, ffprobePath, loadProfile, probeMedia, run } from '@courseware-check/checker-core';
import { analyzeAudio } from '../packages/checker-core/src/analyze/audio/analyze-audio.js';
import { speechLikeExpression } from '../scripts/speech-like.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MEDIA = fileURLToPath(new URL('./.media', import.meta.url));
/** measure-analysis.ts runs on checker-core's sources, as this script does (`pnpm bench`). */
const TSX_SOURCES = ['--conditions=@courseware-check/source', '--import', 'tsx'];

async function ensure(name: string, args: string[]): Promise<string> {
  const path = join(MEDIA, name);
  if (await stat(path).then((s) => s.size > 0, () => false)) return path;
  await mkdir(MEDIA, { recursive: true });
  process.stderr.write(`generating ${name} (once; kept in bench/.media/)…\n`);
  await execa(ffmpegPath(), ['-y', '-v', 'error', '-nostdin', ...args, '-f', 'mp4', `${path}.part`]);
  await execa('mv', [`${path}.part`, path]);
  return path;
}

/** 10-minute 1080p25 lesson: moving test picture with grain, speech-like narration, veryfast x264. */
function lessonArgs(durationS: number, size: string): string[] {
  return [
    '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=25:duration=${durationS}`,
    '-f', 'lavfi', '-i', `aevalsrc=exprs=${speechLikeExpression()}+0.0001*(2*random(0)-1):sample_rate=48000:duration=${durationS}`,
    '-vf', 'noise=alls=6:allf=t', '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '3M', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-b:a', '192k', '-ac', '2', '-movflags', '+faststart',
  ];
}

async function medianSeconds(label: string, run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push((performance.now() - start) / 1000);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  process.stderr.write(`  ${label}: median ${median.toFixed(3)} s of ${RUNS} (${times.map((t) => t.toFixed(3)).join(', ')})\n`);
  return median;
}

const rows: [string, string][] = [];
const report = (name: string, value: string) => {
  rows.push([name, value]);
  process.stderr.write(`${name}: ${value}\n`);
};

const lesson = await ensure('lesson-10min-1080p25.mp4', lessonArgs(600, '1920x1080'));
const small = await Promise.all(Array.from({ length: 16 }, (_, i) => ensure(`small-${String(i + 1).padStart(2, '0')}.mp4`, lessonArgs(10 + i, '1280x720'))));
const web = await loadProfile('web');

const quickS = await medianSeconds('--quick check (in process)', () => run({ paths: [lesson], profile: web, quick: true, jobs: 1 }));
const probeS = await medianSeconds('bare ffprobe -show_format -show_streams', () => execa(ffprobePath(), ['-v', 'error', '-show_format', '-show_streams', lesson]));
// Whole processes, as a user runs the command (the built JavaScript of packages/cli), against Node's own start.
const BIN = fileURLToPath(new URL('../packages/cli/bin/courseware-check.js', import.meta.url));
const nodeS = await medianSeconds('node -e 0', () => execa('node', ['-e', '0']));
const helpS = await medianSeconds('courseware-check --help (whole process)', () => execa('node', [BIN, '--help']));
const cliQuickS = await medianSeconds('courseware-check --quick FILE (whole process)', () => execa('node', [BIN, '--quick', '--format', 'json', lesson], { reject: false }));
report('(a) --quick check of the 10-min 1080p file, in process', `${quickS.toFixed(3)} s`);
report('(b) bare ffprobe -show_format -show_streams', `${probeS.toFixed(3)} s`);
report('(c) ratio (a)/(b)', `${(quickS / probeS).toFixed(2)}×`);
report('    courseware-check --quick FILE, whole process', `${cliQuickS.toFixed(3)} s (bare ffprobe ${probeS.toFixed(3)} s, ${(cliQuickS / probeS).toFixed(1)}×)`);
report('    courseware-check --help, whole process', `${helpS.toFixed(3)} s (node -e 0 ${nodeS.toFixed(3)} s, +${(helpS - nodeS).toFixed(3)} s)`);

const batch = (jobs: number) => () => run({ paths: small, profile: web, jobs });
const jobs1 = await medianSeconds('16 files, --jobs 1', batch(1));
const jobs2 = await medianSeconds('16 files, --jobs 2', batch(2));
report('(d) batch of 16 small files, --jobs 1', `${(16 / jobs1).toFixed(2)} files/s`);
report('    batch of 16 small files, --jobs 2', `${(16 / jobs2).toFixed(2)} files/s (speed-up ${(jobs1 / jobs2).toFixed(2)}×)`);

// Issue 3: the audio pass against a plain decode of the same stream, measured in this run.
const lessonFacts = await probeMedia(lesson);
const decodeAudioS = await medianSeconds('plain ffmpeg decode of the audio stream', () =>
  execa(ffmpegPath(), ['-v', 'error', '-i', lesson, '-map', '0:a:0', '-f', 'null', '-']),
);
const analyzeAudioS = await medianSeconds('audio analysis (decode + all measurements)', () => analyzeAudio(lesson, lessonFacts.audio!));
report('(e) plain ffmpeg -map 0:a:0 -f null of the 10-min file', `${decodeAudioS.toFixed(3)} s`);
report('    audio analysis of it (one f32 decode, all measurements)', `${analyzeAudioS.toFixed(3)} s (ratio ${(analyzeAudioS / decodeAudioS).toFixed(2)}×, goal ≤ 1.3×)`);
const longAudio = await ensure('narration-15min.mp4', [
  '-f', 'lavfi', '-i', `aevalsrc=exprs=${speechLikeExpression()}+0.0001*(2*random(0)-1):sample_rate=48000:duration=900`,
  '-c:a', 'aac', '-b:a', '192k', '-ac', '2',
]);
const memory = JSON.parse(
  (await execa('node', [...TSX_SOURCES, fileURLToPath(new URL('./measure-analysis.ts', import.meta.url)), 'audio', longAudio])).stdout,
) as { seconds: number; peakRssMiB: number; baselineRssMiB: number };
report('    audio analysis of a 15-min file: peak RSS of the process', `${memory.peakRssMiB.toFixed(0)} MiB (${memory.baselineRssMiB.toFixed(0)} MiB before it started)`);

// Issue 4: the video pass against a plain decode of the same stream; peak memory in a fresh process.
const VIDEO_RUNS = Number(process.env.BENCH_VIDEO_RUNS ?? RUNS);
const videoTimes = { decode: [] as number[], analysis: [] as number[], peakRssMiB: [] as number[] };
for (let i = 0; i < VIDEO_RUNS; i++) {
  // Interleaved, so that both see the same machine load.
  let start = performance.now();
  await execa(ffmpegPath(), ['-v', 'error', '-i', lesson, '-map', '0:v:0', '-f', 'null', '-']);
  videoTimes.decode.push((performance.now() - start) / 1000);
  start = performance.now();
  const run = JSON.parse((await execa('node', [...TSX_SOURCES, fileURLToPath(new URL('./measure-analysis.ts', import.meta.url)), 'video', lesson])).stdout) as { seconds: number; peakRssMiB: number };
  videoTimes.analysis.push(run.seconds);
  videoTimes.peakRssMiB.push(run.peakRssMiB);
  process.stderr.write(`  video run ${i + 1}/${VIDEO_RUNS}: decode ${videoTimes.decode.at(-1)!.toFixed(2)} s, analysis ${run.seconds.toFixed(2)} s, peak ${run.peakRssMiB.toFixed(0)} MiB\n`);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
report('(f) plain ffmpeg -map 0:v:0 -f null of the 10-min 1080p file', `${median(videoTimes.decode).toFixed(2)} s`);
report('    video analysis of it (one decode, 64×36 stats per frame)', `${median(videoTimes.analysis).toFixed(2)} s (ratio ${(median(videoTimes.analysis) / median(videoTimes.decode)).toFixed(3)}×, goal ≤ 1.15×), peak RSS ${Math.max(...videoTimes.peakRssMiB).toFixed(0)} MiB`);
const fullS = await medianSeconds('full check of the 10-min file (all rules, audio and video passes)', () => run({ paths: [lesson], profile: web, jobs: 1 }));
report('(g) full check of the 10-min file (every rule)', `${fullS.toFixed(2)} s (${(fullS / median(videoTimes.decode)).toFixed(3)}× the plain video decode)`);

process.stdout.write(`\ncourseware-check benchmark (${RUNS} runs each, medians)\n`);
for (const [name, value] of rows) process.stdout.write(`${name.padEnd(58)} ${value}\n`);
