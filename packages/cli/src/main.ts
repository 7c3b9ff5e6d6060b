import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printable } from '@courseware-check/checker-core/facts';
import { parseArguments, UsageError } from './arguments.js';

/** The lessons bundled with the repository; an installed copy has none beside it. */
const SAMPLE_MEDIA = fileURLToPath(new URL('../../../sample-media', import.meta.url));

async function main(): Promise<number> {
  try {
    const parsed = await parseArguments(process.argv.slice(2), { defaultJobs: availableParallelism() });
    if (parsed.command === 'done') return 0;
    // The checker (ffmpeg lookup, sharp, the rules) loads only now: `--help`, `-v` and a bad option stay fast.
    if (parsed.command === 'version') return await (await import('./version.js')).printVersion(parsed.verbose);
    if (parsed.command === 'fix-subtitles') return await (await import('./fix-subtitles.js')).runFixSubtitles(parsed);
    if (parsed.inputs.length === 0 && !existsSync(SAMPLE_MEDIA)) {
      throw new UsageError('name the lesson files or folders to check, e.g. `courseware-check lessons/` (see --help)');
    }
    const paths = parsed.inputs.length > 0 ? await (await import('./expand-paths.js')).expandInputs(parsed.inputs) : [relative(process.cwd(), SAMPLE_MEDIA) || '.'];
    if (paths.length === 0) throw new UsageError('nothing to check: standard input ("-") held no paths');
    return await (await import('./run-check.js')).runCheck(parsed, paths);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`courseware-check: ${printable(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`courseware-check: ${printable((error as Error).message)}\n`);
    process.exitCode = 2;
  },
);
