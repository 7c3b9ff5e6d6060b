import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { ResultPromise } from 'execa';

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

/** After SIGTERM (a cancelled run), a child still alive this long is killed outright. */
const FORCE_KILL_AFTER_MS = 5000;

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
  /**
   * Output pipes besides stdout and stderr: file descriptors 3, 4, … of the child (ffmpeg's
   * `pipe:3`), read by the caller from `subprocess.stdio[3]`, …; the watchdog watches them too.
   */
  extraPipes?: number;
}

/** How a child ended. `exitCode` is undefined when it was killed, could not start or overflowed its buffer. */
export interface ToolResult<E extends Encoding = Encoding> {
  exitCode: number | undefined;
  signal: NodeJS.Signals | undefined;
  /** Stopped because the caller's `signal` was aborted. */
  isCanceled: boolean;
  /** Killed because its stdout passed `maxBufferBytes`. */
  isMaxBuffer: boolean;
  /** Standard output, when buffered; empty otherwise. */
  stdout: E extends 'utf8' ? string : Uint8Array;
  /** Why it could not start (`spawn … ENOENT`), if it could not. */
  startError: Error | undefined;
}

/** The running child: its pipes and `kill`. */
export type ToolProcess = ResultPromise;

/**
 * Starts `binary` with `args` through execa (an argument array, never a shell), stdin closed.
 * `done` resolves with the result when it exits, rejects with StallError when the watchdog killed it;
 * cancelling through `signal` is `isCanceled` (SIGTERM, then SIGKILL 5 s later). execa kills the
 * children still running when this process exits. execa loads with the first child: a quick check
 * of an MP4 starts none, and loading execa and the modules it needs took 50 ms here.
 */
export async function startTool<E extends Encoding>(binary: string, args: string[], options: StartOptions<E>): Promise<{ subprocess: ToolProcess; done: Promise<ToolResult<E>> }> {
  const { execa } = await import('execa');
  const extra = Array.from({ length: options.extraPipes ?? 0 }, () => 'pipe' as const);
  const subprocess = execa(binary, args, {
    stdio: ['ignore', 'pipe', 'pipe', ...extra],
    reject: false,
    encoding: options.encoding,
    buffer: { stdout: options.bufferStdout, stderr: false, ...Object.fromEntries(extra.map((_, k) => [`fd${k + 3}`, false])) },
    maxBuffer: options.maxBufferBytes ?? 64 * 1024 * 1024,
    cancelSignal: options.signal,
    forceKillAfterDelay: FORCE_KILL_AFTER_MS,
    stripFinalNewline: false,
    windowsHide: true,
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
  // Every output, stderr included, is progress. The watchdog is one listener among the caller's.
  for (const pipe of subprocess.stdio.slice(1)) (pipe as Readable | null)?.on('data', rearm);
  const done = subprocess.then((result) => {
    clearTimeout(timer);
    if (stalled) throw new StallError(`stalled: ${toolName(binary)} made no progress for ${stallMs / 1000} s and was stopped`);
    const started = result.exitCode !== undefined || result.signal !== undefined || result.isCanceled || result.isMaxBuffer;
    const stdout = options.bufferStdout ? result.stdout : options.encoding === 'utf8' ? '' : new Uint8Array();
    return {
      exitCode: result.isMaxBuffer ? undefined : result.exitCode,
      signal: result.signal,
      isCanceled: result.isCanceled,
      isMaxBuffer: result.isMaxBuffer,
      stdout: stdout as ToolResult<E>['stdout'],
      startError: started ? undefined : new Error(result.shortMessage),
    };
  });
  return { subprocess, done };
}

function toolName(binary: string): string {
  return /ffprobe/i.test(binary) ? 'ffprobe' : 'ffmpeg';
}

/** Collects a child's stderr as text, keeping at most `limitBytes` (ffmpeg may print thousands of lines). */
export function collectStderr(subprocess: ToolProcess, limitBytes = 256 * 1024): () => string {
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
