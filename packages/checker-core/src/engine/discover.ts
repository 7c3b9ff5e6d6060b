import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, realpath, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import iconv from 'iconv-lite';
import type { MessageParams, SkippedPath } from '../facts/finding.js';
import { renderMessage } from '../messages/render.js';

export const VIDEO_EXTENSIONS = new Set(['.mp4', '.mov', '.mkv', '.m4v']);
export const SUBTITLE_EXTENSIONS = new Set(['.srt', '.vtt']);
/**
 * Video types a walk does not take: named on the command line they are checked (and fail
 * `container.mp4`); met while walking they are listed as skipped, never left out silently.
 * `.ts` is MPEG-TS when named; while walking it may as well be TypeScript, and is skipped the same way.
 */
export const OTHER_VIDEO_EXTENSIONS = new Set(['.avi', '.flv', '.wmv', '.ts', '.webm', '.mpg', '.mpeg', '.3gp']);

/** A file as the report names it, and where to read it (an alias for a name that is not UTF-8). */
export interface FoundFile {
  /** The path as given, or the folder as given joined with the path below it (REPORT.md). */
  path: string;
  /** The same file under a name every tool can open; `path` unless the name is not UTF-8. */
  readPath: string;
}

/** One thing to check: a media file with its sidecar subtitles, or a subtitle file on its own. */
export interface CheckTarget extends FoundFile {
  kind: 'media' | 'subtitle';
  sidecars: FoundFile[];
}


export interface Discovery {
  targets: CheckTarget[];
  skipped: SkippedPath[];
}

/**
 * Expands paths into check targets: folders are walked recursively for video and subtitle files
 * (other video types met there are listed in `skipped`); a file named on the command line is
 * checked whatever its extension (the bytes decide).
 * Missing paths are kept, so that each gets its own one-line error.
 */
export async function discover(paths: readonly string[]): Promise<Discovery> {
  const files: FoundFile[] = [];
  const skipped: SkippedPath[] = [];
  const named = new Set<string>();
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch {
      // Missing or unreadable: the check reports why.
    }
    if (isDirectory) {
      const root = await realpath(path).catch(() => resolve(path));
      await walk({ shown: path, raw: Buffer.from(path) }, root, files, skipped, new Set());
    } else {
      files.push({ path, readPath: path });
      named.add(resolve(path));
    }
  }
  const unique = [...new Map(files.map((file) => [resolve(file.readPath), file])).values()];
  const isSubtitle = (file: FoundFile) => SUBTITLE_EXTENSIONS.has(extname(file.path).toLowerCase());
  const subtitles = unique.filter(isSubtitle);
  const claimed = new Set<FoundFile>();
  const targets: CheckTarget[] = [];
  for (const file of unique.filter((f) => !isSubtitle(f))) {
    // Sidecars are looked for beside the video, whether it was named or found by walking.
    const sidecars = (await sidecarCandidates(file, subtitles)).filter((s) => isSidecarOf(s.path, file.path) && !named.has(resolve(s.readPath)));
    sidecars.forEach((s) => claimed.add(s));
    targets.push({ kind: 'media', ...file, sidecars });
  }
  for (const subtitle of subtitles) {
    if (![...claimed].some((c) => resolve(c.readPath) === resolve(subtitle.readPath))) targets.push({ kind: 'subtitle', ...subtitle, sidecars: [] });
  }
  return { targets, skipped };
}

/** The targets alone (what the desktop app checks). */
export async function discoverTargets(paths: readonly string[]): Promise<CheckTarget[]> {
  return (await discover(paths)).targets;
}

/** Subtitle files in the video's folder: those met while walking, or the folder read now for a named video. */
async function sidecarCandidates(video: FoundFile, walked: FoundFile[]): Promise<FoundFile[]> {
  const folder = resolve(dirname(video.path));
  const found = walked.filter((s) => resolve(dirname(s.path)) === folder);
  if (video.readPath !== video.path) return found;
  const names = await readdir(dirname(video.path)).catch(() => [] as string[]);
  const beside = names
    .filter((name) => SUBTITLE_EXTENSIONS.has(extname(name).toLowerCase()))
    .sort()
    .map((name) => join(dirname(video.path), name))
    .map((path) => found.find((s) => resolve(s.path) === resolve(path)) ?? { path, readPath: path });
  return beside;
}

/**
 * `lesson01.srt`, `lesson01.zh.srt`, `lesson01.chs.vtt` belong to `lesson01.mp4` in the same folder,
 * however the folder is spelled (`./a`, `a//`, `a/./`, `b/../a`).
 */
export function isSidecarOf(subtitlePath: string, videoPath: string): boolean {
  if (resolve(dirname(subtitlePath)) !== resolve(dirname(videoPath))) return false;
  const videoBase = basename(videoPath, extname(videoPath));
  const subtitleBase = basename(subtitlePath, extname(subtitlePath));
  return subtitleBase === videoBase || subtitleBase.startsWith(`${videoBase}.`);
}

/** A folder being walked: its name as shown, and its name as bytes (names need not be UTF-8). */
interface WalkedFolder {
  shown: string;
  raw: Buffer;
}

async function walk(folder: WalkedFolder, root: string, into: FoundFile[], skipped: SkippedPath[], visited: Set<string>): Promise<void> {
  const real = await realpath(folder.raw).then(String, () => folder.shown);
  if (visited.has(real)) return;
  visited.add(real);
  let entries;
  try {
    entries = await readdir(folder.raw, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'error');
    skipped.push(skip(folder.shown, 'skipped/unreadable-folder', { detail: why }));
    return;
  }
  const named = entries.map((entry) => ({ entry, name: nameOf(entry.name) }));
  named.sort((a, b) => (a.name.shown < b.name.shown ? -1 : a.name.shown > b.name.shown ? 1 : 0));
  for (const { entry, name } of named) {
    if (name.shown.startsWith('.')) continue;
    const raw = Buffer.concat([folder.raw, Buffer.from(sep), entry.name]);
    const shown = join(folder.shown, name.shown);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // A link may point anywhere: it is followed only while it stays inside the folder being checked.
      const target = await realpath(raw).then(String, () => null);
      if (target === null) {
        skipped.push(skip(shown, 'skipped/dangling-link'));
        continue;
      }
      if (target !== root && !target.startsWith(root.endsWith(sep) ? root : root + sep)) {
        skipped.push(skip(shown, 'skipped/link-out-of-folder'));
        continue;
      }
      const info = await stat(raw).catch(() => null);
      isDirectory = info?.isDirectory() ?? false;
      isFile = info?.isFile() ?? false;
    }
    if (isDirectory) await walk({ shown, raw }, root, into, skipped, visited);
    else if (isFile) {
      const extension = extname(name.shown).toLowerCase();
      if (OTHER_VIDEO_EXTENSIONS.has(extension)) {
        skipped.push(skip(shown, 'skipped/not-a-lesson-type', { extension }));
        continue;
      }
      if (!VIDEO_EXTENSIONS.has(extension) && !SUBTITLE_EXTENSIONS.has(extension)) continue;
      into.push({ path: shown, readPath: name.utf8 ? shown : await aliasOf(raw, extension) });
    }
  }
}

/** A name as bytes, shown as UTF-8, else as GB18030 (zips from Chinese Windows), else with its bytes escaped. */
function nameOf(bytes: Buffer): { shown: string; utf8: boolean } {
  const utf8 = decodeStrict(bytes);
  if (utf8 !== null) return { shown: utf8, utf8: true };
  const gb = iconv.decode(bytes, 'gb18030');
  if (!gb.includes('\ufffd') && iconv.encode(gb, 'gb18030').equals(bytes)) return { shown: gb, utf8: false };
  return { shown: [...bytes].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`)).join(''), utf8: false };
}

function decodeStrict(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

let aliasFolder: string | undefined;
let aliasCount = 0;

/**
 * ffmpeg's arguments are UTF-8 text, so a file whose name is not UTF-8 is opened through a link with
 * a plain name in a private temporary folder (never beside the media), removed when the process exits.
 */
async function aliasOf(raw: Buffer, extension: string): Promise<string> {
  if (!aliasFolder) {
    aliasFolder = mkdtempSync(join(tmpdir(), 'courseware-check-names-'));
    const folder = aliasFolder;
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  }
  const alias = join(aliasFolder, `${++aliasCount}${extension}`);
  await symlink(await realpath(raw, { encoding: 'buffer' }), alias);
  return alias;
}

/** A path left out, with its reason by id (and in English, for scripts that read `reason`). */
function skip(path: string, messageId: string, params: MessageParams = {}): SkippedPath {
  return { path, reason: renderMessage('en', messageId, params), messageId, params };
}
