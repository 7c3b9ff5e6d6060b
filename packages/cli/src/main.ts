import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCheck } from './run-check.js';
import { runFixSubtitles } from './fix-subtitles.js';
import { printable } from '@courseware-check/checker-core';
import { parseArguments, UsageError } from './arguments.js';

const SAMPLE_MEDIA = fileURLToPath(new URL('../../../sample-media', import.meta.url));

async function main(): Promise<number> {
  try {
    const parsed = await parseArguments(process.argv.slice(2), { defaultJobs: availableParallelism() });
    if (parsed.command === 'done') return 0;
    if (parsed.command === 'fix-subtitles') return await runFixSubtitles(parsed);
    const paths = parsed.paths.length > 0 ? parsed.paths : [relative(process.cwd(), SAMPLE_MEDIA) || '.'];
    return await runCheck({ ...parsed, paths });
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
