import yargs from 'yargs';
import { localeFromEnvironment, useColor, type Locale } from './environment.js';
import { say, UsageError, YARGS_LOCALE, yargsStrings, type CliMessageId } from './words.js';
import { addFixCommand, type FixCommandArguments } from './fix-arguments.js';
import { addWorkerCommand, checkQueueUrl, queueOption, type WorkerArguments } from './queue/arguments.js';

export { UsageError } from './words.js';

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
  /** `--project`: each folder given is a training project, its lessons judged together too. */
  project: boolean;
  /** The result cache (`--no-cache`: off), in `cacheDir` or the user's cache folder. */
  cache: boolean;
  cacheDir: string | undefined;
  /** `--hash`: each file's SHA-256 with `--quick` too. */
  hash: boolean;
  /** `--queue redis://…`: the files are checked by the workers of this Redis (queue/), not here. */
  queue: string | undefined;
}

export type Parsed = CheckArguments | FixArguments | FixCommandArguments | WorkerArguments | { command: 'done' } | { command: 'version'; verbose: boolean };

export interface FixArguments {
  command: 'fix-subtitles';
  files: string[];
  output: string;
  rewrap: boolean;
  /** The language of what the command says. */
  locale: Locale;
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

/** A lone `-` while yargs parses (which would drop it): no argument can contain a NUL character. */
const DASH = '\u0000-';

/** What the command line does not say: taken from the process unless a test gives it. */
export interface ParseDefaults {
  defaultJobs: number;
  env?: NodeJS.ProcessEnv;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
}

/** The help's examples: the commands, and what each does in the locale. */
const examples = (locale: Locale): [string, string][] => [
  ['$0 lessons/', say(locale, 'cli/example-folder')],
  ["$0 'lessons/*.mp4' --quick", say(locale, 'cli/example-glob')],
  ["find . -name '*.mp4' | $0 -", say(locale, 'cli/example-stdin')],
  ['$0 lessons/ --format junit -o report.xml', say(locale, 'cli/example-junit')],
  ['$0 lessons/ --format ndjson | jq .status', say(locale, 'cli/example-ndjson')],
  ['$0 lessons/ --quiet --max-warnings 0', say(locale, 'cli/example-quiet')],
  ['$0 --project courses/safety/ courses/welding/', say(locale, 'cli/example-project')],
];

/**
 * The language the command speaks in, known before yargs runs (the help is printed in it): the last
 * `--locale zh|en` (or `--locale=…`) before `--`, else the environment's (LC_ALL, LC_MESSAGES, LANG).
 * A value yargs will refuse (`--locale fr`) counts for nothing here, so the refusal is said in the
 * environment's language.
 */
export function chooseLocale(argv: string[], env: NodeJS.ProcessEnv = process.env): Locale {
  const all = withoutScriptSeparator(argv, env);
  const end = all.indexOf('--');
  const args = end === -1 ? all : all.slice(0, end);
  let chosen: Locale | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = arg === '--locale' ? args[i + 1] : arg.startsWith('--locale=') ? arg.slice('--locale='.length) : undefined;
    if (value === 'zh' || value === 'en') chosen = value;
  }
  return chosen ?? localeFromEnvironment(env);
}

/** Parses the command line of REPORT.md; `--help` prints and answers `done`, `--version` answers `version`. */
export async function parseArguments(argv: string[], defaults: ParseDefaults): Promise<Parsed> {
  const env = defaults.env ?? process.env;
  // The help, yargs' words and the usage errors are in this language.
  const locale = chooseLocale(argv, env);
  const t = (id: CliMessageId) => say(locale, id);
  // After `--` every argument is a path, even `-i`: yargs would set them aside, so they are split off here.
  const all = withoutScriptSeparator(argv, env);
  const end = all.indexOf('--');
  // yargs drops a lone `-`: it stands in as DASH until parsed, then is `-` again (standard input as a path).
  const args = (end === -1 ? all : all.slice(0, end)).map((arg) => (arg === '-' ? DASH : arg));
  const literalPaths = end === -1 ? [] : all.slice(end + 1);
  const undash = <T>(value: T): T | '-' => (value === DASH ? '-' : value);
  let result: Parsed = { command: 'done' };
  const parser = yargs(args)
    // yargs' words (headings, type tags, its errors) in the locale: y18n's, replaced by the catalogue's.
    .locale(YARGS_LOCALE[locale])
    // (@types/yargs types the values as strings; y18n takes `{ one, other }` for plural words too.)
    .updateStrings(yargsStrings(locale) as Record<string, string>)
    .scriptName('courseware-check')
    .usage(t('cli/usage'))
    // yargs' own --version reads the nearest package.json and cannot add the binaries: ours is an option.
    .version(false)
    .option('version', { type: 'boolean', alias: 'v', describe: t('cli/option-version') })
    .command(
      '$0 [paths..]',
      t('cli/command-check'),
      (command) =>
        command
          .positional('paths', { type: 'string', array: true, describe: t('cli/option-paths') })
          .option('profile', { type: 'string', default: 'web', describe: t('cli/option-profile') })
          .option('language', { choices: ['zh', 'en'] as const, default: 'zh' as const, describe: t('cli/option-language') })
          .option('locale', {
            choices: ['zh', 'en'] as const,
            default: localeFromEnvironment(env),
            defaultDescription: t('cli/option-locale-default'),
            describe: t('cli/option-locale'),
          })
          .option('quick', { type: 'boolean', default: false, describe: t('cli/option-quick') })
          .option('format', { choices: ['text', 'json', 'ndjson', 'junit', 'html'] as const, default: 'text' as const, describe: t('cli/option-format') })
          .option('output', { type: 'string', alias: ['o', 'output-file'], describe: t('cli/option-output') })
          .option('jobs', { type: 'number', alias: 'j', default: defaults.defaultJobs, describe: t('cli/option-jobs') })
          .option('quiet', { type: 'boolean', alias: 'q', default: false, describe: t('cli/option-quiet') })
          .option('max-warnings', { type: 'number', describe: t('cli/option-max-warnings') })
          .option('verbose', { type: 'boolean', default: false, describe: t('cli/option-verbose') })
          .option('color', { type: 'boolean', describe: t('cli/option-color') })
          .option('evidence', { type: 'string', describe: t('cli/option-evidence') })
          .option('stall-timeout', { type: 'number', default: 120, describe: t('cli/option-stall-timeout') })
          .option('project', { type: 'boolean', default: false, describe: t('cli/option-project') })
          .option('cache', { type: 'boolean', default: true, describe: t('cli/option-cache') })
          .option('cache-dir', { type: 'string', describe: t('cli/option-cache-dir') })
          .option('hash', { type: 'boolean', default: false, describe: t('cli/option-hash') })
          .option('queue', queueOption(locale))
          .example(examples(locale))
          .epilog(t('cli/epilog')),
      (options) => {
        if (options.version) {
          result = { command: 'version', verbose: options.verbose };
          return;
        }
        if (!Number.isInteger(options.jobs) || options.jobs < 1) throw new UsageError('cli/jobs-invalid', { value: String(options.jobs) });
        const stallTimeoutS = options['stall-timeout'];
        if (!Number.isFinite(stallTimeoutS) || stallTimeoutS <= 0) throw new UsageError('cli/stall-timeout-invalid', { value: String(options['stall-timeout']) });
        const maxWarnings = options['max-warnings'];
        if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
          throw new UsageError('cli/max-warnings-invalid', { value: String(maxWarnings) });
        }
        // Before `--`, a lone `-` is standard input; after it, every argument is a path (a file named `-` too).
        const inputs: PathInput[] = [
          ...(options.paths ?? []).map(String).map((value): PathInput => (value === DASH ? { kind: 'stdin' } : { kind: 'path', value })),
          ...literalPaths.map((value): PathInput => ({ kind: 'path', value })),
        ];
        if (inputs.filter((input) => input.kind === 'stdin').length > 1) throw new UsageError('cli/stdin-twice');
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
          project: options.project,
          cache: options.cache,
          cacheDir: undash(options['cache-dir']),
          hash: options.hash,
          queue: checkQueueUrl(options.queue),
        };
      },
    )
    .command(
      'fix-subtitles [files..]',
      t('cli/command-fix-subtitles'),
      (command) =>
        command
          .positional('files', { type: 'string', array: true, describe: t('cli/option-files') })
          .option('output', { type: 'string', alias: 'o', default: 'fixed-subtitles', describe: t('cli/option-fix-output') })
          .option('rewrap', { type: 'boolean', default: false, describe: t('cli/option-rewrap') })
          .option('locale', { choices: ['zh', 'en'] as const, default: localeFromEnvironment(env), defaultDescription: t('cli/option-locale-default'), describe: t('cli/option-locale') }),
      (options) => {
        if (options.version) {
          result = { command: 'version', verbose: false };
          return;
        }
        const files = [...(options.files ?? []).map(String).map(undash), ...literalPaths];
        if (files.length === 0) throw new UsageError('cli/fix-subtitles-no-files');
        result = { command: 'fix-subtitles', files, output: undash(options.output), rewrap: options.rewrap, locale: options.locale };
      },
    )
    .strict()
    .help()
    .alias('help', 'h')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      if (error instanceof UsageError) throw error;
      // yargs' words are already in the locale; its "Invalid values:" puts the value on a second line
      // (joined with a space, none after a Chinese colon).
      const text = (message ?? error?.message ?? '').replace(/([：，；])?\s*\n\s*/g, (_match, mark?: string) => mark ?? ' ').trim();
      throw text ? new UsageError('cli/yargs-error', { text }) : new UsageError('cli/invalid-command');
    });
  addFixCommand(parser, (args) => (result = args), { literalPaths, locale, defaultLocale: localeFromEnvironment(env) });
  addWorkerCommand(parser, (args) => (result = args), { locale, defaultLocale: localeFromEnvironment(env), defaultJobs: defaults.defaultJobs });
  await parser.parseAsync();
  return result;
}
