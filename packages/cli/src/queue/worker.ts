import { stat } from 'node:fs/promises';
import { checkFile, planChecks, printable, type CheckedFile } from '@courseware-check/checker-core';
import { say } from '../words.js';
import type { WorkerArguments } from './arguments.js';
import { ensureReachable, shownUrl } from './connection.js';
import {
  encodeChecked,
  formatDifference,
  JOB_FORMAT,
  localVersions,
  profileFrom,
  QUEUE_NAME,
  queueErrorResult,
  versionDifference,
  workerHost,
  type CheckJob,
  type JobOutcome,
  type Versions,
} from './jobs.js';

/**
 * How long a job stays locked to its worker without a renewal (the lock is renewed every half of
 * it while the file is checked, however long the file), and how often workers look for jobs whose
 * worker died. A killed worker's file is taken up again within about their sum. Tests shorten them.
 */
const LOCK_MS = Number(process.env.COURSEWARE_CHECK_QUEUE_LOCK_MS) || 30_000;
const STALLED_INTERVAL_MS = Number(process.env.COURSEWARE_CHECK_QUEUE_STALLED_MS) || 30_000;
/** A file whose workers died this many times is an error, not retried for ever (a file that kills its worker). */
const MAX_STALLED = 2;
/** Job progress is a Redis write: at most once a second. */
const PROGRESS_EVERY_MS = 1000;

/**
 * `courseware-check worker --queue URL [--jobs N]`: checks the files of the queue's jobs with the
 * engine's checkFile, N at once, until SIGINT or SIGTERM; then it stops taking jobs, finishes the
 * ones it holds and exits 0 (a second signal leaves at once: the jobs it held go to other workers).
 */
export async function runWorker(args: WorkerArguments): Promise<number> {
  const connection = await ensureReachable(args.queue);
  const [{ Worker }, versions] = await Promise.all([import('bullmq'), localVersions()]);
  const host = workerHost();
  const worker = new Worker<CheckJob, JobOutcome, 'check'>(QUEUE_NAME, async (job) => serve(job.data, versions, host, args.jobs, (fraction) => job.updateProgress(fraction)), {
    connection,
    concurrency: args.jobs,
    lockDuration: LOCK_MS,
    stalledInterval: STALLED_INTERVAL_MS,
    maxStalledCount: MAX_STALLED,
  });
  worker.on('error', (error) => process.stderr.write(`courseware-check worker: ${printable(error.message)}\n`));
  await worker.waitUntilReady();
  const line = (text: string) => process.stderr.write(`courseware-check: ${printable(text)}\n`);
  line(say(args.locale, 'cli/worker-serving', { value: shownUrl(args.queue), text: host, count: args.jobs }));
  const stopped = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  line(say(args.locale, 'cli/worker-stopping', { signal: stopped }));
  const force = () => void worker.close(true).finally(() => process.exit(SIGNAL_EXIT_CODES[stopped]));
  process.once('SIGINT', force);
  process.once('SIGTERM', force);
  await worker.close();
  return 0;
}

const SIGNAL_EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

/** One job: refused if the versions differ, an error naming this host if the file is not here, else checked. */
async function serve(job: CheckJob, versions: Versions, host: string, jobs: number, report: (fraction: number) => Promise<void>): Promise<JobOutcome> {
  const outcome = (checked: CheckedFile): JobOutcome => ({ format: JOB_FORMAT, worker: { host, versions }, checked: encodeChecked(checked) });
  const { target, context } = job;
  // The submitter's versions are "mine" here: the message is the one the submitter would give.
  const difference = formatDifference(job.format, JOB_FORMAT) ?? versionDifference(job.versions, versions);
  if (difference) {
    const params = { host, worker: difference.theirs, submitter: difference.mine };
    return outcome({ result: queueErrorResult(target.path, 'internal', 'file-error/worker-versions', params, context.locale), print: null });
  }
  // Shared storage is the user's matter: a file this machine cannot see is said so, naming the machine.
  const missing = await stat(target.readPath).then(
    () => null,
    (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' || error.code === 'ENOTDIR' ? 'not-found' : null),
  );
  if (missing) return outcome({ result: queueErrorResult(target.path, 'not-found', 'file-error/worker-cannot-see', { host, path: target.readPath }, context.locale), print: null });
  const profile = profileFrom(job.profile);
  let reportedAt = 0;
  const startedAt = new Date();
  const checked = await checkFile(target, {
    profile,
    plan: planChecks(profile, job.quick),
    context,
    stallTimeoutS: job.stallTimeoutS,
    // As in a local batch: several files at once decode on one thread each.
    decoderThreads: jobs > 1 ? 1 : undefined,
    onDecodeProgress: (fraction) => {
      if (Date.now() - reportedAt < PROGRESS_EVERY_MS) return;
      reportedAt = Date.now();
      report(fraction).catch(() => {});
    },
  });
  // The time the check took here, not the time the file waited in the queue (which the submitter would measure).
  checked.result.startedAt = startedAt.toISOString();
  checked.result.elapsedS = (Date.now() - startedAt.getTime()) / 1000;
  return outcome(checked);
}
