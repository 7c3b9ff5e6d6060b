/**
 * The fixer's speed (issue 13), as whole processes, each against plain ffmpeg doing the same work:
 *
 *   1. A remux-only fix: a 2-minute 1080p `.mov` with H.264/AAC inside (every other rule met) →
 *      `courseware-check fix F --output D`, against `ffmpeg -i F -c copy -movflags +faststart out.mp4`.
 *   2. A full re-encode fix: a 1-minute 1080p30 lesson with 44.1 kHz mono sound (frame rate, sample
 *      rate and channels fail) → the same command, against the bundled ffmpeg running the fix's own
 *      encode (the argument array of its plan, `--plan` prints it; only the output path differs).
 *
 * A fix also checks the lesson before and the output after: each row's goal is that the fix costs
 * no more than 1.10× doing the same by hand (check, the same ffmpeg, check the output), run by run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ffmpegPath, fix, type FixStep } from '@courseware-check/checker-core';
import { speechLikeExpression } from '../scripts/speech-like.js';
import { ensure } from './media.js';
import type { BenchHost } from './host.js';
import { timeProcess as timed } from './time-process.js';

/** Runs of each command; at most 3 (a re-encode of a 1080p minute takes a minute or more here). */
const RUNS = Math.min(3, Number(process.env.BENCH_RUNS ?? 5));
const GOAL = 1.1;

const seconds = (value: number) => `${value.toFixed(value < 1 ? 3 : 2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Narration: the speech-like voice over a faint noise floor. */
const narration = (durationS: number, rateHz: number) => ['-f', 'lavfi', '-i', `aevalsrc=exprs=${speechLikeExpression()}+0.0001*(2*random(0)-1):sample_rate=${rateHz}:duration=${durationS}`];
/** A moving 1080p picture. */
const picture = (durationS: number, fps: number) => ['-f', 'lavfi', '-i', `testsrc2=size=1920x1080:rate=${fps}:duration=${durationS}`];
/** With grain, x264 veryfast at 4 Mbps with 2 threads (the same file everywhere). */
const X264 = ['-vf', 'noise=alls=6:allf=t', '-c:v', 'libx264', '-preset', 'veryfast', '-threads', '2', '-b:v', '4M', '-pix_fmt', 'yuv420p'];

/** A conforming lesson but for its container: H.264 and AAC inside a QuickTime file. */
const remuxLesson = () => ensure('fix-remux-2min-1080p25.mov', [...picture(120, 25), ...narration(120, 48000), ...X264, '-c:a', 'aac', '-b:a', '192k', '-ac', '2'], 'mov');
/** 30 fps and 44.1 kHz mono: the picture and the sound are re-encoded. */
const encodeLesson = () => ensure('fix-encode-1min-1080p30-mono44k.mp4', [...picture(60, 30), ...narration(60, 44100), ...X264, '-c:a', 'aac', '-b:a', '128k', '-ac', '1', '-movflags', '+faststart']);

/** The fix's plan for `path`, in process (nothing runs but the check): its one encode step. */
async function plannedEncode(path: string, outputDir: string): Promise<FixStep> {
  const report = await fix({ paths: [path], outputDir, plan: true });
  const plan = report.files[0]!.plan;
  const encodes = plan.steps.filter((s) => s.kind === 'encode');
  if (plan.outcome !== 'fix' || plan.steps.length !== 1 || encodes.length !== 1) {
    throw new Error(`${basename(path)}: expected a plan of one encode, got ${plan.outcome} with ${plan.steps.map((s) => s.kind).join(', ') || 'no steps'}`);
  }
  return encodes[0]!;
}

interface Round {
  fix: { wallS: number; cpuS: number };
  ffmpeg: { wallS: number; cpuS: number };
  checkBefore: { wallS: number; cpuS: number };
  checkAfter: { wallS: number; cpuS: number };
}

/**
 * RUNS rounds of: the fix; plain ffmpeg doing its ffmpeg work; the check of the lesson; the check of
 * the fix's output. In turns, so that all see the same machine.
 */
async function rounds(host: BenchHost, label: string, lesson: string, ffmpegArgs: (output: string) => string[]): Promise<Round[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'bench-fix-'));
  const results: Round[] = [];
  try {
    const fixDir = join(scratch, 'fixed');
    const output = join(fixDir, basename(lesson).replace(/\.\w+$/, '.mp4'));
    const reference = join(scratch, 'reference.mp4');
    for (let i = 0; i < RUNS; i++) {
      await rm(fixDir, { recursive: true, force: true });
      const round: Round = {
        // Every check decodes: none of them takes a verdict from the result cache.
        fix: await timed('node', [host.bin, 'fix', '--no-cache', lesson, '--output', fixDir]),
        ffmpeg: await timed(ffmpegPath(), ffmpegArgs(reference)),
        checkBefore: await timed('node', [host.bin, '--format', 'json', '--no-cache', lesson]),
        checkAfter: await timed('node', [host.bin, '--format', 'json', '--no-cache', output]),
      };
      await rm(reference, { force: true });
      results.push(round);
      host.log(`  ${label} run ${i + 1}: fix ${seconds(round.fix.wallS)}, ffmpeg ${seconds(round.ffmpeg.wallS)}, check before ${seconds(round.checkBefore.wallS)}, check after ${seconds(round.checkAfter.wallS)}`);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return results;
}

function report(host: BenchHost, goal: string, ffmpegName: string, results: Round[]): void {
  const fixS = median(results.map((r) => r.fix.wallS));
  const ffmpegS = median(results.map((r) => r.ffmpeg.wallS));
  const byHandS = median(results.map((r) => r.checkBefore.wallS + r.ffmpeg.wallS + r.checkAfter.wallS));
  // Run by run: each ratio compares runs that saw the same machine.
  const toFfmpeg = median(results.map((r) => r.fix.wallS / r.ffmpeg.wallS));
  const toByHand = median(results.map((r) => r.fix.wallS / (r.checkBefore.wallS + r.ffmpeg.wallS + r.checkAfter.wallS)));
  const cpuByHand = (r: Round) => r.checkBefore.cpuS + r.ffmpeg.cpuS + r.checkAfter.cpuS;
  const cpuToByHand = median(results.map((r) => r.fix.cpuS / cpuByHand(r)));
  host.row(
    goal,
    `${seconds(fixS)}: ${toFfmpeg.toFixed(2)}× plain ffmpeg, ${toByHand.toFixed(2)}× by hand (CPU ${seconds(median(results.map((r) => r.fix.cpuS)))}: ${cpuToByHand.toFixed(2)}× by hand)`,
    `${ffmpegName} ${seconds(ffmpegS)} (CPU ${seconds(median(results.map((r) => r.ffmpeg.cpuS)))}); by hand (check ${seconds(median(results.map((r) => r.checkBefore.wallS)))} + that ffmpeg + check of the output ${seconds(median(results.map((r) => r.checkAfter.wallS)))}) ${seconds(byHandS)} (CPU ${seconds(median(results.map(cpuByHand)))}): goal ≤ ${GOAL.toFixed(2)}× by hand, run by run`,
    toByHand <= GOAL,
  );
}

export async function benchFix(b: BenchHost): Promise<void> {
  const [remux, encode] = [await remuxLesson(), await encodeLesson()];
  const planDir = await mkdtemp(join(tmpdir(), 'bench-fix-plan-'));
  try {
    // Both lessons fail only what their row is about: the plans say so before anything is timed.
    const remuxStep = await plannedEncode(remux, planDir);
    if (!remuxStep.args.includes('copy') || remuxStep.args.includes('libx264') || remuxStep.args.includes('aac')) throw new Error(`${basename(remux)}: the plan is not a remux: ${remuxStep.args.join(' ')}`);
    const encodeStep = await plannedEncode(encode, planDir);
    if (!encodeStep.args.includes('libx264') || !encodeStep.args.includes('aac')) throw new Error(`${basename(encode)}: the plan does not re-encode both streams: ${encodeStep.args.join(' ')}`);
    b.log(`fix, re-encode: ${encodeStep.args.join(' ')}`);

    const remuxRounds = await rounds(b, 'remux-only fix', remux, (output) => ['-v', 'error', '-nostdin', '-y', '-i', remux, '-c', 'copy', '-movflags', '+faststart', output]);
    report(b, 'remux-only fix, 2-min 1080p `.mov` (H.264/AAC) → MP4, whole process', '`ffmpeg -i F -c copy -movflags +faststart out.mp4`', remuxRounds);

    // The fix's own encode, argument for argument; only the output (the last argument, a `file:` address) differs.
    const encodeRounds = await rounds(b, 're-encode fix', encode, (output) => [...encodeStep.args.slice(0, -1), `file:${output}`]);
    report(b, 're-encode fix, 1-min 1080p30 lesson with 44.1 kHz mono sound → 29.97 fps, 48 kHz stereo, whole process', 'the bundled ffmpeg with the fix plan\'s arguments (x264 `medium`, CBR)', encodeRounds);
  } finally {
    await rm(planDir, { recursive: true, force: true });
  }
}
