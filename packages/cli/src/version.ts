import { readFileSync } from 'node:fs';

/**
 * `courseware-check 0.1.0`, read from this package's package.json: no media code is loaded, so `-v`
 * is as quick as `--help`. With `--verbose`, the checker is loaded and the pinned ffmpeg and ffprobe
 * are run for their version lines (as every report names them).
 */
export async function printVersion(verbose: boolean): Promise<number> {
  const { name, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  process.stdout.write(`${name} ${version}\n`);
  if (verbose) {
    const { resolveBinaries } = await import('@courseware-check/checker-core');
    const { ffmpeg, ffprobe } = await resolveBinaries();
    process.stdout.write(`${ffmpeg.version}\n${ffprobe.version}\n`);
  }
  return 0;
}
