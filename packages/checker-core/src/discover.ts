import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

export const VIDEO_EXTENSIONS = new Set(['.mp4', '.mov', '.mkv', '.m4v']);
export const SUBTITLE_EXTENSIONS = new Set(['.srt', '.vtt']);

/** One thing to check: a media file with its sidecar subtitles, or a subtitle file on its own. */
export interface CheckTarget {
  kind: 'media' | 'subtitle';
  /** The path as given, or the folder as given joined with the path below it (REPORT.md). */
  path: string;
  sidecars: string[];
}

/**
 * Expands paths into check targets: folders are walked recursively for video and subtitle files;
 * a file named on the command line is checked whatever its extension (the bytes decide).
 * Missing paths are kept, so that each gets its own one-line error.
 */
export async function discoverTargets(paths: readonly string[]): Promise<CheckTarget[]> {
  const files: string[] = [];
  const named = new Set<string>();
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch {
      // Missing or unreadable: checkFile reports why.
    }
    if (isDirectory) {
      await walk(path, files, new Set());
    } else {
      files.push(path);
      named.add(path);
    }
  }
  const unique = [...new Set(files)];
  const isSubtitle = (file: string) => SUBTITLE_EXTENSIONS.has(extname(file).toLowerCase());
  const media = unique.filter((file) => !isSubtitle(file));
  const claimed = new Set<string>();
  const folders = new Map<string, Promise<string[]>>();
  const targets: CheckTarget[] = [];
  for (const path of media) {
    // Sidecars are looked for beside the video, whether it was named or found by walking.
    const folder = dirname(path);
    if (!folders.has(folder)) folders.set(folder, subtitleFilesIn(folder));
    const sidecars = (await folders.get(folder)!).filter((subtitle) => isSidecarOf(subtitle, path) && !named.has(subtitle));
    sidecars.forEach((s) => claimed.add(s));
    targets.push({ kind: 'media', path, sidecars });
  }
  for (const subtitle of unique.filter(isSubtitle)) if (!claimed.has(subtitle)) targets.push({ kind: 'subtitle', path: subtitle, sidecars: [] });
  return targets;
}

async function subtitleFilesIn(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names
    .filter((name) => SUBTITLE_EXTENSIONS.has(extname(name).toLowerCase()))
    .sort()
    .map((name) => join(folder, name));
}

/** `lesson01.srt`, `lesson01.zh.srt`, `lesson01.chs.vtt` belong to `lesson01.mp4` in the same folder. */
export function isSidecarOf(subtitlePath: string, videoPath: string): boolean {
  if (dirname(subtitlePath) !== dirname(videoPath)) return false;
  const videoBase = basename(videoPath, extname(videoPath));
  const subtitleBase = basename(subtitlePath, extname(subtitlePath));
  return subtitleBase === videoBase || subtitleBase.startsWith(`${videoBase}.`);
}

async function walk(folder: string, into: string[], visited: Set<string>): Promise<void> {
  const real = await realpath(folder).catch(() => folder);
  if (visited.has(real)) return;
  visited.add(real);
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    into.push(folder); // reported as unreadable by checkFile
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const info = await stat(path).catch(() => null);
      isDirectory = info?.isDirectory() ?? false;
      isFile = info?.isFile() ?? false;
    }
    if (isDirectory) await walk(path, into, visited);
    else if (isFile) {
      const extension = extname(entry.name).toLowerCase();
      if (VIDEO_EXTENSIONS.has(extension) || SUBTITLE_EXTENSIONS.has(extension)) into.push(path);
    }
  }
}
