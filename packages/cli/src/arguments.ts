import yargs from 'yargs';
import { localeFromEnvironment, useColor, type Locale } from './environment.js';

export type Format = 'text' | 'json' | 'ndjson' | 'junit' | 'html';

/** A path as given: a file, a folder or a glob; or `-`, paths read from standard input. */
export type PathInput = { kind: 'path'; value: string } | { kind: 'stdin' };

export interface CheckArguments {
  command: 'check';
  /** What to check, in the order given (main.ts reads standard input and expands globs). */
  inputs: PathInput[];
  profile: string;
  language: 'zh' | 'en';
  locale: Locale;
  quick: boolean;
  format: Format;
  output: string | undefined;
  jobs: number;
  verbose: boolean;
  /** Text format: only the files that fail or could not be checked, with their failing rules. */
  quiet: boolean;
  /** Exit 1 when more warnings than this (rules not met at warning severity, once per rule and file). */
  maxWarnings: number | undefined;
  /** ANSI colours in the text report (standard output; never in a file). */
  color: boolean;
  /** ANSI colours in the progress line (standard error, on a terminal). */
  progressColor: boolean;
  evidence: string | undefined;
  stallTimeoutS: number;
}

export type Parsed = CheckArguments | FixArguments | { command: 'done' } | { command: 'version'; verbose: boolean };

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

/** A lone `-` while yargs parses (which would drop it): no argument can contain a NUL character. */
const DASH = '\u0000-';

/** What the command line does not say: taken from the process unless a test gives it. */
export interface ParseDefaults {
  defaultJobs: number;
  env?: NodeJS.ProcessEnv;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
}

const EXAMPLES: [string, string][] = [
  ['$0 lessons/', 'check every lesson under lessons/ (folders are walked)'],
  ["$0 'lessons/*.mp4' --quick", 'the tool expands quoted globs (on Windows too); metadata only'],
  ["find . -name '*.mp4' | $0 -", 'paths from standard input, one a line'],
  ['$0 lessons/ --format junit -o report.xml', 'a JUnit report for CI'],
  ['$0 lessons/ --format ndjson | jq .status', 'one JSON object a line, as each file finishes'],
  ['$0 lessons/ --quiet --max-warnings 0', 'show only failures; exit 1 on any warning too'],
];

const EPILOG = `Exit codes:
  0    no file failed or could not be checked (warnings allowed, up to --max-warnings)
  1    a file failed or could not be checked, or more warnings than --max-warnings
  2    the command itself is invalid (unknown option, bad value or profile, an output that
       cannot be written, nothing to check), found before any file is checked
  130  stopped by Ctrl-C (143: by SIGTERM); the files that finished are reported

Environment:
  NO_COLOR                      no colours, whatever else asks
  FORCE_COLOR                   colours even off a terminal (0 or false: none)
  LC_ALL, LC_MESSAGES, LANG     the default --locale (the first set: zh… gives zh, else en)
  FFMPEG_PATH, FFPROBE_PATH     other ffmpeg and ffprobe binaries than the pinned ones`;

/** Parses the command line of REPORT.md; `--help` prints and answers `done`, `--version` answers `version`. */
export async function parseArguments(argv: string[], defaults: ParseDefaults): Promise<Parsed> {
  const env = defaults.env ?? process.env;
  // After `--` every argument is a path, even `-i`: yargs would set them aside, so they are split off here.
  const all = withoutScriptSeparator(argv, env);
  const end = all.indexOf('--');
  // yargs drops a lone `-`: it stands in as DASH until parsed, then is `-` again (standard input as a path).
  const args = (end === -1 ? all : all.slice(0, end)).map((arg) => (arg === '-' ? DASH : arg));
  const literalPaths = end === -1 ? [] : all.slice(end + 1);
  const undash = <T>(value: T): T | '-' => (value === DASH ? '-' : value);
  let result: Parsed = { command: 'done' };
  const parser = yargs(args)
    .scriptName('courseware-check')
    .usage('$0 [PATH ...] [options]\n\nChecks lesson videos (and their subtitles) against the technical standard for online training courses.')
    // yargs' own --version reads the nearest package.json and cannot add the binaries: ours is an option.
    .version(false)
    .option('version', { type: 'boolean', alias: 'v', describe: 'print the version and exit (with --verbose: the ffmpeg and ffprobe it runs too)' })
    .command(
      '$0 [paths..]',
      'check video files, subtitle files or folders (default: the bundled sample-media/)',
      (command) =>
        command
          .positional('paths', { type: 'string', array: true, describe: 'files, folders, globs (expanded by the tool), or - to read paths from standard input' })
          .option('profile', { type: 'string', default: 'web', describe: 'web | archive | a JSON/YAML profile file' })
          .option('language', { choices: ['zh', 'en'] as const, default: 'zh' as const, describe: 'the course language, for the subtitle rules' })
          .option('locale', {
            choices: ['zh', 'en'] as const,
            default: localeFromEnvironment(env),
            defaultDescription: 'from LC_ALL, LC_MESSAGES or LANG',
            describe: 'the language of the messages you read',
          })
          .option('quick', { type: 'boolean', default: false, describe: 'metadata only: no decoding; decoding rules report skip' })
          .option('format', { choices: ['text', 'json', 'ndjson', 'junit', 'html'] as const, default: 'text' as const, describe: 'report format (ndjson: one line per file as it finishes, then a summary line)' })
          .option('output', { type: 'string', alias: ['o', 'output-file'], describe: 'write the report to this file instead of standard output' })
          .option('jobs', { type: 'number', alias: 'j', default: defaults.defaultJobs, describe: 'files checked at once' })
          .option('quiet', { type: 'boolean', alias: 'q', default: false, describe: 'text format: only files that fail or could not be checked, with their failing rules (no warnings)' })
          .option('max-warnings', {
            type: 'number',
            describe: 'exit 1 when more than N warnings: rules not met at warning severity, counted once per rule and file, across all files',
          })
          .option('verbose', { type: 'boolean', default: false, describe: 'text format: list each passing rule' })
          .option('color', { type: 'boolean', describe: 'colour the text report (default: on a terminal; NO_COLOR turns colours off, FORCE_COLOR on)' })
          .option('evidence', { type: 'string', describe: 'write a JPEG of the picture at each timed video finding into this folder' })
          .option('stall-timeout', { type: 'number', default: 120, describe: 'stop ffmpeg/ffprobe on a file after this many seconds without progress (the file is an error)' })
          .example(EXAMPLES)
          .epilog(EPILOG),
      (options) => {
        if (options.version) {
          result = { command: 'version', verbose: options.verbose };
          return;
        }
        if (!Number.isInteger(options.jobs) || options.jobs < 1) throw new UsageError(`--jobs must be a whole number ≥ 1, not ${options.jobs}`);
        const stallTimeoutS = options['stall-timeout'];
        if (!Number.isFinite(stallTimeoutS) || stallTimeoutS <= 0) throw new UsageError(`--stall-timeout must be a number of seconds > 0, not ${options['stall-timeout']}`);
        const maxWarnings = options['max-warnings'];
        if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
          throw new UsageError(`--max-warnings must be a whole number ≥ 0, not ${maxWarnings}`);
        }
        // Before `--`, a lone `-` is standard input; after it, every argument is a path (a file named `-` too).
        const inputs: PathInput[] = [
          ...(options.paths ?? []).map(String).map((value): PathInput => (value === DASH ? { kind: 'stdin' } : { kind: 'path', value })),
          ...literalPaths.map((value): PathInput => ({ kind: 'path', value })),
        ];
        if (inputs.filter((input) => input.kind === 'stdin').length > 1) throw new UsageError('"-" (paths from standard input) can be given once');
        // `--output -` is standard output, as for most commands.
        const output = options.output === DASH ? undefined : options.output;
        result = {
          command: 'check',
          inputs,
          profile: undash(options.profile),
          language: options.language,
          locale: options.locale,
          quick: options.quick,
          format: options.format,
          output,
          jobs: options.jobs,
          verbose: options.verbose,
          quiet: options.quiet,
          maxWarnings,
          // A report written to a file is never painted.
          color: output === undefined && useColor({ flag: options.color, env, isTTY: defaults.stdoutIsTTY ?? process.stdout.isTTY === true }),
          progressColor: useColor({ flag: options.color, env, isTTY: defaults.stderrIsTTY ?? process.stderr.isTTY === true }),
          evidence: undash(options.evidence),
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
        if (options.version) {
          result = { command: 'version', verbose: false };
          return;
        }
        const files = [...(options.files ?? []).map(String).map(undash), ...literalPaths];
        if (files.length === 0) throw new UsageError('fix-subtitles needs at least one .srt or .vtt file');
        result = { command: 'fix-subtitles', files, output: undash(options.output), rewrap: options.rewrap };
      },
    )
    .strict()
    .help()
    .alias('help', 'h')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error instanceof UsageError ? error : new UsageError(message ?? error?.message ?? 'invalid command line');
    });
  await parser.parseAsync();
  return result;
}
