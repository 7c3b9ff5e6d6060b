import { open, stat } from 'node:fs/promises';
import type { FileErrorCode } from '../facts/finding.js';
import type { MediaFacts } from '../facts/facts.js';
import { readContainerSignature } from './container.js';
import { ProbeError, runFfprobe, type FfprobeOutput, type FfprobeStream } from './ffprobe.js';
import { streamsFromIndex } from './index-streams.js';
import { packetsFromIndex } from './index-packets.js';
import { indexedEndBytes, readMp4Index, readTopLevelBoxes, trackCoverage, type Mp4Index } from './mp4-index.js';
import { scanPackets, type PacketScan, type StreamPackets } from './packets.js';
import { PLAIN_ARRAYS, Scratch, type ArraySource } from './scratch.js';
import type { ToolOptions } from './run-tool.js';
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

/** Fallback (no readable MP4 index): a stream whose packets stop this far short of its stated count is truncated. */
const TRUNCATION_TOLERANCE = 0.98;
/** Fallback: packets a demuxer may drop before an edit list's start (AAC priming of up to 2112 samples) or after its end. */
const EDIT_LIST_TRIMMED_PACKETS = 3;

export interface ProbeOptions {
  /**
   * Where the packets' timestamps, sizes and flags come from: `auto` (default) reads them from an
   * MP4 / QuickTime index where it can and scans the packets otherwise; `scan` always scans;
   * `index` never scans and throws where the index cannot give them (for the tests that prove the two equal).
   */
  packets?: 'auto' | 'scan' | 'index';
  /**
   * Where the streams' and format's facts come from: `auto` (default) reads them from an MP4 index
   * where it can (H.264 and AAC-LC, `index-streams.ts`) and asks ffprobe otherwise; `ffprobe` always
   * asks it; `index` never does and throws where the index cannot give them (for the tests that prove the two equal).
   */
  streams?: 'auto' | 'ffprobe' | 'index';
  /**
   * Whether a decode follows (default true). Without one, the passing tables are plain arrays: the
   * scratch block (`Scratch`) keeps an hour's check flat in memory, but its 64 MiB of external memory
   * makes V8 collect at once: about 20 ms of CPU in a quick check that ends with the probe.
   */
  decodeFollows?: boolean;
}

/**
 * Facts from ffprobe and the packets' timestamps and sizes: everything `--quick` needs. For MP4 and
 * QuickTime the packets, and for lessons' codecs the streams too, are read from the `moov` index
 * (what the demuxer would read, without reading it or starting ffprobe); for Matroska and anything
 * the index cannot give, from ffprobe and one demux-only packet scan.
 */
export async function probeMedia(path: string, tool: ToolOptions = {}, options: ProbeOptions = {}): Promise<MediaFacts> {
  const { sizeBytes, head } = await readHead(path);
  const signature = readContainerSignature(head);
  const looksLikeMp4 = signature.signature === 'iso-bmff' || signature.signature === 'quicktime';
  const streamsMode = options.streams ?? 'auto';

  // The index's tables and the packets' timestamps pass: they go in one block, dropped with the probe.
  const scratch = options.decodeFollows === false ? PLAIN_ARRAYS : new Scratch();
  const indexRead = looksLikeMp4 ? settle(readMp4Index(path, scratch)) : null;
  const readIndex = streamsMode === 'ffprobe' ? null : await indexRead;
  const fromIndexOnly = readIndex && 'value' in readIndex && readIndex.value ? streamsFromIndex(readIndex.value) : null;
  if (streamsMode === 'index' && !fromIndexOnly) throw new Error('the MP4 index cannot give the streams of this file');
  // With `streams: 'ffprobe'`, the index is read (and parsed, on this thread) while ffprobe runs in its process.
  const output = fromIndexOnly ?? (await ffprobeOf(path, tool, looksLikeMp4, sizeBytes));

  const videoStream = firstStreamOfType(output, 'video');
  const audioStream = firstStreamOfType(output, 'audio');
  if (!videoStream && !audioStream) throw new MediaError('no-streams', 'no video or audio stream in the file');

  const judged = [videoStream, audioStream].filter((s) => s !== undefined);
  // MP4 / QuickTime: the index says which bytes each sample needs, so the file's size says what is missing.
  const index = indexRead ? unwrap(await indexRead) : null;
  const fromIndex = index ? truncationFromIndex(index, judged) : undefined;
  if (fromIndex) throw new MediaError('truncated', fromIndex);
  const cut = looksLikeMp4 && !index ? await cutInsideMoov(path, sizeBytes) : null;
  if (cut) throw new MediaError('truncated', cut);

  const mode = options.packets ?? 'auto';
  const indexed = index && fromIndex === null && mode !== 'scan' ? packetsOfIndex(index, judged, output.streams?.length ?? 0, scratch) : null;
  if (mode === 'index' && !indexed) throw new Error('the MP4 index cannot give the packets of this file');
  // A cut that keeps pictures back from before its edit makes ffprobe state other durations: ask it.
  if (fromIndexOnly && videoStream && indexed?.streams.get(videoStream.index)?.firstDiscarded) {
    if (streamsMode === 'index') throw new Error('the MP4 index cannot give the streams of this file');
    return probeMedia(path, tool, { ...options, streams: 'ffprobe' });
  }
  const packets = indexed ?? (await scanPackets(path, judged.map((s) => s.index), videoStream ? [videoStream.index] : [], tool));
  if (fromIndex === undefined) {
    const fromPackets = truncationFromPackets(packets, judged);
    if (fromPackets) throw new MediaError('truncated', fromPackets);
  }

  const video = videoStream ? parseVideoFacts(videoStream, packets.streams.get(videoStream.index), scratch) : null;
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

/** ffprobe's facts; its failures as the one-line causes of a file that cannot be judged. */
async function ffprobeOf(path: string, tool: ToolOptions, looksLikeMp4: boolean, sizeBytes: number): Promise<FfprobeOutput> {
  try {
    return await runFfprobe(path, tool);
  } catch (error) {
    if (!(error instanceof ProbeError)) throw error;
    // ffprobe picks the MP4 demuxer by extension, so only a file that starts like one is a cut-off MP4.
    if (looksLikeMp4 && /moov atom not found/i.test(error.stderr)) {
      throw new MediaError('truncated', 'no moov index: the file was cut off or never finalised by the program that wrote it');
    }
    const cut = looksLikeMp4 ? await cutInsideMoov(path, sizeBytes) : null;
    if (cut) throw new MediaError('truncated', cut);
    throw new MediaError('not-media', `not a readable media file (ffprobe: ${error.message})`);
  }
}

/** Every judged stream's packets from the index, as the scan would read them; null when one cannot be had so. */
function packetsOfIndex(index: Mp4Index, streams: FfprobeStream[], streamCount: number, memory: ArraySource): PacketScan | null {
  // The MP4 demuxer makes one stream per `trak`, in order.
  if (index.tracks.length !== streamCount) return null;
  const packets = new Map<number, StreamPackets>();
  for (const stream of streams) {
    const track = index.tracks[stream.index];
    const read = track ? packetsFromIndex(index, track, stream, memory) : null;
    if (!read) return null;
    packets.set(stream.index, read);
  }
  return { streams: packets, partial: false, stderr: '' };
}

/**
 * The truncation message when samples of the judged streams end past the end of the file; null when
 * every one is there; undefined when the index cannot say (fragmented, a stream without its track).
 */
function truncationFromIndex(index: Mp4Index, streams: FfprobeStream[]): string | null | undefined {
  if (index.fragmented) return undefined;
  const coverages = [];
  for (const stream of streams) {
    // The MP4 demuxer makes one stream per `trak`, in order.
    const track = index.tracks[stream.index];
    if (!track || track.handler !== (stream.codec_type === 'video' ? 'vide' : 'soun')) return undefined;
    coverages.push({ kind: stream.codec_type, ...trackCoverage(track, index.movieTimescale, index.fileSizeBytes) });
  }
  const missing = coverages.filter((c) => c.missingSamples > 0);
  if (missing.length === 0) return null;
  const endS = Math.max(...coverages.map((c) => c.endS));
  const atS = Math.min(...missing.map((c) => c.firstMissingS ?? endS));
  const what = missing.map((c) => `${seconds(c.missingDurationS)} of ${c.kind}`).join(' and ');
  const bytes = `${count(index.fileSizeBytes)} of ${count(Math.max(indexedEndBytes(index), index.fileSizeBytes))} bytes present`;
  return `truncated: the file ends at ${seconds(atS)} of ${seconds(endS)} (${what} missing; ${bytes})`;
}

/** The message for a file that ends inside its `moov` (written last, then cut); null otherwise. */
async function cutInsideMoov(path: string, sizeBytes: number): Promise<string | null> {
  const moov = (await readTopLevelBoxes(path))?.find((box) => box.type === 'moov');
  if (!moov || moov.offsetBytes + moov.sizeBytes <= sizeBytes) return null;
  return `truncated: the file ends inside its moov index (${count(sizeBytes)} of ${count(moov.offsetBytes + moov.sizeBytes)} bytes present)`;
}

/**
 * Without an index: ffprobe meeting the end of the data early ("partial file"), a stream without a
 * packet, or fewer packets than the stream's stated count. That count means nothing for PCM (it
 * counts samples, packets hold many) and includes packets an edit list trims.
 */
function truncationFromPackets(packets: PacketScan, streams: FfprobeStream[]): string | null {
  for (const stream of streams) {
    const expected = stream.codec_name?.startsWith('pcm_') ? null : parseNumber(stream.nb_frames);
    const found = packets.streams.get(stream.index)?.count ?? 0;
    const short = expected !== null && found + EDIT_LIST_TRIMMED_PACKETS < expected * TRUNCATION_TOLERANCE;
    if (found === 0 || short || packets.partial) {
      const what = expected === null ? `${found} packets` : `${found} of ${expected} packets`;
      return `truncated: stream ${stream.index} (${stream.codec_type}) ends early, ${what} readable`;
    }
  }
  return null;
}

/** A promise's outcome, never rejected: its error is rethrown by `unwrap` only where the caller gets to it. */
function settle<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

function unwrap<T>(outcome: { value: T } | { error: unknown }): T {
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

function seconds(value: number): string {
  return value > 0 && value < 0.005 ? '< 0.01 s' : `${value.toFixed(2)} s`;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
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
