import type { AudioFacts, Chapter, SeekIndex, SubtitleStreamFacts, VideoFacts } from '../facts/facts.js';
import type { FfprobeOutput, FfprobeStream } from './ffprobe.js';
import type { StreamPackets } from './packets.js';
import { PLAIN_ARRAYS, type ArraySource } from './scratch.js';
import { analyzeVideoTiming } from './timing.js';

/** The samples an AAC encoder puts before the programme (encoder delay of AAC-LC). */
export const AAC_PRIMING_SAMPLES = 1024;

export function firstStreamOfType(output: FfprobeOutput, type: 'video' | 'audio'): FfprobeStream | undefined {
  return (output.streams ?? []).find((stream) => stream.codec_type === type && !stream.disposition?.attached_pic);
}

export function parseRational(text: string | undefined): number | null {
  if (!text) return null;
  const [num, den] = text.split(/[:/]/).map(Number);
  if (num === undefined || !Number.isFinite(num)) return null;
  if (den === undefined) return num;
  return den > 0 && num > 0 ? num / den : null;
}

export function parseNumber(text: string | number | undefined): number | null {
  if (text === undefined || text === '' || text === 'N/A') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Clockwise rotation a player applies: the `rotate` tag, else the display matrix (which ffprobe gives counter-clockwise). */
export function rotationOf(stream: FfprobeStream): number {
  const tag = parseNumber(stream.tags?.rotate);
  const matrix = stream.side_data_list?.find((data) => typeof data.rotation === 'number')?.rotation;
  const degrees = tag ?? (matrix === undefined ? 0 : -matrix);
  return ((Math.round(degrees) % 360) + 360) % 360;
}

/**
 * Where the stream's last packet ends on the timeline. The packets say it; the stated duration is a
 * fallback only: with an edit list that delays a stream, ffprobe's duration already includes the
 * delay, and start + duration would count it twice (audio 200 ms late read "378 ms late at the end").
 */
function streamEnd(startS: number, durationS: number | null, packets: StreamPackets | undefined, timeBaseS: number): number | null {
  if (packets?.endTicks != null) return packets.endTicks * timeBaseS;
  return durationS === null ? null : startS + durationS;
}

/** Bytes over the time the packets cover (not the stated duration, which a short file rounds badly). */
function measuredBitrate(packets: StreamPackets | undefined, durationS: number | null, timeBaseS: number): number | null {
  if (!packets) return null;
  const coveredS = packets.endTicks != null && packets.firstPtsTicks != null ? (packets.endTicks - packets.firstPtsTicks) * timeBaseS : durationS;
  if (!coveredS || coveredS <= 0) return null;
  return Math.round((packets.totalBytes * 8) / coveredS);
}

/** `memory`: where the passing tables of the timing analysis go (see `Scratch`). */
export function parseVideoFacts(stream: FfprobeStream, packets: StreamPackets | undefined, memory: ArraySource = PLAIN_ARRAYS): VideoFacts {
  const timeBaseS = parseRational(stream.time_base) ?? 1 / 90000;
  const codedWidth = stream.width ?? 0;
  const codedHeight = stream.height ?? 0;
  const sampleAspectRatio = parseRational(stream.sample_aspect_ratio) ?? 1;
  const rotationDeg = rotationOf(stream);
  const width = Math.round(codedWidth * sampleAspectRatio);
  const quarterTurn = rotationDeg === 90 || rotationDeg === 270;
  const startS = parseNumber(stream.start_time) ?? (packets?.firstPtsTicks ?? 0) * timeBaseS;
  const durationS = parseNumber(stream.duration) ?? (packets?.endTicks == null ? null : packets.endTicks * timeBaseS - startS);
  return {
    streamIndex: stream.index,
    codec: stream.codec_name ?? 'unknown',
    profile: stream.profile ?? null,
    codedWidth,
    codedHeight,
    sampleAspectRatio,
    rotationDeg,
    displayWidth: quarterTurn ? codedHeight : width,
    displayHeight: quarterTurn ? width : codedHeight,
    statedFps: parseRational(stream.r_frame_rate),
    startS,
    durationS,
    endS: streamEnd(startS, durationS, packets, timeBaseS),
    measuredBitrateBps: measuredBitrate(packets, durationS, timeBaseS),
    statedBitrateBps: parseNumber(stream.bit_rate),
    timing: analyzeVideoTiming(packets?.ptsTicks ?? [], packets?.dtsTicks ?? [], timeBaseS, memory),
    frameTimesS: presentationTimes(packets?.ptsTicks ?? [], timeBaseS),
    seekIndex: seekIndexOf(packets, timeBaseS),
  };
}

function seekIndexOf(packets: StreamPackets | undefined, timeBaseS: number): SeekIndex {
  const keyframes = packets?.keyframes ?? [];
  const keyframeTimesS = new Float64Array(keyframes.length);
  const keyframeDecodeTimesS = new Float64Array(keyframes.length);
  for (let i = 0; i < keyframes.length; i++) {
    keyframeTimesS[i] = packets!.ptsTicks[keyframes[i]!]! * timeBaseS;
    keyframeDecodeTimesS[i] = packets!.dtsTicks[keyframes[i]!]! * timeBaseS;
  }
  return { keyframeTimesS, keyframeDecodeTimesS, discardedPacketCount: packets?.discardedCount ?? 0 };
}

/**
 * The frames' presentation times in seconds, in order: sorted as ticks, then scaled (the same order
 * and values as scaling first, the time base being positive), without a comparator or a callback.
 */
function presentationTimes(ptsTicks: ArrayLike<number>, timeBaseS: number): Float64Array {
  const times = new Float64Array(ptsTicks).sort();
  for (let i = 0; i < times.length; i++) times[i]! *= timeBaseS;
  return times;
}

export function parseAudioFacts(stream: FfprobeStream, packets: StreamPackets | undefined): AudioFacts {
  const timeBaseS = parseRational(stream.time_base) ?? 1 / 48000;
  const sampleRateHz = parseNumber(stream.sample_rate) ?? 0;
  // AAC priming not marked for discard still plays first: the programme starts 1024 samples later.
  const uncompensatedPrimingS =
    stream.codec_name === 'aac' && packets && packets.count > 0 && !packets.firstDiscarded && sampleRateHz > 0
      ? AAC_PRIMING_SAMPLES / sampleRateHz
      : 0;
  const timestampStartS = parseNumber(stream.start_time) ?? (packets?.firstPtsTicks ?? 0) * timeBaseS;
  const durationS = parseNumber(stream.duration) ?? (packets?.endTicks == null ? null : packets.endTicks * timeBaseS - timestampStartS);
  return {
    streamIndex: stream.index,
    codec: stream.codec_name ?? 'unknown',
    profile: stream.profile ?? null,
    sampleRateHz,
    channels: stream.channels ?? 0,
    channelLayout: stream.channel_layout ?? null,
    startS: timestampStartS + uncompensatedPrimingS,
    uncompensatedPrimingS,
    durationS,
    endS: streamEnd(timestampStartS, durationS, packets, timeBaseS),
    measuredBitrateBps: measuredBitrate(packets, durationS, timeBaseS),
    statedBitrateBps: parseNumber(stream.bit_rate),
    packetCount: packets?.count ?? 0,
  };
}

export function parseChapters(output: FfprobeOutput): Chapter[] {
  return (output.chapters ?? []).map((chapter) => ({
    title: chapter.tags?.title ?? '',
    startS: parseNumber(chapter.start_time) ?? 0,
    endS: parseNumber(chapter.end_time) ?? 0,
  }));
}

export function parseSubtitleStreams(output: FfprobeOutput): SubtitleStreamFacts[] {
  return (output.streams ?? [])
    .filter((stream) => stream.codec_type === 'subtitle')
    .map((stream) => ({ streamIndex: stream.index, codec: stream.codec_name ?? 'unknown', language: stream.tags?.language ?? null }));
}
