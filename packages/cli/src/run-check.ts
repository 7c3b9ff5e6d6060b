import { writeFile } from 'node:fs/promises';
import {
  attachEvidence,
  buildReport,
  checkPaths,
  exitCodeOf,
  formatJson,
  formatJunit,
  formatHtml,
  formatText,
  loadProfile,
  ProfileError,
  resolveBinaries,
  type Report,
} from '@courseware-check/checker-core';
import type { CheckArguments, Format } from './arguments.js';
import { createProgress } from './progress.js';

const FORMATTERS: Record<Format, (report: Report, args: CheckArguments) => string> = {
  text: (report, args) => formatText(report, { color: args.color, verbose: args.verbose }),
  json: (report) => formatJson(report),
  junit: (report) => formatJunit(report),
  html: (report) => formatHtml(report),
};

/** Runs a check and prints its report; returns the exit code (0 all good, 1 a file failed, 2 the command was invalid). */
export async function runCheck(args: CheckArguments): Promise<number> {
  let profile;
  try {
    profile = await loadProfile(args.profile);
  } catch (error) {
    if (error instanceof ProfileError) {
      process.stderr.write(`courseware-check: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const binaries = await resolveBinaries();
  const progress = createProgress(process.stderr);
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  let files;
  try {
    files = await checkPaths(args.paths, {
      profile,
      quick: args.quick,
      language: args.language,
      jobs: args.jobs,
      signal: controller.signal,
      onProgress: progress.onProgress,
    });
  } finally {
    progress.finish();
    process.off('SIGINT', onInterrupt);
  }
  if (controller.signal.aborted) {
    process.stderr.write('courseware-check: interrupted\n');
    return 130;
  }
  // The HTML report carries its evidence frames inside it; --evidence writes them as files too.
  if (args.evidence || args.format === 'html') await attachEvidence(files, { dir: args.evidence, embed: args.format === 'html' });
  const report = buildReport(files, { profile: profile.name, binaries, quick: args.quick, language: args.language });
  const output = FORMATTERS[args.format](report, args);
  if (args.output) {
    await writeFile(args.output, output);
    process.stderr.write(`courseware-check: ${args.format} report written to ${args.output}\n`);
  } else {
    process.stdout.write(output);
  }
  return exitCodeOf(report);
}
