import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { printable } from '@courseware-check/checker-core/facts';
import { chooseLocale, parseArguments, UsageError } from './arguments.js';

/** The lessons bundled with the repository; an installed copy has none beside it. */
const SAMPLE_MEDIA = fileURLToPath(new URL('../../../sample-media', import.meta.url));

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  // What the command says (help, usage errors) is in this language: `--locale`, else the environment's.
  const locale = chooseLocale(argv);
  try {
    const parsed = await parseArguments(argv, { defaultJobs: availableParallelism() });
    if (parsed.command === 'done') return 0;
    // The checker (ffmpeg lookup, sharp, the rules) loads only now: `--help`, `-v` and a bad option stay fast.
    if (parsed.command === 'version') return await (await import('./version.js')).printVersion(parsed.verbose);
    if (parsed.command === 'fix-subtitles') return await (await import('./fix-subtitles.js')).runFixSubtitles(parsed);
    if (!('quick' in parsed && parsed.quick)) keepMemoryFlat();
    if (parsed.command === 'fix') return await (await import('./run-fix.js')).runFix(parsed);
    if (parsed.command === 'worker') return await (await import('./queue/worker.js')).runWorker(parsed);
    if (parsed.inputs.length === 0 && !existsSync(SAMPLE_MEDIA)) {
      throw new UsageError('cli/no-paths');
    }
    const paths = parsed.inputs.length > 0 ? await (await import('./expand-paths.js')).expandInputs(parsed.inputs, parsed.locale) : [relative(process.cwd(), SAMPLE_MEDIA) || '.'];
    if (paths.length === 0) throw new UsageError('cli/stdin-empty');
    return await (await import('./run-check.js')).runCheck(parsed, paths);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`courseware-check: ${printable(error.render(locale))}\n`);
      return 2;
    }
    throw error;
  }
}

/**
 * Two settings for a command that may decode (3 ms; not for `--quick`). V8 doubles its young
 * generation whenever enough objects have survived it in all, so a long decode (a steady trickle of
 * pipe chunks in flight) ends with 16 MiB more heap than a short one: the factor holds it at the size
 * start-up left it. V8 reads the factor each time it would grow, so setting it now works; not before
 * start-up, which would then collect more often (15 ms more for `--quick`). And the collector is
 * exposed (`globalThis.gc`, as `node --expose-gc` would), so that the decoding passes can have their
 * spent pipe reads collected (`analyze/decode-stream.ts`); the flag puts `gc` in contexts made after
 * it, hence the new context.
 */
function keepMemoryFlat(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--expose-gc');
  globalThis.gc ??= runInNewContext('gc') as NodeJS.GCFunction;
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
