import { extname } from 'node:path';
import { fixSubtitleFile, printable, SUBTITLE_EXTENSIONS, type Finding } from '@courseware-check/checker-core';
import type { FileErrorCode } from '@courseware-check/checker-core/facts';
import { fileErrorMessage, findingMessage } from '@courseware-check/checker-core/messages';
import { UsageError, type FixArguments } from './arguments.js';
import { say } from './words.js';

/** `courseware-check fix-subtitles FILE… [--output DIR] [--rewrap]`: 0 when every copy passes, 1 otherwise. */
export async function runFixSubtitles(args: FixArguments): Promise<number> {
  const { locale } = args;
  const notSubtitles = args.files.filter((file) => !SUBTITLE_EXTENSIONS.has(extname(file).toLowerCase()));
  if (notSubtitles.length > 0) throw new UsageError('cli/fix-subtitles-not-subtitles', { files: notSubtitles });
  let allPass = true;
  for (const file of args.files) {
    try {
      const result = await fixSubtitleFile(file, { outputDir: args.output, rewrap: args.rewrap });
      const cues =
        result.cuesOut === result.cuesIn
          ? { messageId: 'cli/fix-subtitles-cues', params: { cuesIn: String(result.cuesIn) } }
          : { messageId: 'cli/fix-subtitles-cues-changed', params: { cuesIn: String(result.cuesIn), cuesOut: String(result.cuesOut) } };
      const dropped = result.droppedProblems ? say(locale, 'cli/fix-subtitles-dropped', { count: String(result.droppedProblems) }) : '';
      const line = say(locale, 'cli/fix-subtitles-file', { passes: result.passes, file, output: result.outputPath, encoding: result.encodingIn, cues, dropped });
      process.stdout.write(`${printable(line)}\n`);
      for (const finding of result.recheck.filter((f: Finding) => f.status !== 'pass')) {
        const message = printable(findingMessage(finding, locale));
        process.stdout.write(`  ${finding.status === 'fail' ? '✗' : '!'} ${finding.rule}${locale === 'zh' ? '：' : ': '}${message}${finding.line ? ` “${printable(finding.line)}”` : ''}\n`);
      }
      if (result.passes) process.stdout.write(`  ✓ ${say(locale, 'cli/fix-subtitles-rechecked')}\n`);
      else allPass = false;
    } catch (error) {
      // By name: FixError and SubtitleReadError have the same shape as Error, which defeats `instanceof` narrowing.
      if (!(error instanceof Error) || (error.name !== 'FixError' && error.name !== 'SubtitleReadError')) throw error;
      // A file that cannot be read is said as a file error of its code (the reader's words are its detail).
      const code = (error as Error & { code?: FileErrorCode }).code;
      const detail =
        error.name === 'FixError'
          ? error.message
          : `${file}: ${code ? fileErrorMessage({ code, message: error.message, messageId: `file-error/${code}`, params: { detail: error.message } }, locale) : error.message}`;
      process.stdout.write(`${printable(say(locale, 'cli/fix-subtitles-error', { detail }))}\n`);
      allPass = false;
    }
  }
  return allPass ? 0 : 1;
}
