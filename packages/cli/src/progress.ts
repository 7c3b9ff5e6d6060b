import { basename } from 'node:path';
import { printable, type RunEvent } from '@courseware-check/checker-core';

/** One updating line on a terminal's standard error; silent anywhere else. */
export function createProgress(stream: NodeJS.WriteStream): { onEvent: (event: RunEvent) => void; finish: () => void } {
  if (!stream.isTTY) return { onEvent: () => {}, finish: () => {} };
  const running = new Set<string>();
  let completed = 0;
  let total = 0;
  const startedAt = Date.now();
  const draw = () => {
    // A pseudo-terminal may report 0 columns: treat that as unknown.
    const width = Math.max(20, (stream.columns || 80) - 1);
    const elapsedS = (Date.now() - startedAt) / 1000;
    const names = [...running].map((path) => printable(basename(path))).join(', ');
    const line = `[${completed}/${total}] ${elapsedS.toFixed(0)}s checking ${names}`;
    stream.write(`\r\u001b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
  };
  const timer = setInterval(draw, 500);
  timer.unref();
  return {
    onEvent(event) {
      if (event.type === 'discovered') total = event.paths.length;
      else if (event.type === 'start') running.add(event.path);
      else if (event.type === 'file') {
        running.delete(event.result.path);
        completed = event.completed;
      }
      draw();
    },
    finish() {
      clearInterval(timer);
      stream.write('\r\u001b[2K');
    },
  };
}
