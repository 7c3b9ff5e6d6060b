import type { Locale } from './environment.js';
import { say } from './words.js';

/** Where a batch stands, as the progress line knows it from the run's events. */
export interface BatchState {
  /** Files in the batch. */
  total: number;
  /** Each completed file's duration in seconds; null when it has none (a subtitle file, a file that could not be read). */
  completedDurationsS: readonly (number | null)[];
  /** Each running file's decoded share, 0–1 (0 until its decoding starts, and throughout in --quick). */
  runningFractions: readonly number[];
  /** Wall time since the batch started. */
  elapsedS: number;
}

/**
 * Seconds the batch still needs, or null while there is too little to go on.
 *
 * How it is estimated. The unit of work is a second of media, since a full check's cost is its
 * decode, which grows with the file's duration. Work done = the durations of the completed files +
 * each running file's decoded fraction × its duration; work left = the undecoded rest of each running
 * file + every file not yet started. A file's duration is known only once it completes (the engine
 * sends running files' fractions, not their seconds), so each unfinished file counts as the mean
 * duration of the files completed so far. Throughput = work done / wall time elapsed, which takes in
 * the files checked at once (--jobs); ETA = work left / throughput. Until a file with a duration has
 * completed, every file counts as one unit of work instead.
 */
export function estimateRemainingS(state: BatchState): number | null {
  const { total, completedDurationsS, runningFractions, elapsedS } = state;
  const fractions = runningFractions.map((f) => Math.min(1, Math.max(0, f)));
  const pending = Math.max(0, total - completedDurationsS.length - fractions.length);
  const known = completedDurationsS.filter((d): d is number => d !== null && d > 0);
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  let done: number;
  let left: number;
  if (known.length === 0) {
    done = completedDurationsS.length + sum(fractions);
    left = sum(fractions.map((f) => 1 - f)) + pending;
  } else {
    const meanS = sum(known) / known.length;
    done = sum(known) + sum(fractions) * meanS;
    left = (sum(fractions.map((f) => 1 - f)) + pending) * meanS;
  }
  if (left <= 0) return 0;
  if (done <= 0 || elapsedS < 1) return null;
  return left / (done / elapsedS);
}

/** `45s`, `2m05s`, `1h02m`; in Chinese `45秒`, `2分05秒`, `1小时02分`. */
export function formatDuration(seconds: number, locale: Locale = 'en'): string {
  const s = Math.max(0, Math.round(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return say(locale, 'cli/duration-seconds', { s: String(s) });
  if (s < 3600) return say(locale, 'cli/duration-minutes', { m: String(Math.floor(s / 60)), s: pad(s % 60) });
  return say(locale, 'cli/duration-hours', { h: String(Math.floor(s / 3600)), m: pad(Math.floor((s % 3600) / 60)) });
}

/** The progress line's time: `1m05s, ~2m10s left` (`已用 1分05秒，预计还要 2分10秒`), or the time elapsed alone while the ETA is unknown. */
export function describeTime(elapsedS: number, remainingS: number | null, locale: Locale = 'en'): string {
  const elapsed = formatDuration(elapsedS, locale);
  if (remainingS === null) return say(locale, 'cli/progress-elapsed', { elapsed });
  return say(locale, 'cli/progress-elapsed-left', { elapsed, remaining: formatDuration(remainingS, locale) });
}
