import { resolve } from 'node:path';
import { execa, type ResultPromise } from 'execa';

/**
 * The one place where ffmpeg and ffprobe are started. Every media path becomes an absolute
 * `file:` address and only the file protocol and real container demuxers are allowed, so a file
 * named `http:…`, `concat:a|b` or `pipe:0` is that file on disk and nothing else; stdin is closed;
 * and a watchdog kills a child that makes no progress, so that no file can hang a batch.
 */

/** Seconds without output after which a child is taken to have stalled (`--stall-timeout`). */
export const DEFAULT_STALL_TIMEOUT_S = 120;

/** Demuxers of real video containers: no playlists (concat, HLS, DASH), no image sequences, no devices. */
const CONTAINER_DEMUXERS = 'mov,matroska,avi,flv,asf,mpegts,mpeg';

export interface ToolOptions {
  signal?: AbortSignal;
  /** Kill the child when it has written nothing for this long (default 120 s). */
  stallTimeoutS?: number;
}

/** `-i` and what makes its argument mean the file on disk, whatever its name. */
export function inputArgs(path: string): string[] {
  return ['-protocol_whitelist', 'file', '-format_whitelist', CONTAINER_DEMUXERS, '-i', mediaUrl(path)];
}

/** An absolute `file:` address: ffmpeg reads no protocol prefix out of the name itself. */
export function mediaUrl(path: string): string {
  return `file:${resolve(path)}`;
}

/** A child that stopped making progress and was killed. */
export class StallError extends Error {
  override name = 'StallError';
}

type Encoding = 'utf8' | 'buffer';

export interface StartOptions<E extends Encoding> extends ToolOptions {
  encoding: E;
  /** Keep stdout in the result (false when the caller reads it as a stream). */
  bufferStdout: boolean;
  maxBufferBytes?: number;
}

/**
 * Starts `binary` with `args` (an array, never a shell). Resolves with the result when it exits,
 * rejects with StallError when the watchdog killed it; cancelling through `signal` is `isCanceled`.
 */
export function startTool<E extends Encoding>(binary: string, args: string[], options: StartOptions<E>) {
  const subprocess = execa(binary, args, {
    stdin: 'ignore',
    reject: false,
    encoding: options.encoding,
    buffer: { stdout: options.bufferStdout, stderr: false },
    maxBuffer: options.maxBufferBytes ?? 64 * 1024 * 1024,
    cancelSignal: options.signal,
    stripFinalNewline: false,
  });
  const stallMs = (options.stallTimeoutS ?? DEFAULT_STALL_TIMEOUT_S) * 1000;
  let stalled = false;
  let timer: NodeJS.Timeout | undefined;
  const rearm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      subprocess.kill('SIGKILL');
    }, stallMs);
  };
  rearm();
  subprocess.stdout?.on('data', rearm);
  subprocess.stderr?.on('data', rearm);
  const done = subprocess.then((result) => {
    clearTimeout(timer);
    if (stalled) throw new StallError(`stalled: ${toolName(binary)} made no progress for ${stallMs / 1000} s and was stopped`);
    return result;
  });
  return { subprocess: subprocess as ResultPromise, done };
}

function toolName(binary: string): string {
  return /ffprobe/i.test(binary) ? 'ffprobe' : 'ffmpeg';
}

/** Collects a child's stderr as text, keeping at most `limitBytes` (ffmpeg may print thousands of lines). */
export function collectStderr(subprocess: ResultPromise, limitBytes = 256 * 1024): () => string {
  let text = '';
  subprocess.stderr?.on('data', (chunk: Buffer | string) => {
    if (text.length < limitBytes) text += String(chunk);
  });
  return () => text;
}

/** ffmpeg's last stderr line, without its `[demuxer @ 0x…]` prefix and the address it repeats. */
export function lastLine(stderr: string, url: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
  const line = (lines.at(-1) ?? '').replace(/^\[[^\]]*\]\s*/, '');
  return line.startsWith(`${url}: `) ? line.slice(url.length + 2) : line;
}
