import { mkdir, realpath, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { FileResult, Finding, FindingStatus, Measured } from '../../facts/finding.js';
import { ffmpegPath } from '../../probe/binaries.js';
import { collectStderr, lastLine, startTool, StallError } from '../../probe/run-tool.js';
import { loadProfile } from '../../profiles/load-profile.js';
import type { Profile } from '../../profiles/profile.js';
import type { Report } from '../../report/report.js';
import { run, type RunEvent, type RunOptions } from '../run.js';
import { parseBoundaries, parseLoudnorm, type FileMeasurements } from './measurements.js';
import { planFixes, type FixPlan, type FixStep, type PlanOptions, type RuleFixStatus } from './plan.js';
import { writeSidecars } from './subtitles.js';
import { words, type FixWords } from './words.js';

/**
 * fix(): check → plan → measure what the plan waits for → apply with the bundled ffmpeg → check the
 * outputs with the same profile. Every output is written as `NAME.partial.mp4` in the output folder
 * and renamed when ffmpeg succeeds; a failure or an abort removes the partial, so no half-written
 * lesson is ever left under its final name. Files are fixed one at a time (an encode uses every core).
 */

/** The plan's choices (plan.ts), and what a whole fix adds: the paths, the profile by name, the run. */
export interface FixOptions extends Omit<PlanOptions, 'profile' | 'measurements'> {
  /** Lessons (and folders of lessons) to fix, as for a check. */
  paths: readonly string[];
  /** `web` (default), `archive`, a profile file, or a profile already loaded. */
  profile?: string | Profile;
  /** Plan only: check and plan, run nothing, write nothing. */
  plan?: boolean;
  /** The course language, for the subtitle rules (default `zh`). */
  language?: 'zh' | 'en';
  /** Files checked at once (the checks before and after). */
  jobs?: number;
  stallTimeoutS?: number;
  /** The result cache of the checks before and after (RunOptions.cache): a lesson just checked is not decoded again. */
  cache?: RunOptions['cache'];
  signal?: AbortSignal;
  onEvent?: (event: FixEvent) => void;
}

export type FixEvent =
  /** The check before the fix, and the check of the outputs after it. */
  | { type: 'check'; phase: 'before' | 'after'; event: RunEvent }
  | { type: 'planned'; plans: FixPlan[] }
  /** A step of a file's fix starts (a measuring pass or an encode). */
  | { type: 'step'; path: string; file: number; files: number; step: FixStep; index: number; steps: number }
  /** How far a step has come: the share of its media done, and an estimate of the seconds it has left. */
  | { type: 'progress'; path: string; step: FixStep; fraction: number; etaS: number | null }
  | { type: 'file'; result: FixedFile };

export type FixOutcome = 'fixed' | 'not-fixed' | 'nothing-to-fix' | 'cannot-fix' | 'failed' | 'planned' | 'interrupted';

export interface RuleResult {
  rule: string;
  /** What the plan did about it. */
  status: RuleFixStatus;
  says: FixWords;
  warnings: FixWords[];
  before: { status: FindingStatus; measured: Measured };
  /** The rule's verdict on each output (one per part). */
  after: { output: string; status: FindingStatus; measured: Measured }[];
  /** For a fixed rule: every output meets it now. Null for the rules that were not fixed. */
  passes: boolean | null;
}

export interface FixedFile {
  path: string;
  outcome: FixOutcome;
  says: FixWords;
  /** The plan as it was run (exact: what was measured is in it). */
  plan: FixPlan;
  measurements: FileMeasurements;
  /** Lessons written (paths). */
  outputs: string[];
  subtitles: string[];
  rules: RuleResult[];
  /** Rules that passed before and fail in an output: what the fix broke (none, or the outcome says so). */
  regressed: string[];
}

export interface FixReport {
  profile: string;
  /** Plan only: nothing was run. */
  planOnly: boolean;
  /** Stopped (the signal) before every file was fixed. */
  interrupted: boolean;
  before: Report;
  /** The check of the outputs; null when nothing was written. */
  after: Report | null;
  files: FixedFile[];
}

/** The command is wrong (an output folder that is the originals' own): nothing was written. */
export class FixCommandError extends Error {
  override name = 'FixCommandError';
  constructor(readonly says: FixWords, message: string) {
    super(message);
  }
}

export async function fix(options: FixOptions): Promise<FixReport> {
  const profile = typeof options.profile === 'object' ? options.profile : await loadProfile(options.profile ?? 'web');
  const before = await run({
    paths: options.paths,
    profile,
    language: options.language,
    jobs: options.jobs,
    stallTimeoutS: options.stallTimeoutS,
    cache: options.cache,
    signal: options.signal,
    onEvent: (event) => options.onEvent?.({ type: 'check', phase: 'before', event }),
  });
  await refuseOwnFolder(before, options.outputDir);
  const planOptions: PlanOptions = {
    outputDir: options.outputDir,
    profile,
    only: options.only,
    trimIntro: options.trimIntro,
    split: options.split,
    denoise: options.denoise,
    upscale: options.upscale,
    preset: options.preset,
  };
  const plans = planFixes(before, planOptions);
  options.onEvent?.({ type: 'planned', plans });
  const files: FixedFile[] = plans.map((plan) => ({
    path: plan.path,
    outcome: plan.outcome === 'fix' ? (options.plan ? 'planned' : 'interrupted') : plan.outcome,
    says: plan.outcome === 'fix' ? words(options.plan ? 'fix/outcome/planned' : 'fix/outcome/interrupted') : (plan.reason ?? words(`fix/outcome/${plan.outcome}`)),
    plan,
    measurements: {},
    outputs: [],
    subtitles: [],
    rules: plan.rules.map((r) => ({ ...r, after: [], passes: null })),
    regressed: [],
  }));
  const report: FixReport = { profile: profile.name, planOnly: options.plan === true, interrupted: before.interrupted, before, after: null, files };
  if (options.plan || before.interrupted) return report;

  const todo = files.filter((f) => f.plan.outcome === 'fix');
  if (todo.length > 0) await mkdir(options.outputDir, { recursive: true });
  for (const [i, file] of todo.entries()) {
    if (options.signal?.aborted) break;
    const result = before.files.find((f) => f.path === file.path)!;
    await fixOne(file, result, { ...planOptions }, before, { index: i, count: todo.length, options });
    options.onEvent?.({ type: 'file', result: file });
  }
  report.interrupted = options.signal?.aborted ?? false;

  const written = files.flatMap((f) => (f.plan.outputs.length > 0 ? f.outputs : f.subtitles));
  if (written.length > 0 && !report.interrupted) {
    report.after = await run({
      paths: written,
      profile,
      language: options.language,
      jobs: options.jobs,
      stallTimeoutS: options.stallTimeoutS,
      cache: options.cache,
      signal: options.signal,
      onEvent: (event) => options.onEvent?.({ type: 'check', phase: 'after', event }),
    });
    for (const file of files) judge(file, report.after, before.files.find((f) => f.path === file.path));
  }
  return report;
}

interface Batch {
  index: number;
  count: number;
  options: FixOptions;
}

/** Measures what the plan waits for, re-plans exactly, runs the encodes and writes the subtitles. */
async function fixOne(file: FixedFile, result: FileResult, planOptions: PlanOptions, before: Report, batch: Batch): Promise<void> {
  const { options } = batch;
  const measurements: FileMeasurements = {};
  const replan = () => planFixes({ ...before, files: [result] }, { ...planOptions, measurements: new Map([[file.path, measurements]]) })[0]!;
  let plan = file.plan;
  try {
    // One measurement at a time, re-planning after each: the plan then says exactly what runs.
    for (let guard = 0; plan.pending.length > 0 && guard < 4; guard++) {
      const step = plan.steps.find((s) => s.kind !== 'encode')!;
      const stepIndex = plan.steps.indexOf(step);
      options.onEvent?.({ type: 'step', path: file.path, file: batch.index, files: batch.count, step, index: stepIndex, steps: plan.steps.length });
      const out = await runStep(step, file.path, options);
      if (step.kind === 'find-boundaries') measurements.boundaries = parseBoundaries(out.stderr);
      else {
        const loudness = parseLoudnorm(out.stderr);
        if (!loudness) throw new StepError(`loudnorm printed no measurement (${lastLine(out.stderr, '') || 'no output'})`);
        measurements.loudness = loudness;
      }
      plan = replan();
    }
    file.plan = plan;
    file.measurements = measurements;
    file.rules = plan.rules.map((r) => ({ ...r, after: [], passes: null }));
    const encodes = plan.steps.filter((s) => s.kind === 'encode');
    for (const step of encodes) {
      options.onEvent?.({ type: 'step', path: file.path, file: batch.index, files: batch.count, step, index: plan.steps.indexOf(step), steps: plan.steps.length });
      await runStep(step, file.path, options);
      await rename(step.partial!, step.output!);
      file.outputs.push(step.output!);
    }
    for (const subtitle of plan.subtitles) file.subtitles.push(...(await writeSidecars(subtitle, resolve(planOptions.outputDir))));
    file.outcome = 'fixed';
    file.says = words('fix/outcome/fixed');
  } catch (error) {
    if (options.signal?.aborted) {
      file.outcome = 'interrupted';
      file.says = words('fix/outcome/interrupted');
    } else {
      file.outcome = 'failed';
      file.says = words('fix/outcome/failed', { detail: (error as Error).message });
    }
    // Nothing of a file that did not finish stays: its parts and subtitles go too.
    await Promise.all([...file.outputs, ...file.subtitles].map((p) => rm(p, { force: true })));
    file.outputs = [];
    file.subtitles = [];
  }
}

class StepError extends Error {
  override name = 'StepError';
}

/** Runs one step through startTool (watchdog, stdin closed), with progress; an encode's partial goes on failure. */
async function runStep(step: FixStep, path: string, options: FixOptions): Promise<{ stderr: string }> {
  const { subprocess, done } = await startTool(ffmpegPath(), step.args, {
    encoding: 'utf8',
    bufferStdout: false,
    signal: options.signal,
    stallTimeoutS: options.stallTimeoutS,
  });
  const stderr = collectStderr(subprocess, 16 * 1024 * 1024);
  const startedAt = Date.now();
  if (step.durationS) {
    let buffered = '';
    subprocess.stdout?.on('data', (chunk: Buffer | string) => {
      buffered += String(chunk);
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^out_time_(?:us|ms)=(\d+)/.exec(line.trim());
        if (!match) continue;
        const doneS = Number(match[1]) / 1e6;
        const fraction = Math.min(1, Math.max(0, doneS / step.durationS!));
        const elapsedS = (Date.now() - startedAt) / 1000;
        const etaS = fraction > 0.01 && elapsedS > 0.5 ? (elapsedS * (1 - fraction)) / fraction : null;
        options.onEvent?.({ type: 'progress', path, step, fraction, etaS });
      }
    });
  }
  let outcome;
  try {
    outcome = await done;
  } catch (error) {
    if (step.partial) await rm(step.partial, { force: true });
    throw error instanceof StallError ? new StepError(error.message) : error;
  }
  if (outcome.isCanceled || outcome.exitCode !== 0) {
    if (step.partial) await rm(step.partial, { force: true });
    if (outcome.isCanceled) throw new StepError('cancelled');
    throw new StepError(lastLine(stderr(), '') || `${step.tool} exited with ${outcome.exitCode}`);
  }
  return { stderr: stderr() };
}

/**
 * Each rule's verdict on the outputs; a fixed rule passes when every output meets it. A rule that
 * passed before and fails in an output is a regression: the file is not fixed.
 */
function judge(file: FixedFile, after: Report, before: FileResult | undefined): void {
  const outputs = file.plan.outputs.length > 0 ? file.outputs : file.subtitles;
  if (outputs.length === 0 || file.outcome !== 'fixed') return;
  const checked = outputs.map((path) => after.files.find((f) => f.path === path));
  for (const rule of file.rules) {
    rule.after = checked.flatMap((result, i) => {
      const verdict = result ? verdictOf(result.findings, rule.rule) : undefined;
      return verdict ? [{ output: outputs[i]!, status: verdict.status, measured: verdict.measured }] : [];
    });
    if (rule.status === 'fix') rule.passes = rule.after.length === outputs.length && rule.after.every((a) => meets(rule.rule, a.status));
  }
  const passedBefore = new Set((before?.findings ?? []).filter((f) => f.status === 'pass' || f.status === 'skip').map((f) => f.rule));
  for (const f of (before?.findings ?? [])) if (f.status === 'fail' || f.status === 'warn') passedBefore.delete(f.rule);
  file.regressed = [...new Set(checked.flatMap((c) => (c?.findings ?? []).filter((f) => f.status === 'fail' && passedBefore.has(f.rule)).map((f) => f.rule)))];
  const still = file.rules.filter((r) => r.passes === false).map((r) => r.rule);
  if (checked.some((c) => !c || c.status === 'error')) {
    file.outcome = 'not-fixed';
    file.says = words('fix/outcome/not-fixed', { rules: checked.flatMap((c, i) => (!c || c.status === 'error' ? [outputs[i]!] : [])) });
  } else if (still.length > 0) {
    file.outcome = 'not-fixed';
    file.says = words('fix/outcome/not-fixed', { rules: still });
  } else if (file.regressed.length > 0) {
    file.outcome = 'not-fixed';
    file.says = words('fix/outcome/regressed', { rules: file.regressed });
  }
}

/**
 * A fixed rule is met when it passes; audio.bitrate when it no longer fails: its warning is the
 * notice's 1.4 Mbps, which AAC cannot reach (the plan says so).
 */
function meets(rule: string, status: FindingStatus): boolean {
  return status === 'pass' || status === 'skip' || (rule === 'audio.bitrate' && status === 'warn');
}

/** A rule's verdict: its first finding not met, else its first. */
function verdictOf(findings: readonly Finding[], rule: string): Finding | undefined {
  const mine = findings.filter((f) => f.rule === rule);
  return mine.find((f) => f.status === 'fail' || f.status === 'warn') ?? mine[0];
}

/** Refuses an output folder that is the folder of a lesson (or of its subtitles): a fix never writes beside an original. */
async function refuseOwnFolder(report: Report, outputDir: string): Promise<void> {
  const out = await realpath(outputDir).catch(() => resolve(outputDir));
  for (const file of report.files) {
    const sources = [file.path, ...(file.facts?.subtitles ?? []).filter((t) => t.source === 'sidecar').map((t) => t.path)];
    for (const source of sources) {
      const real = await realpath(source).catch(() => resolve(source));
      if (dirname(real) === out) {
        const says = words('fix/error/output-beside-original', { path: source });
        throw new FixCommandError(says, `${source}: the fixed lesson would go beside or over the original; choose another --output folder`);
      }
    }
  }
}
