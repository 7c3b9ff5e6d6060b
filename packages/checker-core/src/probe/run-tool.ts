import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * The one place where ffmpeg and ffprobe are started. Every media path becomes an absolute
 * `file:` address and only the file protocol and real container demuxers are allowed, so a file
 * named `http:…`, `concat:a|b` or `pipe:0` is that file on disk and nothing else; stdin is closed;
 * and a watchdog kills a child that makes no progress, so that no file can hang a batch.
 *
 * Children are started with `node:child_process` and an argument array (never a shell). execa,
 * which did this before, cost 85 ms of every start of the command to load; what it gave here is
 * kept: cancelling kills the child (SIGTERM, SIGKILL 5 s later), output over the buffer limit kills
 * it, and children still running when this process exits are killed with it.
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
export type ToolProcess = ChildProcess;

/** Children running now; each is killed if this process exits first. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function track(child: ChildProcess): void {
  running.add(child);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const orphan of running) orphan.kill('SIGKILL');
  });
}

/**
 * Starts `binary` with `args` (an array, never a shell), stdin closed. Resolves with the result when
 * it exits, rejects with StallError when the watchdog killed it; cancelling through `signal` is
 * `isCanceled`.
 */
export function startTool<E extends Encoding>(binary: string, args: string[], options: StartOptions<E>): { subprocess: ToolProcess; done: Promise<ToolResult<E>> } {
  const extra = Array.from({ length: options.extraPipes ?? 0 }, () => 'pipe' as const);
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe', ...extra], windowsHide: true });
  track(child);
  const stallMs = (options.stallTimeoutS ?? DEFAULT_STALL_TIMEOUT_S) * 1000;
  const maxBufferBytes = options.maxBufferBytes ?? 64 * 1024 * 1024;
  let stalled = false;
  let canceled = false;
  let overflowed = false;
  let startError: Error | undefined;
  let timer: NodeJS.Timeout | undefined;
  let forceKill: NodeJS.Timeout | undefined;
  const rearm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      child.kill('SIGKILL');
    }, stallMs);
  };
  rearm();
  const outputs = child.stdio.slice(1).filter((pipe): pipe is Readable => pipe !== null && pipe !== undefined && 'on' in pipe);
  // Every output, stderr included, is progress. The watchdog is one listener among the caller's.
  for (const pipe of outputs) pipe.on('data', rearm);

  const chunks: Buffer[] = [];
  let bufferedBytes = 0;
  if (options.bufferStdout) {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (overflowed) return;
      if (bufferedBytes + chunk.length > maxBufferBytes) {
        overflowed = true;
        chunks.push(chunk.subarray(0, maxBufferBytes - bufferedBytes));
        bufferedBytes = maxBufferBytes;
        child.kill('SIGTERM');
        return;
      }
      chunks.push(chunk);
      bufferedBytes += chunk.length;
    });
  }

  const onAbort = () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    canceled = true;
    child.kill('SIGTERM');
    forceKill = setTimeout(() => child.kill('SIGKILL'), FORCE_KILL_AFTER_MS);
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  const done = new Promise<ToolResult<E>>((resolvePromise, reject) => {
    let settled = false;
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(forceKill);
      options.signal?.removeEventListener('abort', onAbort);
      running.delete(child);
      if (stalled) {
        reject(new StallError(`stalled: ${toolName(binary)} made no progress for ${stallMs / 1000} s and was stopped`));
        return;
      }
      const bytes = Buffer.concat(chunks, bufferedBytes);
      const stdout = (options.encoding === 'utf8' ? bytes.toString('utf8') : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as ToolResult<E>['stdout'];
      resolvePromise({
        exitCode: startError || overflowed || exitCode === null ? undefined : exitCode,
        signal: signal ?? undefined,
        isCanceled: canceled,
        isMaxBuffer: overflowed,
        stdout,
        startError,
      });
    };
    child.once('error', (error) => {
      // Could not start (or could not be killed): no `close` may follow a failed spawn.
      startError ??= error;
      if (child.pid === undefined) finish(null, null);
    });
    // `close`: the child has exited and every pipe has been read to its end.
    child.once('close', finish);
  });
  return { subprocess: child, done };
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
