import { basename } from 'node:path';
import {
  ffmpegPath,
  fix,
  FixCommandError,
  fixCommandLine,
  formatMeasured,
  NothingToCheckError,
  printable,
  ProfileError,
  rulesById,
  sayFix,
  type FixedFile,
  type FixEvent,
  type FixLocale,
  type FixReport,
  type FixRuleResult,
  type FixWords,
} from '@courseware-check/checker-core';
import type { FixCommandArguments } from './fix-arguments.js';
import { say as sayCli } from './words.js';

/** Where the command writes: standard output for the plan and results, standard error for progress. */
export interface FixIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * `courseware-check fix`: prints the plan (with `--plan`, the exact ffmpeg command lines, and runs
 * nothing), progress on a terminal's standard error, and per file and rule what was measured before
 * and after. Exit: 0 every output passes the rules that were fixed (and always for `--plan`), 1 a
 * fixed rule still fails or a fix failed, 2 a bad command, 130/143 stopped by a signal.
 */
export async function runFix(args: FixCommandArguments, io: FixIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const locale: FixLocale = args.locale;
  const say = (w: FixWords) => printable(sayFix(w, locale));
  const unknown = (args.only ?? []).filter((id) => !rulesById.has(id));
  if (unknown.length > 0) {
    const value = unknown.map((id) => `"${printable(id)}"`).join(', ');
    io.stderr.write(`courseware-check: ${printable(sayCli(locale, 'cli/fix-only-unknown', { value }))}\n`);
    return 2;
  }
  const controller = new AbortController();
  let stoppedBy: keyof typeof SIGNAL_EXIT_CODES | null = null;
  const listeners = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const listener = () => {
      stoppedBy ??= signal;
      controller.abort();
    };
    process.on(signal, listener);
    return () => void process.off(signal, listener);
  });
  const progress = createFixProgress(io.stderr, locale);
  let report: FixReport;
  try {
    report = await fix({
      paths: args.paths,
      outputDir: args.output,
      profile: args.profile,
      only: args.only,
      trimIntro: args.trimIntro,
      split: args.split,
      denoise: args.denoise,
      upscale: args.upscale,
      plan: args.plan,
      language: args.language,
      stallTimeoutS: args.stallTimeoutS,
      cache: args.cache,
      signal: controller.signal,
      onEvent: progress.onEvent,
    });
  } catch (error) {
    progress.finish();
    if (error instanceof ProfileError || error instanceof NothingToCheckError) {
      io.stderr.write(`courseware-check: ${printable(error.message)}\n`);
      return 2;
    }
    if (error instanceof FixCommandError) {
      io.stderr.write(`courseware-check: ${say(error.says)}\n`);
      return 2;
    }
    throw error;
  } finally {
    for (const off of listeners) off();
  }
  progress.finish();
  io.stdout.write(formatFixReport(report, locale));
  if (stoppedBy) {
    io.stderr.write(`courseware-check: interrupted (${stoppedBy}); no half-written lesson was left\n`);
    return SIGNAL_EXIT_CODES[stoppedBy];
  }
  return fixExitCode(report);
}

/** 0 when every output passes the rules that were fixed (and for a plan), 1 otherwise. */
export function fixExitCode(report: FixReport): 0 | 1 {
  if (report.planOnly) return 0;
  const bad = report.files.some((f) => f.outcome === 'failed' || f.outcome === 'not-fixed' || f.outcome === 'interrupted');
  return bad ? 1 : 0;
}

/**
 * A rule's mark: → to be fixed (a plan), ✓ fixed and passing now, ✗ still failing or not fixable,
 * ! a warning that stays, … a fix that needs an option, - left out by --only.
 */
function markOf(rule: FixRuleResult, planOnly: boolean): string {
  if (rule.status === 'fix') return planOnly || rule.passes === null ? '→' : rule.passes ? '✓' : '✗';
  if (rule.status === 'cannot-fix') return rule.before.status === 'fail' ? '✗' : '!';
  return rule.status === 'needs-option' ? '…' : '-';
}

const LABEL: Record<FixedFile['outcome'], string> = {
  fixed: 'FIXED',
  'not-fixed': 'NOT FIXED',
  'nothing-to-fix': 'OK',
  'cannot-fix': 'CANNOT FIX',
  failed: 'FAILED',
  planned: 'PLAN',
  interrupted: 'STOPPED',
};

/** The plan or the results, for a person: per file, per rule; for a plan, every command line in full. */
export function formatFixReport(report: FixReport, locale: FixLocale = 'en'): string {
  const say = (w: FixWords) => printable(sayFix(w, locale));
  const ffmpeg = ffmpegPath();
  const lines: string[] = [];
  for (const file of report.files) {
    const outputs = file.outputs.length > 0 ? ` → ${file.outputs.map(printable).join(', ')}` : '';
    const outcome = file.outcome === 'planned' ? '' : `  (${say(file.says)})`;
    lines.push(`${LABEL[file.outcome]}  ${printable(file.path)}${outputs}${outcome}`);
    for (const rule of file.rules) {
      lines.push(`  ${markOf(rule, report.planOnly)} ${rule.rule}: ${say(rule.says)}${beforeAfter(rule, report.planOnly)}`);
      for (const w of rule.warnings) lines.push(`      ! ${say(w)}`);
    }
    for (const w of file.plan.warnings) lines.push(`  ! ${say(w)}`);
    if (report.planOnly || file.outcome === 'failed') {
      for (const step of file.plan.steps) {
        lines.push(`  ${say(step.says)}:`);
        lines.push(`    $ ${printable(fixCommandLine(ffmpeg, step.args))}`);
      }
      for (const subtitle of file.plan.subtitles) {
        for (const out of subtitle.outputs) lines.push(`  ${printable(subtitle.source)} → ${printable(out.path)}${subtitle.rewrap ? ' (rewrap)' : ''}${out.fromS > 0 || out.toS !== null ? ` [${out.fromS}–${out.toS ?? 'end'} s]` : ''}`);
      }
    }
    if (file.subtitles.length > 0) lines.push(`  subtitles → ${file.subtitles.map(printable).join(', ')}`);
  }
  const count = (outcome: FixedFile['outcome']) => report.files.filter((f) => f.outcome === outcome).length;
  const parts = (['fixed', 'not-fixed', 'failed', 'cannot-fix', 'nothing-to-fix', 'planned', 'interrupted'] as const).filter((o) => count(o) > 0).map((o) => `${count(o)} ${LABEL[o].toLowerCase()}`);
  lines.push('', `${report.files.length} file(s): ${parts.join(', ')}${report.planOnly ? ' (plan only: nothing was run or written)' : ''}`);
  return `${lines.join('\n')}\n`;
}

function beforeAfter(rule: FixRuleResult, planOnly: boolean): string {
  const before = `${rule.before.status} ${short(rule.before.measured)}`;
  if (planOnly || rule.after.length === 0) return `  [${before}]`;
  const after = rule.after.map((a) => `${a.status} ${short(a.measured)}`).join(' | ');
  return `  [${before} → ${after}]`;
}

function short(measured: Parameters<typeof formatMeasured>[0]): string {
  const text = formatMeasured(measured);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** One line on a terminal's standard error: the file, the step, its share done and the time it has left. */
function createFixProgress(stream: FixIo['stderr'], locale: FixLocale): { onEvent: (event: FixEvent) => void; finish: () => void } {
  if (!stream.isTTY) return { onEvent: () => {}, finish: () => {} };
  let label = '';
  let lastDraw = 0;
  const draw = (text: string) => {
    const width = Math.max(20, (stream.columns || 80) - 1);
    stream.write(`\r\u001b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
  };
  return {
    onEvent(event) {
      if (event.type === 'check') {
        if (event.event.type === 'start') draw(`${event.phase === 'before' ? 'checking' : 're-checking'} ${printable(basename(event.event.path))}`);
      } else if (event.type === 'step') {
        const what = event.step.kind === 'encode' && event.step.output ? `→ ${basename(event.step.output)}` : sayFix(event.step.says, locale);
        label = `[${event.file + 1}/${event.files}] ${printable(basename(event.path))} · ${printable(what)}`;
        draw(label);
      } else if (event.type === 'progress') {
        const now = Date.now();
        if (now - lastDraw < 200 && event.fraction < 1) return;
        lastDraw = now;
        const eta = event.etaS === null ? '' : ` · ~${Math.ceil(event.etaS)}s left`;
        draw(`${label} · ${Math.floor(event.fraction * 100)}%${eta}`);
      }
    },
    finish() {
      stream.write('\r\u001b[2K');
    },
  };
}
