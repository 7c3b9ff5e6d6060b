import yargs, { type Argv } from 'yargs';
import type { MessageParams } from '@courseware-check/checker-core/facts';
import { localeFromEnvironment, type Locale } from './environment.js';
import { say, UsageError, YARGS_LOCALE, yargsStrings, type CliMessageId } from './words.js';

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
  locale: Locale;
  stallTimeoutS: number;
  /** The result cache for the checks before and after (`--no-cache`: off). */
  cache: boolean;
}

/**
 * A bad `fix` command line: the caller prints it, in its locale (`render`), and exits 2. A UsageError,
 * so that the whole command's parser and main.ts treat it as theirs; `message` is its English text.
 */
export class FixUsageError extends UsageError {
  override name = 'FixUsageError';

  constructor(messageId: CliMessageId, params: MessageParams = {}) {
    super(messageId, params);
  }
}

/** The help's examples: the commands, and what each does in the locale. */
const examples = (locale: Locale): [string, string][] => [
  ['$0 fix lesson.mov --output fixed/', say(locale, 'cli/fix-example-remux')],
  ['$0 fix lessons/ --output fixed/ --plan', say(locale, 'cli/fix-example-plan')],
  ['$0 fix long.mp4 --output fixed/ --split --trim-intro', say(locale, 'cli/fix-example-split')],
  ['$0 fix lesson.mp4 --output fixed/ --only av.sync,audio.loudness', say(locale, 'cli/fix-example-only')],
];

/** What the `fix` command takes from its caller: the paths after `--`, the language it speaks in, `--locale`'s default. */
export interface FixCommandOptions {
  /** The paths given after `--`, which yargs does not see. */
  literalPaths?: string[];
  /** The language of the help and the usage errors (arguments.ts chooses it before yargs runs); else `defaultLocale`. */
  locale?: Locale;
  /** `--locale`'s default; else the environment's (LC_ALL, LC_MESSAGES, LANG). */
  defaultLocale?: Locale;
}

/**
 * Adds the `fix` command to a yargs parser (arguments.ts registers it). `onParsed` receives the
 * arguments; a bad command line throws a FixUsageError.
 */
export function addFixCommand<T>(parser: Argv<T>, onParsed: (args: FixCommandArguments) => void, options: FixCommandOptions = {}): Argv<T> {
  const defaultLocale = options.defaultLocale ?? localeFromEnvironment(process.env);
  const locale = options.locale ?? defaultLocale;
  const t = (id: CliMessageId) => say(locale, id);
  return parser.command(
    'fix [paths..]',
    t('cli/fix-command'),
    (command) =>
      command
        .positional('paths', { type: 'string', array: true, describe: t('cli/fix-option-paths') })
        .option('output', { type: 'string', alias: 'o', describe: t('cli/fix-option-output') })
        .option('plan', { type: 'boolean', default: false, describe: t('cli/fix-option-plan') })
        .option('only', { type: 'string', array: true, describe: t('cli/fix-option-only') })
        .option('trim-intro', { type: 'boolean', default: false, describe: t('cli/fix-option-trim-intro') })
        .option('split', { type: 'boolean', default: false, describe: t('cli/fix-option-split') })
        .option('denoise', { type: 'boolean', default: false, describe: t('cli/fix-option-denoise') })
        .option('upscale', { type: 'boolean', default: true, describe: t('cli/fix-option-upscale') })
        .option('profile', { type: 'string', default: 'web', describe: t('cli/option-profile') })
        .option('language', { choices: ['zh', 'en'] as const, default: 'zh' as const, describe: t('cli/option-language') })
        .option('locale', { choices: ['zh', 'en'] as const, default: defaultLocale, defaultDescription: t('cli/option-locale-default'), describe: t('cli/option-locale') })
        .option('stall-timeout', { type: 'number', default: 120, describe: t('cli/fix-option-stall-timeout') })
        .option('cache', { type: 'boolean', default: true, describe: t('cli/fix-option-cache') })
        .example(examples(locale))
        .epilog(t('cli/fix-epilog')),
    (argv) => {
      const a = argv as unknown as Record<string, unknown>;
      const paths = [...((a.paths as unknown[] | undefined) ?? []).map(String), ...(options.literalPaths ?? [])];
      if (paths.length === 0) throw new FixUsageError('cli/fix-no-paths');
      const output = a.output;
      if (typeof output !== 'string' || output.trim() === '') throw new FixUsageError('cli/fix-needs-output');
      const onlyRaw = a.only as unknown[] | undefined;
      const only = onlyRaw === undefined ? undefined : onlyRaw.flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
      if (only !== undefined && only.length === 0) throw new FixUsageError('cli/fix-only-empty');
      const stallTimeoutS = Number(a['stall-timeout']);
      if (!Number.isFinite(stallTimeoutS) || stallTimeoutS <= 0) throw new FixUsageError('cli/stall-timeout-invalid', { value: String(a['stall-timeout']) });
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
        cache: a.cache !== false,
      });
    },
  );
}

/**
 * Parses a `fix …` command line on its own (strict, as the whole command's parser is): for tests,
 * and for callers without the rest of the command line. Throws FixUsageError on a bad one, yargs'
 * own errors (an unknown option) in the locale too.
 */
export function parseFixCommand(argv: string[], options: Omit<FixCommandOptions, 'literalPaths'> = {}): FixCommandArguments {
  const locale = options.locale ?? options.defaultLocale ?? localeFromEnvironment(process.env);
  const end = argv.indexOf('--');
  let parsed: FixCommandArguments | undefined;
  const parser = addFixCommand(
    yargs(end === -1 ? argv : argv.slice(0, end))
      .locale(YARGS_LOCALE[locale])
      .updateStrings(yargsStrings(locale) as Record<string, string>),
    (args) => (parsed = args),
    { ...options, locale, literalPaths: end === -1 ? [] : argv.slice(end + 1) },
  )
    .strict()
    .help(false)
    .version(false)
    .exitProcess(false)
    .fail((message, error) => {
      if (error instanceof FixUsageError) throw error;
      // As the whole command's parser does: yargs' words in one line (none after a Chinese colon).
      const text = (message ?? error?.message ?? '').replace(/([：，；])?\s*\n\s*/g, (_match, mark?: string) => mark ?? ' ').trim();
      throw text ? new FixUsageError('cli/yargs-error', { text }) : new FixUsageError('cli/invalid-command');
    });
  parser.parseSync();
  if (!parsed) throw new FixUsageError('cli/invalid-command');
  return parsed;
}
