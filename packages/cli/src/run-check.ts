import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { exitCodeOf, NothingToCheckError, printable, ProfileError, run, type Report } from '@courseware-check/checker-core';
import { UsageError, type CheckArguments } from './arguments.js';
import { renderMessage } from '@courseware-check/checker-core/messages';
import { createOutput } from './output.js';
import { watchPackageManager } from './package-manager-watch.js';
import { createProgress } from './progress.js';
import { createReportWriter } from './report-writer.js';
import { countWarnings } from './warnings.js';
import { say } from './words.js';

/**
 * Exit codes of a run stopped by a signal: 128 + the signal's number, as shells report them.
 * SIGPIPE stands for standard output's reader going away (`| head`), which Node reports as EPIPE.
 */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGPIPE: 141 } as const;

/**
 * Runs a check and writes its report (as the files finish, where the format streams); returns the
 * exit code: 0 all good, 1 a file failed or could not be checked or more warnings than
 * --max-warnings, 2 the command was invalid, 130/143 stopped by a signal.
 */
export async function runCheck(args: CheckArguments, paths: string[]): Promise<number> {
  // Everything the command asks for is checked before any file is: a bad output fails in a second, not after the batch.
  await checkOutputs(args);
  // `--queue`: the workers check the files; the report, progress and exit code stay this run's. Redis unreachable: exit 2.
  const queue = args.queue ? await (await import('./queue/submit.js')).openQueueChecker(args.queue) : undefined;
  const controller = new AbortController();
  let stoppedBy: keyof typeof SIGNAL_EXIT_CODES | null = null;
  const onSignal = (signal: keyof typeof SIGNAL_EXIT_CODES) => {
    stoppedBy ??= signal;
    controller.abort();
  };
  // The reader of standard output went away (`| head`): stop checking what nobody will read, as `cat` would.
  const output = createOutput(args.output, () => onSignal('SIGPIPE'));
  // Progress goes to standard error, on a terminal only; a result written meanwhile clears its line first.
  const progress = createProgress(process.stderr, { color: args.progressColor, locale: args.locale });
  const writer = createReportWriter(args, (text) => progress.around(() => output.write(text)));
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
      paths,
      profile: args.profile,
      quick: args.quick,
      language: args.language,
      locale: args.locale,
      // With a queue every file is sent at once: the workers' --jobs say how many run.
      jobs: queue ? Number.MAX_SAFE_INTEGER : args.jobs,
      checker: queue?.checker,
      stallTimeoutS: args.stallTimeoutS,
      project: args.project,
      signal: controller.signal,
      cache: args.cache && (args.cacheDir ? { dir: args.cacheDir } : true),
      toolVersions: args.cacheDir ? { dir: args.cacheDir } : true,
      hash: args.hash,
      // The HTML report carries its evidence frames inside it; --evidence writes them as files too.
      evidence: args.evidence || args.format === 'html' ? { dir: args.evidence, embed: args.format === 'html' } : undefined,
      onEvent: (event) => {
        if (event.type === 'discovered') {
          total = event.paths.length;
          writer.discovered(event.rules);
        }
        progress.onEvent(event);
        if (event.type === 'file') writer.file(event.result, event.revised);
        if (event.type === 'warning') progress.around(() => process.stderr.write(`courseware-check: ${printable(renderMessage(args.locale, event.messageId, event.params))}\n`));
      },
    });
  } catch (error) {
    if (error instanceof NothingToCheckError) throw new UsageError(error.messageId, error.params);
    // A profile's problem is said in English (its key names and words), introduced in the locale.
    if (error instanceof ProfileError) throw new UsageError('cli/profile-error', { detail: error.message });
    throw error;
  } finally {
    progress.finish();
    for (const off of signals) off();
    await queue?.close();
  }
  writer.finish(report);
  if (args.output) process.stderr.write(`courseware-check: ${printable(say(args.locale, 'cli/report-written', { format: args.format, path: args.output }))}\n`);
  if (stoppedBy === 'SIGPIPE') return SIGNAL_EXIT_CODES.SIGPIPE;
  if (stoppedBy) {
    process.stderr.write(`courseware-check: ${say(args.locale, 'cli/interrupted', { signal: stoppedBy, done: String(report.files.length), total: String(total) })}\n`);
    return SIGNAL_EXIT_CODES[stoppedBy];
  }
  const code = exitCodeOf(report);
  if (args.maxWarnings !== undefined) {
    const warnings = countWarnings(report);
    if (warnings > args.maxWarnings) {
      process.stderr.write(`courseware-check: ${say(args.locale, 'cli/too-many-warnings', { count: String(warnings), max: String(args.maxWarnings) })}\n`);
      return 1;
    }
  }
  return code;
}

/** `--output` must name a file in an existing folder; `--evidence` a folder (made if missing), not a file. */
async function checkOutputs(args: CheckArguments): Promise<void> {
  if (args.output) {
    const folder = dirname(resolve(args.output));
    const info = await stat(folder).catch(() => null);
    if (!info?.isDirectory()) throw new UsageError('cli/output-folder-missing', { path: args.output, folder });
    if ((await stat(args.output).catch(() => null))?.isDirectory()) throw new UsageError('cli/output-is-folder', { path: args.output });
  }
  if (args.evidence) {
    const info = await stat(args.evidence).catch(() => null);
    if (info && !info.isDirectory()) throw new UsageError('cli/evidence-is-file', { path: args.evidence });
    await mkdir(args.evidence, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError('cli/evidence-cannot-make', { path: args.evidence, detail: error.code ?? error.message });
    });
  }
}
