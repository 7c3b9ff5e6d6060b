import { appendFileSync, writeFileSync } from 'node:fs';

/** Where the report goes: standard output, or the file of `--output` (made on the first write, then appended to). */
export interface Output {
  readonly path: string | undefined;
  write: (text: string) => void;
}

/**
 * `onClosed` is called once if standard output's reader goes away (`… --format ndjson | head -1`):
 * what is left is not written, and the caller may stop the check, rather than die on EPIPE.
 */
export function createOutput(path: string | undefined, onClosed: () => void = () => {}): Output {
  if (path) {
    let started = false;
    return {
      path,
      write(text) {
        if (started) appendFileSync(path, text);
        else writeFileSync(path, text);
        started = true;
      },
    };
  }
  let closed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    if (!closed) onClosed();
    closed = true;
  });
  return {
    path: undefined,
    write(text) {
      if (!closed) process.stdout.write(text);
    },
  };
}
