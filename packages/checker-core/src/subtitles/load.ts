import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { SubtitleStreamFacts, SubtitleTrack } from '../facts/facts.js';
import type { FileErrorCode } from '../facts/finding.js';
import { ffmpegPath } from '../probe/binaries.js';
import { inputArgs, startTool, type ToolOptions } from '../probe/run-tool.js';
import { decodeSubtitleBytes } from './encoding.js';
import { parseSubtitles } from './parse.js';

/** Larger than any real subtitle file (a 3-hour film's SRT is about 200 KB). */
const MAX_SUBTITLE_BYTES = 20 * 1024 * 1024;

export class SubtitleReadError extends Error {
  override name = 'SubtitleReadError';
  constructor(
    message: string,
    readonly code: FileErrorCode = 'unreadable',
  ) {
    super(message);
  }
}

/** Reads a sidecar `.srt` / `.vtt`, whatever its encoding. */
export async function loadSubtitleFile(path: string, shownPath = path): Promise<SubtitleTrack> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.size > MAX_SUBTITLE_BYTES) throw new SubtitleReadError(`${info.size} bytes is too large for a subtitle file`);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof SubtitleReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SubtitleReadError('no such file', 'not-found');
    throw new SubtitleReadError(code === 'EACCES' ? 'permission denied: cannot read the file' : `cannot read the file (${code})`);
  }
  const format = extname(path).toLowerCase() === '.vtt' ? 'vtt' : 'srt';
  const decoded = decodeSubtitleBytes(bytes);
  const parsed = parseSubtitles(decoded.text, format);
  // Only text from a subtitle file is ever quoted: binary data named .srt is not read as lines.
  if (parsed.cues.length === 0 && looksBinary(decoded.text)) throw new SubtitleReadError('not subtitle text (binary data)', 'not-media');
  const { text: _text, ...encoding } = decoded;
  return {
    path: shownPath,
    source: 'sidecar',
    format,
    languageTag: languageTagOf(shownPath),
    encoding,
    cueCount: parsed.cues.length,
    cues: parsed.cues,
    problems: parsed.problems,
  };
}

/** Extracts a subtitle stream inside the file (MP4 `mov_text`) as SRT with ffmpeg; the container gives UTF-8. */
export async function loadEmbeddedSubtitles(path: string, stream: SubtitleStreamFacts, options: ToolOptions = {}, shownPath = path): Promise<SubtitleTrack> {
  const args = ['-nostdin', '-v', 'error', ...inputArgs(path), '-map', `0:${stream.streamIndex}`, '-f', 'srt', 'pipe:1'];
  const result = await (await startTool(ffmpegPath(), args, { ...options, encoding: 'buffer', bufferStdout: true, maxBufferBytes: MAX_SUBTITLE_BYTES })).done;
  if (result.exitCode !== 0 || result.isCanceled) throw new SubtitleReadError(`subtitle stream ${stream.streamIndex} (${stream.codec}) could not be read`);
  const decoded = decodeSubtitleBytes(result.stdout as Uint8Array);
  const parsed = parseSubtitles(decoded.text, 'srt');
  const { text: _text, ...encoding } = decoded;
  return {
    path: `${shownPath}#stream:${stream.streamIndex}`,
    source: 'embedded',
    format: 'srt',
    languageTag: stream.language && stream.language !== 'und' ? stream.language : null,
    encoding,
    cueCount: parsed.cues.length,
    cues: parsed.cues,
    problems: parsed.problems,
  };
}

/** Control characters (other than tab and line breaks) or undecodable bytes in more than 1 % of the text. */
function looksBinary(text: string): boolean {
  const odd = text.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  return odd > Math.max(2, text.length * 0.01);
}

/** `lesson01.zh.srt` → `zh`; `lesson01.chs.srt` → `chs`; `lesson01.srt` → null. */
function languageTagOf(path: string): string | null {
  const parts = basename(path, extname(path)).split('.');
  return parts.length > 1 ? parts.at(-1)!.toLowerCase() : null;
}
