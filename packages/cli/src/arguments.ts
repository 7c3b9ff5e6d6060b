import yargs from 'yargs';

export type Format = 'text' | 'json' | 'junit' | 'html';

export interface CheckArguments {
  command: 'check';
  paths: string[];
  profile: string;
  language: 'zh' | 'en';
  quick: boolean;
  format: Format;
  output: string | undefined;
  jobs: number;
  verbose: boolean;
  color: boolean;
  evidence: string | undefined;
  stallTimeoutS: number;
}

export interface FixArguments {
  command: 'fix-subtitles';
  files: string[];
  output: string;
  rewrap: boolean;
}

/**
 * pnpm passes a literal `--` on to a script (`pnpm run check -- --format json FILE`) and records the
 * arguments it appended in `npm_lifecycle_script`: that `--` is pnpm's and is dropped. Any other
 * `--` is the user's end of options, so that `courseware-check -- -i` checks the file named `-i`.
 */
export function withoutScriptSeparator(argv: string[], env: NodeJS.ProcessEnv = process.env): string[] {
  if (argv[0] !== '--' || !env.npm_lifecycle_script) return argv;
  // pnpm shell-quotes what it appends ('a b'"'"'c'): compare without the quoting.
  const unquoted = (text: string) => text.replace(/['"\\]/g, '');
  const appendedByScript = unquoted(env.npm_lifecycle_script).endsWith(unquoted(` ${argv.join(' ')}`));
  return appendedByScript ? argv.slice(1) : argv;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses the command line of REPORT.md; `--help` and `--version` print and answer `done`. */
export async function parseArguments(argv: string[], defaults: { defaultJobs: number }): Promise<CheckArguments | FixArguments | { command: 'done' }> {
  // After `--` every argument is a path, even `-i`: yargs would set them aside, so they are split off here.
  const all = withoutScriptSeparator(argv);
  const end = all.indexOf('--');
  const args = end === -1 ? all : all.slice(0, end);
  const literalPaths = end === -1 ? [] : all.slice(end + 1);
  let result: CheckArguments | FixArguments | { command: 'done' } = { command: 'done' };
  await yargs(args)
    .scriptName('courseware-check')
    .usage('$0 [PATH ...] [options]\n\nChecks lesson videos (and their subtitles) against the technical standard for online training courses.')
    .command(
      '$0 [paths..]',
      'check video files, subtitle files or folders (default: the bundled sample-media/)',
      (command) =>
        command
          .positional('paths', { type: 'string', array: true, describe: 'files or folders' })
          .option('profile', { type: 'string', default: 'web', describe: 'web | archive | a JSON/YAML profile file' })
          .option('language', { choices: ['zh', 'en'] as const, default: 'zh' as const, describe: 'the course language, for subtitle.language' })
          .option('quick', { type: 'boolean', default: false, describe: 'metadata only: no decoding; decoding rules report skip' })
          .option('format', { choices: ['text', 'json', 'junit', 'html'] as const, default: 'text' as const, describe: 'report format' })
          .option('output', { type: 'string', alias: 'o', describe: 'write the report to this file instead of standard output' })
          .option('jobs', { type: 'number', alias: 'j', default: defaults.defaultJobs, describe: 'files checked at once' })
          .option('verbose', { type: 'boolean', default: false, describe: 'text format: list each passing rule' })
          .option('evidence', { type: 'string', describe: 'write a JPEG of the picture at each timed video finding into this folder' })
          .option('stall-timeout', { type: 'number', default: 120, describe: 'stop ffmpeg/ffprobe on a file after this many seconds without progress (the file is an error)' })
          .option('color', { type: 'boolean', default: process.stdout.isTTY === true, describe: 'colour the text report' }),
      (options) => {
        if (!Number.isInteger(options.jobs) || options.jobs < 1) throw new UsageError(`--jobs must be a whole number ≥ 1, not ${options.jobs}`);
        const stallTimeoutS = options['stall-timeout'];
        if (!Number.isFinite(stallTimeoutS) || stallTimeoutS <= 0) throw new UsageError(`--stall-timeout must be a number of seconds > 0, not ${options['stall-timeout']}`);
        const paths = [...(options.paths ?? []).map(String), ...literalPaths];
        const valueOfOption = [options.output, options.profile, options.evidence].includes('-');
        if (args.includes('-') && !valueOfOption) throw new UsageError('"-" (paths from standard input) is not supported yet: name the files or folders to check');
        result = {
          command: 'check',
          paths,
          profile: options.profile,
          language: options.language,
          quick: options.quick,
          format: options.format,
          output: options.output,
          jobs: options.jobs,
          verbose: options.verbose,
          color: options.color && !options.output,
          evidence: options.evidence,
          stallTimeoutS,
        };
      },
    )
    .command(
      'fix-subtitles [files..]',
      'write UTF-8 copies of subtitle files (never over or beside the originals) and re-check them',
      (command) =>
        command
          .positional('files', { type: 'string', array: true, describe: '.srt or .vtt files' })
          .option('output', { type: 'string', alias: 'o', default: 'fixed-subtitles', describe: 'folder for the fixed copies' })
          .option('rewrap', { type: 'boolean', default: false, describe: 're-break over-long lines; split a cue in time where two lines cannot hold it' }),
      (options) => {
        const files = [...(options.files ?? []).map(String), ...literalPaths];
        if (files.length === 0) throw new UsageError('fix-subtitles needs at least one .srt or .vtt file');
        result = { command: 'fix-subtitles', files, output: options.output, rewrap: options.rewrap };
      },
    )
    .strict()
    .help()
    .version(false)
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error instanceof UsageError ? error : new UsageError(message ?? error?.message ?? 'invalid command line');
    })
    .parseAsync();
  return result;
}
