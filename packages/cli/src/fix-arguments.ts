import yargs, { type Argv } from 'yargs';

/** `courseware-check fix PATH… --output DIR [--plan] [--only RULES] [--trim-intro] [--split] [--denoise] [--profile P]`. */
export interface FixCommandArguments {
  command: 'fix';
  /** Lessons and folders of lessons, in the order given. */
  paths: string[];
  /** The folder the fixed lessons go to (never the folder of an original). */
  output: string;
  /** Print the plan with the exact ffmpeg command lines; run nothing. */
  plan: boolean;
  /** Fix only these rules (ids, from one or more comma-separated lists); undefined: every rule. */
  only: string[] | undefined;
  trimIntro: boolean;
  split: boolean;
  denoise: boolean;
  /** false: never scale a picture up (`--no-upscale`); the rule is then reported as not fixable. */
  upscale: boolean;
  profile: string;
  language: 'zh' | 'en';
  /** The language of what the command says. */
  locale: 'zh' | 'en';
  stallTimeoutS: number;
}

/** A bad `fix` command line: the caller prints it and exits 2. */
export class FixUsageError extends Error {
  override name = 'FixUsageError';
}

const EXAMPLES: [string, string][] = [
  ['$0 fix lesson.mov --output fixed/', 'remux, re-encode what fails, check the result'],
  ['$0 fix lessons/ --output fixed/ --plan', 'print what would be done, with the exact ffmpeg command lines'],
  ['$0 fix long.mp4 --output fixed/ --split --trim-intro', 'cut an over-long intro, split into 5–15 minute parts'],
  ['$0 fix lesson.mp4 --output fixed/ --only av.sync,audio.loudness', 'fix these rules only'],
];

/**
 * Adds the `fix` command to a yargs parser (arguments.ts registers it). `onParsed` receives the
 * arguments; `literalPaths` are the paths given after `--`, which yargs does not see.
 */
export function addFixCommand<T>(parser: Argv<T>, onParsed: (args: FixCommandArguments) => void, options: { literalPaths?: string[]; defaultLocale?: 'zh' | 'en' } = {}): Argv<T> {
  return parser.command(
    'fix [paths..]',
    'make failing lessons conform: check, re-encode only what fails (the rest is copied), check the result',
    (command) =>
      command
        .positional('paths', { type: 'string', array: true, describe: 'lesson files or folders' })
        .option('output', { type: 'string', alias: 'o', describe: 'folder for the fixed lessons (required; never the folder of an original)' })
        .option('plan', { type: 'boolean', default: false, describe: 'print the plan and the exact ffmpeg command lines; run nothing' })
        .option('only', { type: 'string', array: true, describe: 'fix only these rules (comma-separated ids)' })
        .option('trim-intro', { type: 'boolean', default: false, describe: 'cut the start of an over-long intro down to the limit' })
        .option('split', { type: 'boolean', default: false, describe: 'cut a lesson over 15 minutes into 5–15 minute parts at natural boundaries' })
        .option('denoise', { type: 'boolean', default: false, describe: 'reduce broadband noise (audio.snr); it can colour the voice' })
        .option('upscale', { type: 'boolean', default: true, describe: 'scale a picture under 720 lines up (--no-upscale: report it instead)' })
        .option('profile', { type: 'string', default: 'web', describe: 'web | archive | a JSON/YAML profile file' })
        .option('language', { choices: ['zh', 'en'] as const, default: 'zh' as const, describe: 'the course language, for the subtitle rules' })
        .option('locale', { choices: ['zh', 'en'] as const, default: options.defaultLocale ?? localeOf(process.env), describe: 'the language of what the command says' })
        .option('stall-timeout', { type: 'number', default: 120, describe: 'stop ffmpeg after this many seconds without progress' })
        .example(EXAMPLES)
        .epilog('Exit codes:\n  0    every output passes the rules that were fixed (or --plan)\n  1    a fixed rule still fails, or a fix failed\n  2    the command itself is invalid\n  130  stopped by Ctrl-C (143: SIGTERM); no half-written lesson is left'),
    (argv) => {
      const a = argv as unknown as Record<string, unknown>;
      const paths = [...((a.paths as unknown[] | undefined) ?? []).map(String), ...(options.literalPaths ?? [])];
      if (paths.length === 0) throw new FixUsageError('fix needs at least one lesson file or folder');
      const output = a.output;
      if (typeof output !== 'string' || output.trim() === '') throw new FixUsageError('fix needs --output DIR: the folder for the fixed lessons');
      const onlyRaw = a.only as unknown[] | undefined;
      const only = onlyRaw === undefined ? undefined : onlyRaw.flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
      if (only !== undefined && only.length === 0) throw new FixUsageError('--only needs rule ids, e.g. --only av.sync,audio.loudness');
      const stallTimeoutS = Number(a['stall-timeout']);
      if (!Number.isFinite(stallTimeoutS) || stallTimeoutS <= 0) throw new FixUsageError(`--stall-timeout must be a number of seconds > 0, not ${String(a['stall-timeout'])}`);
      onParsed({
        command: 'fix',
        paths,
        output,
        plan: a.plan === true,
        only,
        trimIntro: a['trim-intro'] === true,
        split: a.split === true,
        denoise: a.denoise === true,
        upscale: a.upscale !== false,
        profile: String(a.profile ?? 'web'),
        language: a.language === 'en' ? 'en' : 'zh',
        locale: a.locale === 'zh' ? 'zh' : 'en',
        stallTimeoutS,
      });
    },
  );
}

/**
 * Parses a `fix …` command line on its own (strict, as the whole command's parser is): for tests,
 * and for callers without the rest of the command line. Throws FixUsageError on a bad one.
 */
export function parseFixCommand(argv: string[], options: { defaultLocale?: 'zh' | 'en' } = {}): FixCommandArguments {
  const end = argv.indexOf('--');
  let parsed: FixCommandArguments | undefined;
  const parser = addFixCommand(yargs(end === -1 ? argv : argv.slice(0, end)), (args) => (parsed = args), { ...options, literalPaths: end === -1 ? [] : argv.slice(end + 1) })
    .strict()
    .help(false)
    .version(false)
    .exitProcess(false)
    .fail((message, error) => {
      throw error instanceof FixUsageError ? error : new FixUsageError(message ?? error?.message ?? 'invalid command line');
    });
  parser.parseSync();
  if (!parsed) throw new FixUsageError('not a fix command');
  return parsed;
}

/** LC_ALL, then LC_MESSAGES, then LANG: `zh…` gives Chinese, anything else English. */
function localeOf(env: NodeJS.ProcessEnv): 'zh' | 'en' {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return value.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
