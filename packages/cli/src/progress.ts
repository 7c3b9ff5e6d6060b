import { basename } from 'node:path';
import { printable, type RunEvent } from '@courseware-check/checker-core';
import type { Locale } from './environment.js';
import { describeTime, estimateRemainingS } from './eta.js';
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
 *   [3/16] 已用 1分05秒，预计还要 2分10秒 · 04.mp4 45% · 05.mp4 12%
 *
 * files done of the batch, time elapsed, the batch's ETA (eta.ts says how it is estimated), and each
 * running file with how much of its duration has been decoded.
 */
export function createProgress(stream: NodeJS.WriteStream, options: { color?: boolean; locale?: Locale } = {}): Progress {
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
    const time = describeTime(elapsedS, remainingS, options.locale);
    const files = [...running.values()].map(({ path, fraction }) => `${printable(basename(path))}${fraction === null ? '' : ` ${Math.floor(fraction * 100)}%`}`);
    const plain = [`[${completed}/${total}] ${time}`, ...files].join(' · ');
    // Cut to the width before painting, so that no escape sequence is cut in half.
    const line = cutToWidth(plain, width);
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

/**
 * Columns a terminal gives a character: 2 for East Asian wide and full-width ones (Han, kana,
 * hangul, full-width punctuation such as ，：), 1 for the rest (combining marks are rare in a file
 * name; counting them as 1 only cuts a line a little early).
 */
function columnsOf(codePoint: number): 1 | 2 {
  const wide =
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf && codePoint !== 0x303f) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1f64f) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd);
  return wide ? 2 : 1;
}

/**
 * The line cut to `width` columns, ending in `…` when cut: a line wider than the terminal would wrap,
 * and `\r` could no longer redraw it. Counts columns, not UTF-16 units, so Chinese words and names fit.
 */
export function cutToWidth(text: string, width: number): string {
  let columns = 0;
  for (const char of text) columns += columnsOf(char.codePointAt(0)!);
  if (columns <= width) return text;
  let kept = '';
  columns = 0;
  for (const char of text) {
    const next = columns + columnsOf(char.codePointAt(0)!);
    if (next > width - 1) break;
    kept += char;
    columns = next;
  }
  return `${kept}…`;
}
