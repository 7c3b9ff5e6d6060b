import { basename } from 'node:path';
import { printable, type RunEvent } from '@courseware-check/checker-core';
import { estimateRemainingS, formatDuration } from './eta.js';
import { painter } from './paint.js';

export interface Progress {
  onEvent: (event: RunEvent) => void;
  /** Writes something else to the terminal (a file's result on standard output) without tearing the line. */
  around: (write: () => void) => void;
  finish: () => void;
}

/**
 * One updating line on a terminal's standard error; silent anywhere else, so that what goes to
 * standard output (a report for a machine) is never mixed with it:
 *
 *   [3/16] 1m05s, ~2m10s left · 04.mp4 45% · 05.mp4 12%
 *
 * files done of the batch, time elapsed, the batch's ETA (eta.ts says how it is estimated), and each
 * running file with how much of its duration has been decoded.
 */
export function createProgress(stream: NodeJS.WriteStream, options: { color?: boolean } = {}): Progress {
  if (!stream.isTTY) return { onEvent: () => {}, around: (write) => write(), finish: () => {} };
  const paint = painter(options.color ?? false);
  /** Running files by index: path and decoded share (null until decoding reports). */
  const running = new Map<number, { path: string; fraction: number | null }>();
  const completedDurationsS: (number | null)[] = [];
  let completed = 0;
  let total = 0;
  let finished = false;
  const startedAt = Date.now();
  const draw = () => {
    if (finished) return;
    // A pseudo-terminal may report 0 columns: treat that as unknown.
    const width = Math.max(20, (stream.columns || 80) - 1);
    const elapsedS = (Date.now() - startedAt) / 1000;
    const remainingS = estimateRemainingS({ total, completedDurationsS, runningFractions: [...running.values()].map((r) => r.fraction ?? 0), elapsedS });
    const time = `${formatDuration(elapsedS)}${remainingS === null ? '' : `, ~${formatDuration(remainingS)} left`}`;
    const files = [...running.values()].map(({ path, fraction }) => `${printable(basename(path))}${fraction === null ? '' : ` ${Math.floor(fraction * 100)}%`}`);
    const plain = [`[${completed}/${total}] ${time}`, ...files].join(' · ');
    // Cut to the width before painting, so that no escape sequence is cut in half.
    const line = plain.length > width ? `${plain.slice(0, width - 1)}…` : plain;
    const head = `[${completed}/${total}]`;
    stream.write(`\r\u001b[2K${line.startsWith(head) ? paint('bold', head) + paint('dim', line.slice(head.length)) : line}`);
  };
  const clear = () => stream.write('\r\u001b[2K');
  const timer = setInterval(draw, 500);
  timer.unref();
  return {
    onEvent(event) {
      if (event.type === 'discovered') total = event.paths.length;
      else if (event.type === 'start') running.set(event.index, { path: event.path, fraction: null });
      else if (event.type === 'progress') {
        const file = running.get(event.index);
        if (file) file.fraction = event.fraction;
        return; // a few times a second per file: the timer redraws
      } else if (event.type === 'file') {
        running.delete(event.index);
        if (!event.revised) completedDurationsS.push(event.result.facts?.durationS ?? null);
        completed = event.completed;
      }
      draw();
    },
    around(write) {
      clear();
      write();
      draw();
    },
    finish() {
      finished = true;
      clearInterval(timer);
      clear();
    },
  };
}
