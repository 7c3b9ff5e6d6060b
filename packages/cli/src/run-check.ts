import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  exitCodeOf,
  formatJson,
  formatJunit,
  formatHtml,
  formatText,
  NothingToCheckError,
  printable,
  ProfileError,
  run,
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
  // Everything the command asks for is checked before any file is: a bad output fails in a second, not after the batch.
  await checkOutputs(args);
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
  let report: Report;
  let total = 0;
  try {
    report = await run({
      paths: args.paths,
      profile: args.profile,
      quick: args.quick,
      language: args.language,
      jobs: args.jobs,
      stallTimeoutS: args.stallTimeoutS,
      signal: controller.signal,
      // The HTML report carries its evidence frames inside it; --evidence writes them as files too.
      evidence: args.evidence || args.format === 'html' ? { dir: args.evidence, embed: args.format === 'html' } : undefined,
      onEvent: (event) => {
        if (event.type === 'discovered') total = event.paths.length;
        progress.onEvent(event);
      },
    });
  } catch (error) {
    if (error instanceof ProfileError || error instanceof NothingToCheckError) throw new UsageError(error.message);
    throw error;
  } finally {
    progress.finish();
    for (const off of signals) off();
  }
  const output = FORMATTERS[args.format](report, args);
  if (args.output) {
    await writeFile(args.output, output);
    process.stderr.write(`courseware-check: ${args.format} report written to ${printable(args.output)}\n`);
  } else {
    process.stdout.write(output);
  }
  if (stoppedBy) {
    process.stderr.write(`courseware-check: interrupted (${stoppedBy}) after ${report.files.length} of ${total} file(s)\n`);
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
