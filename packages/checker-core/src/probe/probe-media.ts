import { open, stat } from 'node:fs/promises';
import type { FileErrorCode } from '../finding.js';
import type { MediaFacts } from '../facts.js';
import { readContainerSignature } from './container.js';
import { ProbeError, runFfprobe } from './ffprobe.js';
import { scanPackets } from './packets.js';
import {
  firstStreamOfType,
  parseAudioFacts,
  parseChapters,
  parseNumber,
  parseSubtitleStreams,
  parseVideoFacts,
} from './parse-ffprobe.js';

/** A file that cannot be judged: missing, empty, unreadable, not media, truncated. */
export class MediaError extends Error {
  override name = 'MediaError';
  constructor(
    readonly code: FileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const HEAD_BYTES = 4096;

/** A stream whose packets stop this far short of its index is truncated. */
const TRUNCATION_TOLERANCE = 0.98;

/** Facts from ffprobe and one demux-only packet scan: everything `--quick` needs. */
export async function probeMedia(path: string): Promise<MediaFacts> {
  const { sizeBytes, head } = await readHead(path);
  const signature = readContainerSignature(head);

  let output;
  try {
    output = await runFfprobe(path);
  } catch (error) {
    if (!(error instanceof ProbeError)) throw error;
    // ffprobe picks the MP4 demuxer by extension, so only a file that starts like one is a cut-off MP4.
    const looksLikeMp4 = signature.signature === 'iso-bmff' || signature.signature === 'quicktime';
    if (looksLikeMp4 && /moov atom not found/i.test(error.stderr)) {
      throw new MediaError('truncated', 'no moov index: the file was cut off or never finalised by the program that wrote it');
    }
    throw new MediaError('not-media', `not a readable media file (ffprobe: ${error.message})`);
  }

  const videoStream = firstStreamOfType(output, 'video');
  const audioStream = firstStreamOfType(output, 'audio');
  if (!videoStream && !audioStream) throw new MediaError('no-streams', 'no video or audio stream in the file');

  const scanned = [videoStream, audioStream].filter((s) => s !== undefined).map((s) => s.index);
  const packets = await scanPackets(path, scanned, videoStream ? [videoStream.index] : []);
  for (const stream of [videoStream, audioStream]) {
    if (!stream) continue;
    const expected = parseNumber(stream.nb_frames);
    const found = packets.streams.get(stream.index)?.count ?? 0;
    if (found === 0 || (expected !== null && found < expected * TRUNCATION_TOLERANCE) || packets.partial) {
      const what = expected === null ? `${found} packets` : `${found} of ${expected} packets`;
      throw new MediaError('truncated', `truncated: stream ${stream.index} (${stream.codec_type}) ends early, ${what} readable`);
    }
  }

  const video = videoStream ? parseVideoFacts(videoStream, packets.streams.get(videoStream.index)) : null;
  const audio = audioStream ? parseAudioFacts(audioStream, packets.streams.get(audioStream.index)) : null;
  return {
    kind: 'media',
    sizeBytes,
    durationS: parseNumber(output.format?.duration),
    container: {
      ...signature,
      formatName: output.format?.format_name ?? 'unknown',
      statedBitrateBps: parseNumber(output.format?.bit_rate),
    },
    video,
    audio,
    audioStreamCount: (output.streams ?? []).filter((s) => s.codec_type === 'audio').length,
    subtitleStreams: parseSubtitleStreams(output),
    chapters: parseChapters(output),
    subtitles: [],
    sync:
      video && audio
        ? {
            startOffsetMs: Math.round((audio.startS - video.startS) * 1000 * 10) / 10,
            endOffsetMs:
              audio.endS !== null && video.endS !== null ? Math.round((audio.endS - video.endS) * 1000 * 10) / 10 : null,
          }
        : null,
  };
}

/** Size and leading bytes; turns file-system failures into one-line causes. */
export async function readHead(path: string): Promise<{ sizeBytes: number; head: Uint8Array }> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw fileSystemError(error);
  }
  if (!info.isFile()) throw new MediaError('not-a-file', 'not a regular file');
  if (info.size === 0) throw new MediaError('empty', 'empty file (0 bytes)');
  let handle;
  try {
    handle = await open(path, 'r');
    const head = new Uint8Array(Math.min(HEAD_BYTES, info.size));
    await handle.read(head, 0, head.length, 0);
    return { sizeBytes: info.size, head };
  } catch (error) {
    throw fileSystemError(error);
  } finally {
    await handle?.close();
  }
}

function fileSystemError(error: unknown): MediaError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new MediaError('not-found', 'no such file');
  if (code === 'EACCES' || code === 'EPERM') return new MediaError('unreadable', 'permission denied: cannot read the file');
  if (code === 'EISDIR') return new MediaError('not-a-file', 'not a regular file');
  return new MediaError('unreadable', `cannot read the file (${code ?? (error as Error).message})`);
}
