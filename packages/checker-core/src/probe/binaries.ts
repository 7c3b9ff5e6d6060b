import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { startTool } from './run-tool.js';

const require = createRequire(import.meta.url);

export interface Binary {
  path: string;
  /** First line of `-version`, e.g. `ffprobe version 4.0.2-static …`. */
  version: string;
}

export interface Binaries {
  ffmpeg: Binary;
  ffprobe: Binary;
}

/** The pinned binaries shipped inside npm packages; `FFMPEG_PATH` / `FFPROBE_PATH` override. */
export function ffmpegPath(): string {
  return process.env.FFMPEG_PATH || unpacked((require('@ffmpeg-installer/ffmpeg') as { path: string }).path);
}

export function ffprobePath(): string {
  return process.env.FFPROBE_PATH || unpacked((require('ffprobe-static') as { path: string }).path);
}

/** In a packaged desktop app, executables live beside the asar archive, in `app.asar.unpacked`. */
export function unpacked(path: string): string {
  return path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

/**
 * Versions read before, by the binary's identity (its path, inode, size and times): a binary that is
 * replaced or updated is a new identity, and is asked again.
 */
export interface VersionMemo {
  get(identity: string): Promise<string | undefined>;
  set(identity: string, version: string): Promise<void>;
}

let cached: Promise<Binaries> | undefined;

/** Resolves both binaries and reads their versions once per process, and once per binary with a `memo`. */
export function resolveBinaries(memo?: VersionMemo): Promise<Binaries> {
  cached ??= Promise.all([describe(ffmpegPath(), memo), describe(ffprobePath(), memo)]).then(([ffmpeg, ffprobe]) => ({
    ffmpeg,
    ffprobe,
  }));
  return cached;
}

async function describe(path: string, memo: VersionMemo | undefined): Promise<Binary> {
  // A memo that cannot be read or written is as good as none: the binary is asked.
  const identity = memo && (await identityOf(path));
  const remembered = identity ? await memo!.get(identity).catch(() => undefined) : undefined;
  if (remembered) return { path, version: remembered };
  let binary: Binary;
  try {
    const result = await (await startTool(path, ['-version'], { encoding: 'utf8', bufferStdout: true, maxBufferBytes: 1024 * 1024, stallTimeoutS: 30 })).done;
    if (result.startError) throw result.startError;
    if (result.exitCode !== 0) throw new Error(`-version exited with ${result.exitCode ?? result.signal}`);
    const stdout = result.stdout;
    const firstLine = stdout.split('\n', 1)[0] ?? '';
    binary = { path, version: firstLine.replace(/\s+Copyright.*$/, '').trim() };
  } catch (error) {
    throw new BinaryError(`cannot run ${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (identity) await memo!.set(identity, binary.version).catch(() => undefined);
  return binary;
}

async function identityOf(path: string): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info && [resolve(path), info.dev, info.ino, info.size, info.mtimeMs, info.ctimeMs].join('|');
}

export class BinaryError extends Error {
  override name = 'BinaryError';
}
