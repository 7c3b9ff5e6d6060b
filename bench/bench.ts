/**
 * pnpm bench — each goal of issue 12 measured against its reference in the same run, as whole
 * processes (the built command, `packages/cli/bin/courseware-check.js`: run `pnpm build` first).
 * Prints medians of BENCH_RUNS runs (default 5) and, at the end, the table for the README. Each
 * process is timed from the shell that starts it, as `time` would (`time-process.ts`).
 *
 *   1. `--quick` of one 10-minute 1080p file against MediaConch `--Force` with a 7-rule policy
 *      (`mediaconch-policy.xml`; Debian's `mediaconch`, else the reporter's 0.565 s), a bare ffprobe
 *      and `node -e 0`; `--quick` of 100 files.
 *   2. The full check of three kinds of lesson against `ffmpeg -i F -f null -`.
 *   3. 30 short lessons with `--jobs <cores>` against one at a time on one core (and `--jobs 1`).
 *   4. Peak memory of the full check of a 10- and a 60-minute lesson.
 *   5. `fix`: a remux-only and a full re-encode fix against plain ffmpeg doing the same (issue 13).
 *   6. The result cache: a first and a second run over 16 lessons (issue 14).
 *   7. The queue: 2 local workers on Redis against the local run of the same 16 lessons (issue 14).
 *
 * `BENCH_ONLY=quick,deep,batch,memory,fix,cache,queue` runs some sections only.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { execa } from 'execa';
import { ffmpegPath, ffprobePath, loadProfile, probeMedia, run } from '@courseware-check/checker-core';
import { benchCache } from './cache.js';
import { benchFix } from './fix.js';
import { benchQueue } from './queue.js';
import { cameraLesson, memoryLesson, quickBatch, quickLesson, screenLesson, shortBatch, slideLesson } from './media.js';
import { timeProcess } from './time-process.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CORES = availableParallelism();
const BIN = fileURLToPath(new URL('../packages/cli/bin/courseware-check.js', import.meta.url));
const PEAK_RSS = fileURLToPath(new URL('./peak-rss.mjs', import.meta.url));
/** The reporter's measurement of MediaConch `--Force` with a 7-rule policy on the 10-minute file, used where MediaConch is not installed. */
const REPORTED_MEDIACONCH_S = 0.565;
const MEDIACONCH_POLICY = fileURLToPath(new URL('./mediaconch-policy.xml', import.meta.url));

const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (value: number) => `${value.toFixed(value < 1 ? 3 : 2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** CPU seconds (user + system) of the last timed command and the processes it waited for. */
let lastCpuS = 0;

/** Runs a command as a whole process; its wall time in seconds (its CPU time in `lastCpuS`). */
async function timed(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  const { wallS, cpuS } = await timeProcess(command, args, env);
  lastCpuS = cpuS;
  return wallS;
}

interface Timing {
  /** Median wall time, seconds. */
  wall: number;
  /** Median CPU time (user + system, children included), seconds. */
  cpu: number;
  /** Every run's wall and CPU time, in order. */
  walls: number[];
  cpus: number[];
}

/**
 * The median of the run-by-run ratios of two commands run in turns: each ratio compares runs that
 * saw the same machine, so a load that comes and goes during the benchmark cancels out.
 */
function pairedRatio(ours: Timing, floor: Timing, key: 'walls' | 'cpus' = 'walls'): number {
  return median(ours[key].map((value, i) => value / floor[key][i]!));
}

/** Medians of RUNS runs of each command, run in turns so that all see the same machine. */
async function interleaved(label: string, commands: Record<string, () => Promise<number>>): Promise<Record<string, Timing>> {
  const walls: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  const cpus: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const [name, command] of Object.entries(commands)) {
      walls[name]!.push(await command());
      cpus[name]!.push(lastCpuS);
    }
  }
  const medians: Record<string, Timing> = {};
  for (const name of Object.keys(commands)) {
    medians[name] = { wall: median(walls[name]!), cpu: median(cpus[name]!), walls: walls[name]!, cpus: cpus[name]! };
    log(`  ${label} · ${name}: median ${seconds(medians[name]!.wall)} wall, ${seconds(medians[name]!.cpu)} CPU (${walls[name]!.map((t) => t.toFixed(3)).join(', ')})`);
  }
  return medians;
}

interface Row {
  goal: string;
  figure: string;
  reference: string;
  /** Null for a row that gives context to a goal's, not a goal of its own. */
  met: boolean | null;
}
const rows: Row[] = [];
const row = (goal: string, figure: string, reference: string, met: boolean | null) => {
  rows.push({ goal, figure, reference, met });
  log(`${met === null ? 'CONTEXT' : met ? 'MET    ' : 'NOT MET'}  ${goal}: ${figure} (${reference})`);
};

const loadBefore = loadavg();
log(`load average before: ${loadBefore.map((l) => l.toFixed(2)).join(', ')} on ${CORES} cores; ${RUNS} runs each`);
// Every check here decodes: no verdict comes from the result cache (section 6 measures the cache).
const cli = (args: string[], env?: Record<string, string>) => () => timed('node', [BIN, '--format', 'json', '--no-cache', ...args], env);
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
const host = { row, log, bin: BIN };
const sections: Record<string, () => Promise<void>> = { quick, deep, batch, memory, fix: () => benchFix(host), cache: () => benchCache(host), queue: () => benchQueue(host) };
for (const [name, section] of Object.entries(sections)) if (!only || only.includes(name)) await section();

// ---- 1. The quick check from the MP4 index ----
async function quick(): Promise<void> {
  const lesson = await quickLesson();
  const [slides, screen, camera] = [await slideLesson(), await screenLesson(), await cameraLesson()];
  const quickFolder = await quickBatch();
  // The facts from the index are the facts from ffprobe and the packet scan (test/index-facts.test.ts
  // proves it on every kind of test file; here on the lessons measured).
  for (const path of [lesson, slides, screen, camera]) {
    const [indexed, scanned] = [await probeMedia(path, {}, { packets: 'index', streams: 'index' }), await probeMedia(path, {}, { packets: 'scan', streams: 'ffprobe' })];
    if (!isDeepStrictEqual(indexed, scanned)) throw new Error(`facts from the index differ from ffprobe's and the packet scan's: ${path}`);
  }
  // MediaConch says nothing of a policy it cannot read: the run timed must be one that judged the file.
  const mediaconch = await execa('mediaconch', ['--Force', '-p', MEDIACONCH_POLICY, lesson]).then(
    ({ stdout }) => (/^pass!/m.test(stdout) ? true : Promise.reject(new Error(`mediaconch did not apply ${MEDIACONCH_POLICY}: ${stdout}`))),
    (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? false : Promise.reject(error)),
  );
  const times = await interleaved('--quick, 10-min 1080p', {
    'courseware-check --quick FILE': cli(['--quick', lesson]),
    ...(mediaconch ? { 'mediaconch --Force -p POLICY FILE': () => timed('mediaconch', ['--Force', '-p', MEDIACONCH_POLICY, lesson]) } : {}),
    'ffprobe -show_format -show_streams FILE': () => timed(ffprobePath(), ['-v', 'error', '-show_format', '-show_streams', lesson]),
    'node -e 0': () => timed('node', ['-e', '0']),
    'courseware-check --help': () => timed('node', [BIN, '--help']),
  });
  const quickS = times['courseware-check --quick FILE']!.wall;
  const web = await loadProfile('web');
  const inProcess: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run({ paths: [lesson], profile: web, quick: true, jobs: 1 });
    inProcess.push((performance.now() - start) / 1000);
  }
  const mediaconchS = mediaconch ? times['mediaconch --Force -p POLICY FILE']!.wall : REPORTED_MEDIACONCH_S;
  row(
    '`--quick`, one 10-min 1080p file, whole process',
    `${seconds(quickS)} (${seconds(median(inProcess))} of it in \`run()\`)`,
    `≤ ${seconds(mediaconchS / 2)}: 2× faster than MediaConch --Force's ${seconds(mediaconchS)} (${mediaconch ? 'here, 7-rule policy' : "the reporter's figure: mediaconch is not installed"}); here bare ffprobe ${seconds(times['ffprobe -show_format -show_streams FILE']!.wall)}, \`node -e 0\` ${seconds(times['node -e 0']!.wall)}, \`--help\` ${seconds(times['courseware-check --help']!.wall)}`,
    quickS <= mediaconchS / 2,
  );
  const files = (await readdir(quickFolder)).length;
  const batchQuick = await interleaved(`--quick, ${files} files`, { [`courseware-check --quick (${files} files)`]: cli(['--quick', quickFolder]) });
  const perFileMs = (batchQuick[`courseware-check --quick (${files} files)`]!.wall / files) * 1000;
  row(`\`--quick\`, ${files} files (20–60 s pieces of the 1080p file), one process`, `${perFileMs.toFixed(1)} ms a file`, '< 30 ms a file', perFileMs < 30);

}

// ---- 2. The deep check at the decode floor ----
async function deep(): Promise<void> {
  const [slides, screen, camera] = [await slideLesson(), await screenLesson(), await cameraLesson()];
  for (const [kind, path] of [['720p slide lesson, 6 min', slides], ['1080p screen recording, 4 min', screen], ['1080p camera lesson, 3 min', camera]] as const) {
    const times = await interleaved(kind, {
      'ffmpeg -i F -f null -': () => timed(ffmpegPath(), ['-v', 'error', '-nostdin', '-i', path, '-f', 'null', '-']),
      'courseware-check F': cli([path]),
    });
    const [ours, floor] = [times['courseware-check F']!, times['ffmpeg -i F -f null -']!];
    const ratio = pairedRatio(ours, floor);
    row(
      `full check (every rule), ${kind} (x264 medium)`,
      `${seconds(ours.wall)}: ${ratio.toFixed(2)}× (CPU ${seconds(ours.cpu)}: ${pairedRatio(ours, floor, 'cpus').toFixed(2)}×)`,
      `≤ 1.10× \`ffmpeg -i F -f null -\` ${seconds(floor.wall)} (CPU ${seconds(floor.cpu)}), run by run`,
      ratio <= 1.1,
    );
  }

}

// ---- 3. A batch on all cores ----
async function batch(): Promise<void> {
  const shortFolder = await shortBatch();
  const shortFiles = (await readdir(shortFolder)).length;
  // One at a time on one core (Linux `taskset`) is what C cores are measured against: `--jobs 1` alone
  // already spreads a file over the cores (the audio and picture passes, the picture in two halves),
  // so against it the batch can gain only about C over the cores it keeps busy.
  const taskset = await execa('taskset', ['--version'], { reject: false }).then((r) => r.exitCode === 0, () => false);
  const times = await interleaved(`${shortFiles} short lessons`, {
    '--jobs 1': cli(['--jobs', '1', shortFolder]),
    [`--jobs ${CORES}`]: cli(['--jobs', String(CORES), shortFolder]),
    ...(taskset ? { '--jobs 1 on one core': () => timed('taskset', ['-c', '0', 'node', BIN, '--format', 'json', '--no-cache', '--jobs', '1', shortFolder]) } : {}),
  });
  const [one, all] = [times['--jobs 1']!, times[`--jobs ${CORES}`]!];
  const busy = (timing: Timing) => (timing.cpu / timing.wall).toFixed(2);
  const single = times['--jobs 1 on one core'];
  if (single) {
    const scaling = pairedRatio(single, all);
    row(
      `batch of ${shortFiles} short lessons (15–25 s pieces of the three), \`--jobs ${CORES}\` against one at a time on one core`,
      `${(shortFiles / all.wall).toFixed(2)} files/s = ${scaling.toFixed(2)}× (cores busy: ${busy(all)}; CPU a file ${(all.cpu / shortFiles).toFixed(2)} s)`,
      `≥ ${(0.8 * CORES).toFixed(1)}× (0.8·C) \`taskset -c 0 … --jobs 1\`: ${(shortFiles / single.wall).toFixed(2)} files/s`,
      scaling >= 0.8 * CORES,
    );
  }
  const speedUp = pairedRatio(one, all);
  // Without taskset, `--jobs 1` is the only reference, and the goal's.
  row(
    `the same batch, \`--jobs ${CORES}\` against \`--jobs 1\``,
    `${speedUp.toFixed(2)}×`,
    `\`--jobs 1\`: ${(shortFiles / one.wall).toFixed(2)} files/s, already ${busy(one)} cores busy (CPU a file ${(one.cpu / shortFiles).toFixed(2)} s)`,
    single ? null : speedUp >= 0.8 * CORES,
  );
}

// ---- 4. Memory flat in length ----
async function memory(): Promise<void> {
  const [memory10, memory60] = [await memoryLesson(10), await memoryLesson(60)];
  const scratch = await mkdtemp(join(tmpdir(), 'bench-rss-'));
  const peakRss = async (path: string) => {
    const file = join(scratch, 'peak');
    await timed('node', ['--import', PEAK_RSS, BIN, '--format', 'json', '--no-cache', path], { PEAK_RSS_FILE: file });
    return Number(await readFile(file, 'utf8'));
  };
  const peaks = { 10: [] as number[], 60: [] as number[] };
  for (let i = 0; i < Math.min(RUNS, 2); i++) {
    peaks[10].push(await peakRss(memory10));
    peaks[60].push(await peakRss(memory60));
    log(`  peak RSS run ${i + 1}: 10 min ${peaks[10].at(-1)!.toFixed(0)} MiB, 60 min ${peaks[60].at(-1)!.toFixed(0)} MiB`);
  }
  await rm(scratch, { recursive: true, force: true });
  const [rss10, rss60] = [Math.max(...peaks[10]), Math.max(...peaks[60])];
  const growth = rss60 / rss10 - 1;
  row(
    'peak RSS of the full check, 60-min lesson (640×360 ultrafast: the meters\' memory)',
    `${rss60.toFixed(0)} MiB = ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %`,
    `within 10 % of the 10-min lesson's ${rss10.toFixed(0)} MiB`,
    Math.abs(growth) <= 0.1,
  );
}

const loadAfter = loadavg();
log(`load average after: ${loadAfter.map((l) => l.toFixed(2)).join(', ')}`);
process.stdout.write(`\ncourseware-check benchmark: ${RUNS} runs each (medians), ${CORES} cores, load average ${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after\n\n`);
process.stdout.write('| goal | figure | reference | met |\n| --- | --- | --- | --- |\n');
for (const r of rows) process.stdout.write(`| ${r.goal} | ${r.figure} | ${r.reference} | ${r.met === null ? '(context)' : r.met ? 'yes' : 'no'} |\n`);
