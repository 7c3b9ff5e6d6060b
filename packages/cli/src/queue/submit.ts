import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { checkFile, type CheckedFile, type FileChecker, type Locale } from '@courseware-check/checker-core';
import { ensureReachable } from './connection.js';
import {
  absoluteTarget,
  decodeChecked,
  formatDifference,
  JOB_FORMAT,
  localVersions,
  profileData,
  QUEUE_NAME,
  queueErrorResult,
  versionDifference,
  type CheckJob,
  type JobOutcome,
  type Versions,
} from './jobs.js';

export interface QueueChecker {
  /** Sends a file to the queue and resolves with the verdict a worker returned. */
  checker: FileChecker;
  close: () => Promise<void>;
}

/** How long a finished job's outcome stays in Redis if its submitter never read it (it was stopped). */
const FORGOTTEN_JOB_AGE_S = 24 * 3600;

/**
 * The checker of a submitting run: each file becomes a job on the one queue, its id this run's id
 * and the file's number, so that two runs at once never take each other's verdicts. Progress comes
 * back through BullMQ's job progress. Each job resolves the file once: a job retried after its
 * worker died (a stalled job) still completes once.
 */
export async function openQueueChecker(url: string): Promise<QueueChecker> {
  const connection = await ensureReachable(url);
  // BullMQ (and ioredis) load only for a queue run: `--help` and local checks never load them.
  const [{ Queue, QueueEvents }, versions] = await Promise.all([import('bullmq'), localVersions()]);
  const runId = randomUUID();
  const queue = new Queue<CheckJob, JobOutcome, 'check'>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  queue.on('error', () => {});
  events.on('error', () => {});
  // Listening before the first job is sent: no completion can be missed.
  await events.waitUntilReady();
  const progress = new Map<string, (fraction: number) => void>();
  events.on('progress', ({ jobId, data }) => {
    if (typeof data === 'number') progress.get(jobId)?.(data);
  });
  let sent = 0;
  const checker: FileChecker = async (target, options) => {
    const locale = options.context.locale ?? 'en';
    // Missing here too: the file's own error, as a local run gives it (no worker could do better).
    if (!(await stat(target.readPath).then(() => true, () => false))) return checkFile(target, options);
    const jobId = `${runId}-${sent++}`;
    const data: CheckJob = {
      format: JOB_FORMAT,
      runId,
      target: absoluteTarget(target),
      profile: profileData(options.profile),
      quick: options.plan.quick,
      context: { language: options.context.language, locale },
      stallTimeoutS: options.stallTimeoutS,
      versions,
    };
    if (options.onDecodeProgress) progress.set(jobId, options.onDecodeProgress);
    const job = await queue.add('check', data, { jobId, removeOnComplete: { age: FORGOTTEN_JOB_AGE_S }, removeOnFail: { age: FORGOTTEN_JOB_AGE_S } });
    try {
      const outcome = await untilAborted(job.waitUntilFinished(events), options.signal);
      return accepted(outcome, target.path, versions, locale);
    } catch (error) {
      // Stopped: the pool leaves this file out of the report.
      if (options.signal?.aborted) return { result: queueErrorResult(target.path, 'internal', 'file-error/internal', { detail: 'cancelled' }, locale), print: null };
      return { result: queueErrorResult(target.path, 'internal', 'file-error/queue-job-failed', { detail: (error as Error).message }, locale), print: null };
    } finally {
      progress.delete(jobId);
      // Read: nothing of it stays in Redis. A job still running (the run was stopped) expires instead.
      await job.remove().catch(() => {});
    }
  };
  return {
    checker,
    close: async () => {
      await Promise.allSettled([events.close(), queue.close()]);
    },
  };
}

/** The worker's verdict, unless it came from a machine whose versions differ from ours. */
function accepted(outcome: JobOutcome, path: string, mine: Versions, locale: Locale): CheckedFile {
  const difference = formatDifference(JOB_FORMAT, outcome.format) ?? versionDifference(mine, outcome.worker.versions);
  if (difference) {
    const params = { host: outcome.worker.host, worker: difference.theirs, submitter: difference.mine };
    return { result: queueErrorResult(path, 'internal', 'file-error/worker-versions', params, locale), print: null };
  }
  return decodeChecked(outcome.checked);
}

/** The promise, or a rejection as soon as the signal fires. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new Error('cancelled'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
