import type { FfprobeStream } from './ffprobe.js';
import type { Mp4Index, Mp4Track } from './mp4-index.js';
import type { StreamPackets } from './packets.js';
import { PLAIN_ARRAYS, type ArraySource } from './scratch.js';

/**
 * The packets a demux-only scan of an MP4 / QuickTime track reads, computed from its index instead
 * of read packet by packet: the count, the bytes, every timestamp in the stream's time base (the
 * `mdhd` timescale), the latest presentation end and whether the first packet is flagged for
 * discard. It follows what the pinned ffprobe's demuxer (FFmpeg 4.0's `mov`) does with the same
 * tables: `mov_build_index` (one entry per sample; uncompressed sound in packets of at most 1024
 * sample frames per chunk), `mov_fix_index` (the edit list: samples before the first shown one
 * kept back to a keyframe and flagged for discard, the AAC priming put before zero, the first
 * video picture at zero) and `mov_read_packet` (duration up to the next packet, the last to the
 * stream's end). `test/index-facts.test.ts` proves it equal to the scan on every kind of file the
 * tests make.
 *
 * Null whenever the file is outside what that proof covers, so that the caller scans the packets:
 * codecs a parser splits or merges (MP3, AC-3, VC-1, VPx…), several sample descriptions, negative
 * composition offsets, edit lists with a rate or more than one shown segment, sound whose chunk
 * layout the tables do not pin down.
 */
export function packetsFromIndex(index: Mp4Index, track: Mp4Track, stream: FfprobeStream, memory: ArraySource = PLAIN_ARRAYS): StreamPackets | null {
  const kind = stream.codec_type;
  if (kind !== 'video' && kind !== 'audio') return null;
  if (index.fragmented || track.sampleDescriptionCount !== 1) return null;
  if (track.handler !== (kind === 'video' ? 'vide' : 'soun')) return null;
  const codec = stream.codec_name ?? '';
  const pcm = codec.startsWith('pcm_');
  if (kind === 'video' ? !VIDEO_CODECS.has(codec) : codec !== 'aac' && !pcm) return null;
  // The demuxer's time base for the stream is the track's timescale.
  if (stream.time_base !== `1/${track.timescale}`) return null;

  const raw = pcm ? soundChunkEntries(track, memory) : sampleEntries(track, memory);
  if (!raw) return null;
  const fixed = track.editList.length > 0 ? applyEditList(raw, track, index.movieTimescale, kind === 'audio') : { entries: raw, durationTicks: track.durationTicks };
  if (!fixed) return null;
  // A packet the demuxer gives no duration (every one with composition offsets, a last one at or past
  // the stream's end) gets one from libavformat: a frame at `r_frame_rate`, rounded down. For sound
  // that depends on the decoder's frame size: scan instead.
  let frameDurationTicks: number | null = null;
  if (kind === 'video') {
    const [num, den] = (stream.r_frame_rate ?? '').split('/').map(Number);
    if (num && den && Number.isFinite(num) && Number.isFinite(den)) frameDurationTicks = Math.floor((den * track.timescale) / num);
  }
  return readPackets(fixed.entries, fixed.durationTicks, frameDurationTicks, kind === 'video', memory);
}

/** Codecs the `mov` demuxer hands on as stored, sample for sample (no parser splits them). */
const VIDEO_CODECS = new Set(['h264', 'hevc', 'mpeg4']);

/** The demuxer's index: one entry per packet, in decode order. */
interface Entries {
  count: number;
  timestamps: Float64Array;
  sizes: Float64Array | Uint32Array;
  keyframe: Uint8Array;
  /** Composition minus decode time per entry; null without `ctts`. */
  compositionOffsets: Int32Array | null;
  discard: Uint8Array;
}

/** One entry per sample (`mov_build_index`), every sample of the tables. */
function sampleEntries(track: Mp4Track, memory: ArraySource): Entries | null {
  // Samples of one size are merged per chunk by the index reader; the demuxer splits them only for sound timed in single ticks.
  if (track.entrySamples !== null || track.entryCount !== track.sampleCount) return null;
  const count = track.entryCount;
  const offsets = track.compositionOffsetsTicks;
  if (offsets) {
    // A negative offset makes the demuxer shift every decode time (`dts_shift`); an absurd one makes it drop `ctts`.
    for (let i = 0; i < count; i++) if (offsets[i]! < 0 || offsets[i]! >= 2 ** 28) return null;
  }
  const keyframe = memory.array(Uint8Array, count);
  const sync = track.syncSamples;
  if (sync === null) keyframe.fill(1);
  else if (sync.length === 0) {
    // An empty `stss`: no sync sample stated; sound is all keyframes, a picture track only its first sample.
    if (track.handler === 'soun') keyframe.fill(1);
    else if (count > 0) keyframe[0] = 1;
  } else for (let i = 0; i < sync.length; i++) keyframe[sync[i]!] = 1;
  // The index's own arrays: the edit list rewrites the decode times in place (see `applyEditList`).
  return { count, timestamps: track.decodeTicks, sizes: track.sizesBytes, keyframe, compositionOffsets: offsets, discard: memory.array(Uint8Array, count) };
}

/** Largest number of sample frames in one packet of uncompressed sound. */
const SOUND_PACKET_FRAMES = 1024;

/**
 * Uncompressed sound timed one tick a sample frame (a single `stts` run of delta 1): each chunk
 * read in packets of at most 1024 sample frames, whatever `stsz` says.
 */
function soundChunkEntries(track: Mp4Track, memory: ArraySource): Entries | null {
  const description = track.soundDescription;
  const bytesPerFrame = track.constantSampleSizeBytes;
  if (!description || description.framesPerPacket > 1 || bytesPerFrame === null || !Number.isInteger(bytesPerFrame) || bytesPerFrame <= 0) return null;
  if (track.timeToSampleRuns !== 1 || track.firstSampleDeltaTicks !== 1 || !track.entrySamples) return null;
  // Every chunk whole: the demuxer reads the chunks `stsc` describes, not the samples `stsz` counts.
  if (track.entryCount !== track.chunkCount || track.samplesInChunks !== track.sampleCount) return null;
  let count = 0;
  for (let i = 0; i < track.entryCount; i++) count += Math.ceil(track.entrySamples[i]! / SOUND_PACKET_FRAMES);
  const timestamps = memory.array(Float64Array, count);
  const sizes = memory.array(Float64Array, count);
  let entry = 0;
  let ticks = 0;
  for (let i = 0; i < track.entryCount; i++) {
    for (let left = track.entrySamples[i]!; left > 0; ) {
      const frames = Math.min(SOUND_PACKET_FRAMES, left);
      timestamps[entry] = ticks;
      sizes[entry] = frames * bytesPerFrame;
      ticks += frames;
      left -= frames;
      entry++;
    }
  }
  return { count, timestamps, sizes, keyframe: memory.array(Uint8Array, count).fill(1), compositionOffsets: null, discard: memory.array(Uint8Array, count) };
}

/** `av_rescale`: a·b/c rounded to the nearest, halves away from zero. */
export function rescale(a: number, b: number, c: number): number {
  const exact = (a * b) / c;
  return Math.sign(exact) * Math.round(Math.abs(exact));
}

/**
 * The last entry whose timestamp is at most `wanted` and, unless `any`, the keyframe at or before
 * it (`ff_index_search_timestamp` searching backward); -1 when there is none.
 */
function searchBackward(entries: Entries, wanted: number, any: boolean): number {
  const { count, timestamps } = entries;
  let a = -1;
  let b = count;
  if (b > 0 && timestamps[b - 1]! < wanted) a = b - 1;
  while (b - a > 1) {
    const m = (a + b) >> 1;
    const timestamp = timestamps[m]!;
    if (timestamp >= wanted) b = m;
    if (timestamp <= wanted) a = m;
  }
  let m = a;
  if (!any) while (m >= 0 && m < count && !entries.keyframe[m]) m--;
  return m === count ? -1 : m;
}

/** `find_prev_closest_index`: the keyframe to start an edit from, so that its first shown picture can be decoded. */
function previousClosestIndex(entries: Entries, wanted: number, any: boolean): number {
  let index = searchBackward(entries, wanted, any);
  if (index >= 0) {
    for (let i = index; i > 0 && entries.timestamps[i] === entries.timestamps[i - 1]; i--) {
      if (any || entries.keyframe[i - 1]) index = i - 1;
    }
  }
  const offsets = entries.compositionOffsets;
  if (offsets && index >= 0) {
    // Back to a keyframe whose presentation time is at most the wanted one (B-frames before it).
    while (index >= 0 && !(entries.timestamps[index]! + offsets[index]! <= wanted && entries.keyframe[index])) index--;
  }
  return index;
}

/**
 * `mov_fix_index`: the entries the edit list keeps, their timestamps on the movie's timeline (in
 * the track's ticks), the ones outside a shown segment flagged for discard; and the stream's
 * duration, the edits' total. Null for what the proof does not cover (see `packetsFromIndex`).
 * The kept entries are one run of the old ones, and the k-th kept is written only after the
 * (first + k)-th old one and the one after it are read: so the new timestamps and flags go over
 * `old`'s own, front to back, instead of into copies (two an hour's track long: 2 MB).
 */
function applyEditList(old: Entries, track: Mp4Track, movieTimescale: number, audio: boolean): { entries: Entries; durationTicks: number } | null {
  if (movieTimescale <= 0 || old.count === 0) return null;
  const edits = track.editList;
  if (edits.some((edit) => edit.mediaRate !== 1 || edit.mediaTimeTicks < -1)) return null;
  if (edits.filter((edit) => edit.mediaTimeTicks !== -1).length > 1) return null;

  // One shown segment: the entries kept are one run of the old ones, from a keyframe at or before
  // its start to the first keyframe past its end. Locals throughout: this loop runs once per file, cold.
  const count = old.count;
  const oldTimestamps = old.timestamps;
  const oldOffsets = old.compositionOffsets;
  const oldKeyframe = old.keyframe;
  const timestamps = oldTimestamps;
  const discard = old.discard;
  let first = 0;
  let kept = 0;
  let dtsEntryEnd = 0;
  const startDts = dtsEntryEnd;
  let minCorrectedPts = -1;
  let emptyEditsTicks = 0;
  let firstNonZeroAudioEdit = -1;
  for (const edit of edits) {
    const mediaTime = edit.mediaTimeTicks;
    const duration = rescale(edit.segmentDurationTicks, track.timescale, movieTimescale);
    let dtsCounter = dtsEntryEnd;
    dtsEntryEnd += duration;
    if (mediaTime === -1) {
      emptyEditsTicks += duration;
      continue;
    }
    if (audio) firstNonZeroAudioEdit = firstNonZeroAudioEdit < 0 ? 1 : 0;
    const search = audio ? Math.max(mediaTime - track.timescale, oldTimestamps[0]!) : mediaTime;
    first = previousClosestIndex(old, search, false);
    // No keyframe before the edit's start: the demuxer then searches any frame, a case no test file has.
    if (first < 0) return null;
    const editEnd = duration + mediaTime;
    let startEncountered = false;
    let foundKeyframeAfterEdit = false;
    const discardedDurations: number[] = [];
    for (let i = first; i < count; i++) {
      const frameDuration = i + 1 < count ? oldTimestamps[i + 1]! - oldTimestamps[i]! : duration;
      const ctts = oldOffsets === null ? 0 : oldOffsets[i]!;
      const cts = oldTimestamps[i]! + ctts;
      if (cts < mediaTime || cts >= editEnd) {
        if (audio && cts < mediaTime && cts + frameDuration > mediaTime && firstNonZeroAudioEdit > 0) {
          // A packet straddling the start: its leading samples are skipped, not the packet.
          dtsCounter -= mediaTime - cts;
          if (!startEncountered) {
            startEncountered = true;
            fixDiscardedTimestamps(timestamps, kept, dtsCounter, discardedDurations);
          }
        } else {
          discard[kept] = 1;
          if (audio && !startEncountered) discardedDurations.push(frameDuration);
        }
      } else {
        const corrected = dtsCounter + ctts;
        if (minCorrectedPts < 0 || corrected < minCorrectedPts) minCorrectedPts = corrected;
        if (!startEncountered) {
          startEncountered = true;
          if (audio) fixDiscardedTimestamps(timestamps, kept, dtsCounter, discardedDurations);
        }
      }
      timestamps[kept] = dtsCounter;
      kept++;
      if (startEncountered) dtsCounter += frameDuration;
      // Stop at the first keyframe past the edit's end (with B-frames, the one after it).
      if (cts + frameDuration >= editEnd && (audio || oldKeyframe[i] === 1)) {
        if (oldOffsets !== null && !audio && !foundKeyframeAfterEdit) {
          foundKeyframeAfterEdit = true;
          continue;
        }
        break;
      }
    }
  }
  minCorrectedPts -= emptyEditsTicks;
  // The first shown picture at zero (after any empty edit).
  if (!audio && minCorrectedPts > 0) for (let i = 0; i < kept; i++) timestamps[i]! -= minCorrectedPts;
  return {
    entries: {
      count: kept,
      timestamps: timestamps.subarray(0, kept),
      sizes: old.sizes.subarray(first, first + kept),
      keyframe: oldKeyframe.subarray(first, first + kept),
      compositionOffsets: oldOffsets?.subarray(first, first + kept) ?? null,
      discard: discard.subarray(0, kept),
    },
    durationTicks: dtsEntryEnd - startDts,
  };
}

/** `fix_index_entry_timestamps`: discarded leading sound packets placed back to back before the first kept one. */
function fixDiscardedTimestamps(timestamps: Float64Array, kept: number, endTicks: number, durations: number[]): void {
  let end = endTicks;
  for (let i = 0; i < durations.length; i++) {
    end -= durations[durations.length - 1 - i]!;
    timestamps[kept - 1 - i] = end;
  }
}

/**
 * `mov_read_packet`: each packet's timestamps and duration (up to the next packet, the last to the
 * stream's end; with composition offsets none, filled by libavformat as `frameDurationTicks`).
 * Timestamps are kept for pictures only, as the scan keeps them. Null when a packet would have no
 * duration and there is no frame duration to give it.
 */
function readPackets(entries: Entries, streamDurationTicks: number, frameDurationTicks: number | null, keepTimestamps: boolean, memory: ArraySource): StreamPackets | null {
  const { count, timestamps, sizes, compositionOffsets, keyframe } = entries;
  const ptsTicks = keepTimestamps ? (compositionOffsets ? memory.array(Float64Array, count) : timestamps) : new Float64Array(0);
  let totalBytes = 0;
  let endTicks = -Infinity;
  for (let i = 0; i < count; i++) {
    const dts = timestamps[i]!;
    const pts = compositionOffsets === null ? dts : dts + compositionOffsets[i]!;
    let duration = 0;
    if (compositionOffsets === null) {
      const next = i + 1 < count ? timestamps[i + 1]! : streamDurationTicks;
      if (next >= dts) duration = next - dts;
    }
    if (duration === 0) {
      if (frameDurationTicks === null) return null;
      duration = frameDurationTicks;
    }
    totalBytes += sizes[i]!;
    if (pts + duration > endTicks) endTicks = pts + duration;
    if (keepTimestamps && compositionOffsets !== null) ptsTicks[i] = pts;
  }
  return {
    count,
    totalBytes,
    ptsTicks,
    dtsTicks: keepTimestamps ? timestamps : ptsTicks,
    keyframes: keepTimestamps ? indexesOf(keyframe) : [],
    endTicks: count > 0 ? endTicks : null,
    firstPtsTicks: count > 0 ? (compositionOffsets === null ? timestamps[0]! : timestamps[0]! + compositionOffsets[0]!) : null,
    firstDiscarded: count > 0 && entries.discard[0] === 1,
    discardedCount: entries.discard.reduce((sum, flag) => sum + flag, 0),
  };
}

/** The indexes of the set flags. */
function indexesOf(flags: Uint8Array): number[] {
  const indexes: number[] = [];
  for (let i = 0; i < flags.length; i++) if (flags[i]) indexes.push(i);
  return indexes;
}
