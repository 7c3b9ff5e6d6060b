import type { FfprobeOutput, FfprobeStream } from './ffprobe.js';
import { rescale } from './index-packets.js';
import { Invalid, Reader, type Mp4Index, type Mp4Track } from './mp4-index.js';

/**
 * What ffprobe says of an MP4 / QuickTime file's streams and format, read from its `moov` instead
 * of from a second process, for the files lessons are: H.264 video and AAC-LC sound, nothing else.
 * Each field is what the pinned ffprobe (FFmpeg 4.0: `mov` demuxer, `h264` and `aac` decoders)
 * prints for the same boxes; `test/index-facts.test.ts` proves the facts equal to ffprobe's on every
 * kind of file the tests make. Null, so that the caller runs ffprobe, for anything outside that:
 * other codecs, other tracks (text, timecode), chapters, cover art, fragments, interlaced or
 * variable-rate video, edit lists that are not one segment, rotations that are not quarter turns,
 * sound an encoder may signal implicitly (HE-AAC below 32 kHz), more than two channels.
 */
export function streamsFromIndex(index: Mp4Index): FfprobeOutput | null {
  if (index.fragmented || index.chaptersOrCover || index.tracks.length === 0 || index.movieTimescale <= 0) return null;
  const streams: FfprobeStream[] = [];
  for (const [streamIndex, track] of index.tracks.entries()) {
    const stream = streamOf(track, streamIndex, index.movieTimescale);
    if (!stream) return null;
    streams.push(stream);
  }
  // `mvhd`'s duration is the format's (`mov_read_mvhd`), in microseconds rounded to the nearest.
  const durationUs = Math.round((index.movieDurationTicks * 1_000_000) / index.movieTimescale);
  if (durationUs <= 0) return null;
  return {
    format: {
      format_name: 'mov,mp4,m4a,3gp,3g2,mj2',
      duration: printTime(durationUs, 1_000_000),
      size: String(index.fileSizeBytes),
      // `update_stream_timings`: the file's size over the format's duration, as a double cast to an integer.
      bit_rate: String(Math.trunc((index.fileSizeBytes * 8 * 1_000_000) / durationUs)),
    },
    streams,
    chapters: [],
  };
}

function streamOf(track: Mp4Track, index: number, movieTimescale: number): FfprobeStream | null {
  if (track.sampleDescriptionCount !== 1 || !track.sampleEntry || track.sampleCount === 0) return null;
  // No edit list, or one shown segment at normal rate after at most one empty edit.
  const [first, shown] = track.editList.length === 2 ? track.editList : [null, track.editList[0]];
  if (track.editList.length > 2 || (first && first.mediaTimeTicks !== -1) || (shown && (shown.mediaTimeTicks < 0 || shown.mediaRate !== 1))) return null;
  try {
    const entry = new Reader(track.sampleEntry);
    if (track.handler === 'vide' && track.codec === 'avc1') return videoStreamOf(track, entry, index, movieTimescale);
    if (track.handler === 'soun' && track.codec === 'mp4a') return audioStreamOf(track, entry, index, movieTimescale);
    return null;
  } catch (error) {
    if (error instanceof Invalid) return null;
    throw error;
  }
}

function common(track: Mp4Track, index: number, movieTimescale: number): FfprobeStream {
  const { startTicks, durationTicks } = timingOf(track, movieTimescale);
  return {
    index,
    time_base: `1/${track.timescale}`,
    start_pts: startTicks,
    start_time: printTime(startTicks, track.timescale),
    duration: printTime(durationTicks, track.timescale),
    nb_frames: String(track.sampleCount),
    disposition: { attached_pic: 0 },
  };
}

/**
 * Where the stream starts and how long it lasts, in its ticks. With an edit list (`mov_fix_index`),
 * the shown segment starts after the empty edit and the stream lasts as long as the edits; without
 * one, from the first picture's presentation time, as long as `mdhd` says.
 */
function timingOf(track: Mp4Track, movieTimescale: number): { startTicks: number; durationTicks: number } {
  const toMedia = (movieTicks: number) => rescale(movieTicks, track.timescale, movieTimescale);
  if (track.editList.length === 0) {
    const firstOffset = track.compositionOffsetsTicks?.[0] ?? 0;
    return { startTicks: track.handler === 'vide' ? firstOffset : 0, durationTicks: track.durationTicks };
  }
  const empty = track.editList[0]!.mediaTimeTicks === -1 ? toMedia(track.editList[0]!.segmentDurationTicks) : 0;
  return { startTicks: empty, durationTicks: track.editList.reduce((sum, edit) => sum + toMedia(edit.segmentDurationTicks), 0) };
}

/** A `VisualSampleEntry` (ISO/IEC 14496-12 12.1.3): 78 bytes after the 8-byte header, then its boxes. */
const VISUAL_ENTRY_BOXES_AT = 86;

function videoStreamOf(track: Mp4Track, entry: Reader, index: number, movieTimescale: number): FfprobeStream | null {
  const boxes = new Reader(entry.bytes.subarray(VISUAL_ENTRY_BOXES_AT));
  const avcC = boxes.child('avcC');
  if (!avcC) return null;
  const sps = firstSps(avcC);
  if (!sps || !sps.frameMbsOnly) return null;
  // The decoder's size is the SPS's, cropped; the entry's must agree (else which one ffprobe shows is a question).
  if (entry.u16(32) !== sps.widthPx || entry.u16(34) !== sps.heightPx) return null;
  const rotationDeg = quarterTurnOf(track.displayMatrix);
  if (rotationDeg === null) return null;
  // `tkhd`'s size differing from the entry's makes a sample aspect ratio of its own (`mov_read_trak`): not read here.
  const quarterTurn = rotationDeg === 90 || rotationDeg === 270;
  const pasp = boxes.child('pasp');
  const streamSar = pasp ? [pasp.u32(0), pasp.u32(4)] : null;
  const sar = streamSar && streamSar[0]! > 0 && streamSar[1]! > 0 ? streamSar : sps.sar;
  const shownWidth = sar && sar[0]! > 0 && sar[1]! > 0 ? Math.round((sps.widthPx * sar[0]!) / sar[1]!) : sps.widthPx;
  if (!streamSar && (quarterTurn ? [track.displayHeightPx, track.displayWidthPx] : [track.displayWidthPx, track.displayHeightPx]).join() !== [shownWidth, sps.heightPx].join()) return null;
  // `r_frame_rate` from `stts` when it is one run (or one plus a last sample); otherwise libavformat guesses.
  const frameTicks = constantFrameTicks(track);
  if (frameTicks === null) return null;
  const profile = H264_PROFILES[sps.profileIdc]?.(sps.constraintFlags);
  if (!profile) return null;
  return {
    ...common(track, index, movieTimescale),
    // `mov_read_header`: the samples' bytes over `mdhd`'s duration (before any edit list), in whole bits a second.
    bit_rate: String(bitsPerSecond(track, track.durationTicks)),
    codec_type: 'video',
    codec_name: 'h264',
    profile,
    width: sps.widthPx,
    height: sps.heightPx,
    sample_aspect_ratio: sar && sar[0]! > 0 && sar[1]! > 0 ? `${sar[0]}:${sar[1]}` : 'N/A',
    r_frame_rate: reduced(track.timescale, frameTicks),
    ...(rotationDeg === 0 ? {} : { tags: { rotate: String(rotationDeg) } }),
  };
}

function bitsPerSecond(track: Mp4Track, durationTicks: number): number {
  let bytes = 0;
  for (let i = 0; i < track.entryCount; i++) bytes += track.sizesBytes[i]!;
  return durationTicks > 0 ? Math.floor((bytes * 8 * track.timescale) / durationTicks) : 0;
}

/** `stts` one run, or one run and a last sample (the demuxer's condition): its delta. */
function constantFrameTicks(track: Mp4Track): number | null {
  const delta = track.firstSampleDeltaTicks;
  if (delta === null || delta <= 0) return null;
  const oneRun = track.timeToSampleRuns === 1 || (track.timeToSampleRuns === 2 && track.secondRunSampleCount === 1);
  return oneRun ? delta : null;
}

/** The clockwise turn the matrix makes, when it is an unscaled quarter turn (or none); null otherwise. */
function quarterTurnOf(matrix: number[]): number | null {
  const [a, b, u, c, d, v, , , w] = matrix;
  const one = 0x10000;
  if (u !== 0 || v !== 0 || w !== 0x40000000) return null;
  if (a === one && b === 0 && c === 0 && d === one) return 0;
  if (a === 0 && b === one && c === -one && d === 0) return 90;
  if (a === -one && b === 0 && c === 0 && d === -one) return 180;
  if (a === 0 && b === -one && c === one && d === 0) return 270;
  return null;
}

function reduced(numerator: number, denominator: number): string {
  const divisor = gcd(numerator, denominator);
  return `${numerator / divisor}/${denominator / divisor}`;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** `avcodec_profile_name` for H.264: constraint_set1 makes Baseline constrained, constraint_set3 the high profiles intra. */
const H264_PROFILES: Record<number, (constraintFlags: number) => string> = {
  66: (flags) => (flags & 0x40 ? 'Constrained Baseline' : 'Baseline'),
  77: () => 'Main',
  88: () => 'Extended',
  100: () => 'High',
  110: (flags) => (flags & 0x10 ? 'High 10 Intra' : 'High 10'),
  122: (flags) => (flags & 0x10 ? 'High 4:2:2 Intra' : 'High 4:2:2'),
  244: (flags) => (flags & 0x10 ? 'High 4:4:4 Intra' : 'High 4:4:4 Predictive'),
};

interface Sps {
  profileIdc: number;
  constraintFlags: number;
  widthPx: number;
  heightPx: number;
  frameMbsOnly: boolean;
  /** VUI sample aspect ratio; null when unstated. */
  sar: [number, number] | null;
}

/** The first sequence parameter set of an `AVCDecoderConfigurationRecord` (ISO/IEC 14496-15 5.3.3.1). */
function firstSps(avcC: Reader): Sps | null {
  if (avcC.u8(0) !== 1 || (avcC.u8(5) & 0x1f) === 0) return null;
  const length = avcC.u16(6);
  const nal = avcC.bytes.subarray(8, 8 + length);
  if (nal.length !== length || length < 4 || (nal[0]! & 0x1f) !== 7) return null;
  return parseSps(unescape(nal.subarray(1)));
}

/** The SPS payload without emulation-prevention bytes (00 00 03 → 00 00). */
function unescape(bytes: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0, zeros = 0; i < bytes.length; i++) {
    if (zeros >= 2 && bytes[i] === 3) {
      zeros = 0;
      continue;
    }
    zeros = bytes[i] === 0 ? zeros + 1 : 0;
    out.push(bytes[i]!);
  }
  return Uint8Array.from(out);
}

/** Exp-Golomb bit reader; reading past the end is `Invalid`. */
class Bits {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  bit(): number {
    if (this.at >= this.bytes.length * 8) throw new Invalid('SPS cut');
    const value = (this.bytes[this.at >> 3]! >> (7 - (this.at & 7))) & 1;
    this.at++;
    return value;
  }
  bits(count: number): number {
    let value = 0;
    for (let i = 0; i < count; i++) value = value * 2 + this.bit();
    return value;
  }
  ue(): number {
    let zeros = 0;
    while (this.bit() === 0) if (++zeros > 31) throw new Invalid('SPS value too long');
    return 2 ** zeros - 1 + this.bits(zeros);
  }
  se(): number {
    const value = this.ue();
    return value % 2 ? (value + 1) / 2 : -value / 2;
  }
}

/** Profiles whose SPS carries chroma format, bit depths and scaling lists (ITU-T H.264 7.3.2.1.1). */
const HIGH_PROFILES = new Set([100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135]);

/** Table E-1: `aspect_ratio_idc` 1–16. */
const SAR_TABLE: [number, number][] = [
  [1, 1], [12, 11], [10, 11], [16, 11], [40, 33], [24, 11], [20, 11], [32, 11],
  [80, 33], [18, 11], [15, 11], [64, 33], [160, 99], [4, 3], [3, 2], [2, 1],
];

function parseSps(payload: Uint8Array): Sps {
  const bits = new Bits(payload);
  const profileIdc = bits.bits(8);
  const constraintFlags = bits.bits(8);
  bits.bits(8); // level
  bits.ue(); // seq_parameter_set_id
  let chromaFormat = 1;
  if (HIGH_PROFILES.has(profileIdc)) {
    chromaFormat = bits.ue();
    if (chromaFormat === 3 && bits.bit()) chromaFormat = 0; // separate colour planes: cropped as monochrome
    bits.ue(); // bit depths
    bits.ue();
    bits.bit(); // qpprime_y_zero_transform_bypass
    if (bits.bit()) {
      for (let i = 0; i < (chromaFormat === 3 ? 12 : 8); i++) if (bits.bit()) skipScalingList(bits, i < 6 ? 16 : 64);
    }
  }
  bits.ue(); // log2_max_frame_num
  const pocType = bits.ue();
  if (pocType === 0) bits.ue();
  else if (pocType === 1) {
    bits.bit();
    bits.se();
    bits.se();
    for (let i = bits.ue(); i > 0; i--) bits.se();
  }
  bits.ue(); // max_num_ref_frames
  bits.bit(); // gaps_in_frame_num_value_allowed
  const widthMbs = bits.ue() + 1;
  const heightMapUnits = bits.ue() + 1;
  const frameMbsOnly = bits.bit() === 1;
  if (!frameMbsOnly) bits.bit();
  bits.bit(); // direct_8x8_inference
  const crop = bits.bit() ? [bits.ue(), bits.ue(), bits.ue(), bits.ue()] : [0, 0, 0, 0];
  const cropUnitX = chromaFormat === 1 || chromaFormat === 2 ? 2 : 1;
  const cropUnitY = (chromaFormat === 1 ? 2 : 1) * (frameMbsOnly ? 1 : 2);
  let sar: [number, number] | null = null;
  if (bits.bit() && bits.bit()) {
    const idc = bits.bits(8);
    sar = idc === 255 ? [bits.bits(16), bits.bits(16)] : (SAR_TABLE[idc - 1] ?? null);
  }
  return {
    profileIdc,
    constraintFlags,
    widthPx: widthMbs * 16 - cropUnitX * (crop[0]! + crop[1]!),
    heightPx: heightMapUnits * 16 * (frameMbsOnly ? 1 : 2) - cropUnitY * (crop[2]! + crop[3]!),
    frameMbsOnly,
    sar,
  };
}

function skipScalingList(bits: Bits, size: number): void {
  for (let j = 0, last = 8, next = 8; j < size; j++) {
    if (next !== 0) next = (last + bits.se() + 256) % 256;
    last = next === 0 ? last : next;
  }
}

/** Sampling frequencies of `samplingFrequencyIndex` 0–12 (ISO/IEC 14496-3 1.6.3.4). */
const AAC_RATES_HZ = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

function audioStreamOf(track: Mp4Track, entry: Reader, index: number, movieTimescale: number): FfprobeStream | null {
  // Version 0, as ISO files have; QuickTime's versions 1 and 2 move the boxes.
  if (track.soundDescription?.version !== 0) return null;
  const esds = new Reader(entry.bytes.subarray(36)).child('esds');
  const decoderConfig = esds ? audioSpecificConfig(esds) : null;
  if (!decoderConfig || decoderConfig.averageBitrateBps === 0) return null;
  const config = decoderConfig.bytes;
  // Object type 2 (LC) with 1024-sample frames, at 32 kHz and up, where no encoder hides SBR (HE-AAC) behind it.
  const bits = new Bits(config);
  const objectType = bits.bits(5);
  const rateHz = AAC_RATES_HZ[bits.bits(4)];
  const channels = bits.bits(4);
  const frameLength960 = bits.bit();
  const dependsOnCoreCoder = bits.bit();
  bits.bit(); // extensionFlag
  if (objectType !== 2 || rateHz === undefined || rateHz < 32000 || (channels !== 1 && channels !== 2) || frameLength960 || dependsOnCoreCoder) return null;
  // After it, nothing, or the sync extension saying "no SBR" (as FFmpeg's encoder writes it).
  if (config.length > 2 && !(config.length <= 5 && bits.bits(11) === 0x2b7 && bits.bits(5) === 5 && bits.bit() === 0)) return null;
  // The decoder, as the demuxer, takes rate and channels from this config, not from the entry (whose ISO template says 2 channels).
  return {
    ...common(track, index, movieTimescale),
    // The `esds`'s average bit rate, as stated (`ff_mp4_read_dec_config_descr`).
    bit_rate: String(decoderConfig.averageBitrateBps),
    codec_type: 'audio',
    codec_name: 'aac',
    profile: 'LC',
    sample_rate: String(rateHz),
    channels,
    channel_layout: channels === 1 ? 'mono' : 'stereo',
  };
}

/** The `DecoderSpecificInfo` of an MPEG-4 audio `esds` (ISO/IEC 14496-1 7.2.6), when it is AAC. */
function audioSpecificConfig(esds: Reader): { bytes: Uint8Array; averageBitrateBps: number } | null {
  let at = 4; // version and flags
  const descriptor = (tag: number): number | null => {
    if (esds.u8(at) !== tag) return null;
    at++;
    let size = 0;
    for (let i = 0; i < 4; i++) {
      const byte = esds.u8(at++);
      size = size * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) break;
    }
    return size;
  };
  if (descriptor(0x03) === null) return null;
  const flags = esds.u8(at + 2);
  at += 3; // ES_ID and flags
  if (flags & 0x80) at += 2; // dependsOn_ES_ID
  if (flags & 0x40) at += 1 + esds.u8(at); // URL
  if (flags & 0x20) at += 2; // OCR_ES_Id
  if (descriptor(0x04) === null || esds.u8(at) !== 0x40) return null;
  const averageBitrateBps = esds.u32(at + 9);
  at += 13;
  const size = descriptor(0x05);
  if (size === null) return null;
  const bytes = esds.bytes.subarray(at, at + size);
  return bytes.length === size ? { bytes, averageBitrateBps } : null;
}

/** ffprobe's `print_time`: ticks in a time base of 1/`timescale`, as `%f` prints the double. */
export function printTime(ticks: number, timescale: number): string {
  return (ticks * (1 / timescale)).toFixed(6);
}
