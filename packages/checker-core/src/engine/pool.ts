import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import type { FileResult } from '../facts/finding.js';
import { checkFile, type CheckOptions, type FileChecker } from './check-file.js';
import type { CheckTarget } from './discover.js';
import { rejudge } from './evaluate.js';
import { attachEvidence, type EvidenceKinds, type EvidenceOptions } from './evidence.js';
import { findSharedPassages, type PrintedFile } from './shared-passages.js';

/** A file starts, or its verdict arrives; `revised` when it is sent again because it changed. */
export type FileEvent =
  | { type: 'start'; index: number; path: string; total: number }
  /** How far a running file's decoding has come, 0–1 (a few times a second). */
  | { type: 'progress'; index: number; path: string; fraction: number }
  | { type: 'file'; index: number; result: FileResult; completed: number; total: number; revised: boolean };

export interface BatchOptions extends Omit<CheckOptions, 'decoderThreads'> {
  /** Files checked at once (default: CPU cores). */
  jobs?: number;
  /** Pictures at the timed findings, of the rules that declare them. */
  evidence?: EvidenceOptions & { kinds: EvidenceKinds };
  onEvent?: (event: FileEvent) => void;
  /** What checks each file (default `checkFile`: here, now). */
  checker?: FileChecker;
}

/**
 * Checks every target with a pool of `jobs` files in flight; results keep the input order. When the
 * batch is done, the rules that read what a folder's lessons share are judged again, and each file
 * whose verdict that changes is sent again. A file cut short by cancelling is left out, not reported.
 */
export async function checkTargets(targets: readonly CheckTarget[], options: BatchOptions): Promise<FileResult[]> {
  const total = targets.length;
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), total || 1));
  // Measured here: two files decoded at once with one thread each give 1.55× the throughput of one at a time.
  const decoderThreads = jobs > 1 ? 1 : undefined;
  const results: FileResult[] = new Array(total);
  const prints: PrintedFile[] = [];
  const aborted = () => options.signal?.aborted ?? false;
  const withEvidence = async (result: FileResult, index: number) => {
    if (options.evidence) await attachEvidence(result, targets[index]!.readPath, index, options.evidence.kinds, options.evidence);
    return result;
  };
  const checkOne = options.checker ?? checkFile;
  let next = 0;
  let completed = 0;
  const worker = async () => {
    while (next < total && !aborted()) {
      const index = next++;
      const target = targets[index]!;
      options.onEvent?.({ type: 'start', index, path: target.path, total });
      const onDecodeProgress = (fraction: number) => options.onEvent?.({ type: 'progress', index, path: target.path, fraction });
      const startedAt = new Date();
      const { result, print } = await checkOne(target, { ...options, decoderThreads, onDecodeProgress });
      if (aborted()) return;
      // Wall time of this file's check (probe, decoding passes, rules); evidence frames are not counted.
      // A checker that timed the check where it ran (a queue's worker) keeps its own: not the time in the queue.
      result.startedAt ??= startedAt.toISOString();
      result.elapsedS ??= (Date.now() - startedAt.getTime()) / 1000;
      if (print) prints.push({ index, path: target.path, folder: dirname(target.path), print });
      results[index] = await withEvidence(result, index);
      completed++;
      options.onEvent?.({ type: 'file', index, result: results[index]!, completed, total, revised: false });
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  if (aborted()) return results.filter(Boolean);
  for (const [index, passages] of findSharedPassages(prints)) {
    results[index] = await withEvidence(rejudge(results[index]!, passages, options.profile, options.context), index);
    options.onEvent?.({ type: 'file', index, result: results[index]!, completed, total, revised: true });
  }
  return results;
}
