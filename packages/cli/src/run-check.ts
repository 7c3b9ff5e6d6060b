import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  attachEvidence,
  buildReport,
  checkTargets,
  discover,
  exitCodeOf,
  formatJson,
  formatJunit,
  formatHtml,
  formatText,
  loadProfile,
  printable,
  ProfileError,
  resolveBinaries,
  type FileResult,
  type Report,
} from '@courseware-check/checker-core';
import { UsageError, type CheckArguments, type Format } from './arguments.js';
import { watchPackageManager } from './package-manager-watch.js';
import { createProgress } from './progress.js';

const FORMATTERS: Record<Format, (report: Report, args: CheckArguments) => string> = {
  text: (report, args) => formatText(report, { color: args.color, verbose: args.verbose }),
  json: (report) => formatJson(report),
  junit: (report) => formatJunit(report),
  html: (report) => formatHtml(report),
};

/** Exit codes of a run stopped by a signal: 128 + the signal's number, as shells report them. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** Runs a check and prints its report; returns the exit code (0 all good, 1 a file failed, 2 the command was invalid). */
export async function runCheck(args: CheckArguments): Promise<number> {
  let profile;
  try {
    // Everything the command asks for is checked before any file is: a bad output fails in a second, not after the batch.
    await checkOutputs(args);
    profile = await loadProfile(args.profile);
  } catch (error) {
    if (error instanceof ProfileError || error instanceof UsageError) {
      process.stderr.write(`courseware-check: ${printable(error.message)}\n`);
      return 2;
    }
    throw error;
  }
  const { targets, skipped } = await discover(args.paths);
  if (targets.length === 0) {
    const why = skipped.map((s) => `; ${printable(s.path)}: ${printable(s.reason)}`).join('');
    process.stderr.write(`courseware-check: nothing to check in ${args.paths.map(printable).join(', ')}${why}\n`);
    return 2;
  }
  const binaries = await resolveBinaries();
  const progress = createProgress(process.stderr);
  const controller = new AbortController();
  let stoppedBy: keyof typeof SIGNAL_EXIT_CODES | null = null;
  const onSignal = (signal: keyof typeof SIGNAL_EXIT_CODES) => {
    stoppedBy ??= signal;
    controller.abort();
  };
  const signals = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const listener = () => onSignal(signal);
    process.on(signal, listener);
    return (): void => void process.off(signal, listener);
  });
  signals.push(watchPackageManager(() => onSignal('SIGTERM')));
  let files: FileResult[];
  try {
    files = await checkTargets(targets, {
      profile,
      quick: args.quick,
      language: args.language,
      jobs: args.jobs,
      signal: controller.signal,
      stallTimeoutS: args.stallTimeoutS,
      onProgress: progress.onProgress,
    });
    // The HTML report carries its evidence frames inside it; --evidence writes them as files too.
    if (!stoppedBy && (args.evidence || args.format === 'html')) await attachEvidence(files, { dir: args.evidence, embed: args.format === 'html' });
  } finally {
    progress.finish();
    for (const off of signals) off();
  }
  const report = buildReport(files, { profile: profile.name, binaries, quick: args.quick, language: args.language, skipped, interrupted: stoppedBy !== null });
  const output = FORMATTERS[args.format](report, args);
  if (args.output) {
    await writeFile(args.output, output);
    process.stderr.write(`courseware-check: ${args.format} report written to ${printable(args.output)}\n`);
  } else {
    process.stdout.write(output);
  }
  if (stoppedBy) {
    process.stderr.write(`courseware-check: interrupted (${stoppedBy}) after ${files.length} of ${targets.length} file(s)\n`);
    return SIGNAL_EXIT_CODES[stoppedBy];
  }
  return exitCodeOf(report);
}

/** `--output` must name a file in an existing folder; `--evidence` a folder (made if missing), not a file. */
async function checkOutputs(args: CheckArguments): Promise<void> {
  if (args.output) {
    const folder = dirname(resolve(args.output));
    const info = await stat(folder).catch(() => null);
    if (!info?.isDirectory()) throw new UsageError(`cannot write the report to ${args.output}: the folder ${folder} does not exist`);
    if ((await stat(args.output).catch(() => null))?.isDirectory()) throw new UsageError(`cannot write the report to ${args.output}: it is a folder`);
  }
  if (args.evidence) {
    const info = await stat(args.evidence).catch(() => null);
    if (info && !info.isDirectory()) throw new UsageError(`--evidence ${args.evidence} is a file, not a folder`);
    await mkdir(args.evidence, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot make the evidence folder ${args.evidence} (${error.code ?? error.message})`);
    });
  }
}
