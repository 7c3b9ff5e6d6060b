import { extname } from 'node:path';
import { fixSubtitleFile, printable, SUBTITLE_EXTENSIONS, type Finding } from '@courseware-check/checker-core';
import { UsageError, type FixArguments } from './arguments.js';

/** `courseware-check fix-subtitles FILE… [--output DIR] [--rewrap]`: 0 when every copy passes, 1 otherwise. */
export async function runFixSubtitles(args: FixArguments): Promise<number> {
  const notSubtitles = args.files.filter((file) => !SUBTITLE_EXTENSIONS.has(extname(file).toLowerCase()));
  if (notSubtitles.length > 0) {
    throw new UsageError(`fix-subtitles takes .srt and .vtt files only, not ${notSubtitles.map(printable).join(', ')} (to fix a lesson, use fix)`);
  }
  let allPass = true;
  for (const file of args.files) {
    try {
      const result = await fixSubtitleFile(file, { outputDir: args.output, rewrap: args.rewrap });
      const cues = result.cuesOut === result.cuesIn ? `${result.cuesIn} cues` : `${result.cuesIn} cues → ${result.cuesOut}`;
      const dropped = result.droppedProblems ? `, ${result.droppedProblems} unreadable line(s) left out` : '';
      process.stdout.write(`${result.passes ? 'FIXED' : 'WRITTEN'}  ${file} → ${result.outputPath} (${result.encodingIn} → UTF-8, ${cues}${dropped})\n`);
      for (const finding of result.recheck.filter((f: Finding) => f.status !== 'pass')) {
        process.stdout.write(`  ${finding.status === 'fail' ? '✗' : '!'} ${finding.rule}: ${finding.message}${finding.line ? ` “${finding.line}”` : ''}\n`);
      }
      if (result.passes) process.stdout.write('  ✓ re-checked: subtitle.encoding and subtitle.line-length pass\n');
      else allPass = false;
    } catch (error) {
      // By name: FixError and SubtitleReadError have the same shape as Error, which defeats `instanceof` narrowing.
      if (!(error instanceof Error) || (error.name !== 'FixError' && error.name !== 'SubtitleReadError')) throw error;
      process.stdout.write(`ERROR  ${printable(error.name === 'FixError' ? error.message : `${file}: ${error.message}`)}\n`);
      allPass = false;
    }
  }
  return allPass ? 0 : 1;
}
