import { createRequire } from 'node:module';
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

let cached: Promise<Binaries> | undefined;

/** Resolves both binaries and reads their versions once per process. */
export function resolveBinaries(): Promise<Binaries> {
  cached ??= Promise.all([describe(ffmpegPath()), describe(ffprobePath())]).then(([ffmpeg, ffprobe]) => ({
    ffmpeg,
    ffprobe,
  }));
  return cached;
}

async function describe(path: string): Promise<Binary> {
  try {
    const result = await startTool(path, ['-version'], { encoding: 'utf8', bufferStdout: true, maxBufferBytes: 1024 * 1024, stallTimeoutS: 30 }).done;
    if (result.startError) throw result.startError;
    if (result.exitCode !== 0) throw new Error(`-version exited with ${result.exitCode ?? result.signal}`);
    const stdout = result.stdout;
    const firstLine = stdout.split('\n', 1)[0] ?? '';
    return { path, version: firstLine.replace(/\s+Copyright.*$/, '').trim() };
  } catch (error) {
    throw new BinaryError(`cannot run ${path}: ${(error as Error).message.split('\n')[0]}`);
  }
}

export class BinaryError extends Error {
  override name = 'BinaryError';
}
