import type { Argv, Options } from 'yargs';
import type { Locale } from '../environment.js';
import { say, UsageError } from '../words.js';

/** `courseware-check worker --queue redis://HOST:PORT/DB [--jobs N]`. */
export interface WorkerArguments {
  command: 'worker';
  queue: string;
  /** Files checked at once on this machine. */
  jobs: number;
  /** The language of what the worker says (its files' messages are in each submitter's locale). */
  locale: Locale;
}

/** The check command's `--queue URL`: send the files to the workers of this Redis instead of checking them here. */
export function queueOption(locale: Locale): Options {
  return { type: 'string', describe: say(locale, 'cli/option-queue') };
}

/** A `--queue` value: a redis:// or rediss:// URL (whether Redis answers is learnt when connecting). */
export function checkQueueUrl(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^rediss?:\/\/[^/]/.test(value)) throw new UsageError('cli/queue-url-invalid', { value: String(value) });
  return value;
}

/** Adds the `worker` command to the parser (arguments.ts registers it). */
export function addWorkerCommand<T>(parser: Argv<T>, onParsed: (args: WorkerArguments) => void, options: { locale: Locale; defaultLocale: Locale; defaultJobs: number }): Argv<T> {
  const t = (id: Parameters<typeof say>[1]) => say(options.locale, id);
  return parser.command(
    'worker',
    t('cli/command-worker'),
    (command) =>
      command
        .option('queue', { type: 'string', describe: t('cli/option-worker-queue') })
        .option('jobs', { type: 'number', alias: 'j', default: options.defaultJobs, describe: t('cli/option-worker-jobs') })
        .option('locale', { choices: ['zh', 'en'] as const, default: options.defaultLocale, defaultDescription: t('cli/option-locale-default'), describe: t('cli/option-locale') })
        .example([['$0 worker --queue redis://queue-host:6379/0 --jobs 2', t('cli/example-worker')]]),
    (argv) => {
      const a = argv as unknown as Record<string, unknown>;
      const queue = checkQueueUrl(a.queue);
      if (queue === undefined) throw new UsageError('cli/worker-needs-queue');
      const jobs = Number(a.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('cli/jobs-invalid', { value: String(a.jobs) });
      onParsed({ command: 'worker', queue, jobs, locale: a.locale === 'zh' ? 'zh' : 'en' });
    },
  );
}
