import { availableParallelism } from 'node:os';
import type { VideoAnalysis, VideoFacts } from '../../facts/facts.js';
import { DecodeError, damageOf, streamRaw, type DecodeArgs, type DecodeDamage, type PassOptions } from '../decode-stream.js';
import { ANALYSIS_HEIGHT, ANALYSIS_WIDTH, FINE_HEIGHT, FINE_WIDTH, FRAME_BYTES, FrameMeter } from './frame-stats.js';

export interface VideoDecodeOptions extends PassOptions {
  /** ffmpeg decoder threads; 1 when several files are decoded at once (more throughput in a batch). */
  threads?: number;
  /** How each picture is reduced (the defaults unless a benchmark measures another way; see bench/levers.ts). */
  reduction?: Partial<Reduction>;
  /**
   * Decode the two halves side by side where the stream allows it (see `analyzeInHalves`); by
   * default when the file has the machine to itself (`threads` not given) and 2 cores or more.
   */
  halves?: boolean;
}

/** The reduction of each decoded picture to the analysis picture. */
export interface Reduction {
  /** swscale's algorithm: `area` (the mean of each 30×30 block of a 1080p picture). */
  scaler: string;
  /** Frames whose deblocking filter the decoder skips: none, non-reference (`noref`), B (`bidir`) or all frames. */
  skipLoopFilter: 'none' | 'noref' | 'bidir' | 'all';
}

/**
 * `area`: the cheaper scalers change the statistics (fast_bilinear moved a colour cast from 29.9
 * green to 5.8 magenta on sample-media). `noref`: a picture no other picture is predicted from is
 * not deblocked, which saves about 6 % of a 1080p camera lesson's decode and changes nothing else
 * (no error carries to the next picture): frame means moved by at most 0.02 code values (0.13 on
 * HEVC), no verdict moved (bench/levers.ts, test/reduction.test.ts). Skipping it on reference
 * frames too (`bidir` with B-pyramids, `all`) lets the error build up over a group of pictures:
 * 0.85 and 5.1 code values of mean luma on the camera lesson.
 */
export const DEFAULT_REDUCTION: Reduction = { scaler: 'area', skipLoopFilter: 'noref' };

/**
 * One decode of the first video stream, every frame scaled down (area average) to 128×72 YUV 4:2:0
 * (64×36 chroma; the luma is the analysis luma, 64×36, at twice its resolution) and measured in
 * TypeScript as it streams. `-vsync passthrough`: one picture per decoded frame,
 * in presentation order, so that frame i has the i-th presentation time of the packet scan.
 */
export async function analyzeVideo(path: string, video: VideoFacts, frameTimesS: ArrayLike<number>, options: VideoDecodeOptions = {}): Promise<VideoAnalysis> {
  const reduction = { ...DEFAULT_REDUCTION, ...options.reduction };
  const halves = options.halves ?? (options.threads === undefined && availableParallelism() >= 2);
  const split = halves ? middleKeyframe(video, frameTimesS) : null;
  const measured = (split && (await analyzeInHalves(path, video, frameTimesS, split, reduction, options))) || (await analyzeWhole(path, video, frameTimesS, reduction, options));
  const frames = measured.meter.finish(frameTimesS, video.timing.nominalFrameDurationS ?? 0.04);
  return { frameCount: frames.count, damage: damageOf(measured.damage, (frame) => frameTimesS[Math.min(frame, frameTimesS.length - 1)] ?? 0), analysisWidth: ANALYSIS_WIDTH, analysisHeight: ANALYSIS_HEIGHT, frames };
}

export interface Measured {
  meter: FrameMeter;
  damage: DecodeDamage;
}

/** The stream in one decode, from its first frame to its last. */
export async function analyzeWhole(path: string, video: VideoFacts, frameTimesS: ArrayLike<number>, reduction: Reduction, options: VideoDecodeOptions): Promise<Measured> {
  const meter = new FrameMeter(frameTimesS.length || undefined, video.displayWidth / video.displayHeight || undefined);
  const damage = await decodeInto(meter, path, video, reduction, { options, report: options.onDecodedS && reportDecoded(frameTimesS, options.onDecodedS) });
  return { meter, damage };
}

/** A stream this short is decoded in one piece: a second decoder's start costs more than it saves. */
const MIN_HALVES_S = 30;
/** The split must leave each half at least this share of the frames. */
const MIN_HALF_SHARE = 0.3;
/**
 * ffmpeg seeks an input with B-frames this much before the time asked (`-ss`; fftools, "dts
 * heuristic"), lest it land after a frame to show; the seek asks for this much more.
 */
const FFMPEG_SEEK_BACK_S = 3 / 23;
/** Past the keyframe's time, so that rounding to the stream's ticks cannot land before it. */
const SEEK_MARGIN_S = 0.01;

export interface Split {
  /** Frames shown before the keyframe: the first half's length. */
  framesBefore: number;
  /** What `-ss` asks for (a timestamp, not offset by the file's start) to start decoding at the keyframe. */
  seekS: number;
}

/**
 * The keyframe nearest the middle of the frames, where a second decoder can start: far enough
 * from the keyframe after it (in decode order) that a seek just past it lands on it and not on
 * the next. Null when there is none, the stream is short, or frames would be hidden at its
 * start (an edit list's discarded frames make the decoded frames the packets' minus those).
 */
export function middleKeyframe(video: VideoFacts, frameTimesS: ArrayLike<number>): Split | null {
  const frameCount = frameTimesS.length;
  const { keyframeTimesS: timeS, keyframeDecodeTimesS: decodeTimeS, discardedPacketCount } = video.seekIndex;
  if (frameCount < 2 || frameTimesS[frameCount - 1]! - frameTimesS[0]! < MIN_HALVES_S || discardedPacketCount > 0) return null;
  let best: Split | null = null;
  for (let i = 0; i < timeS.length; i++) {
    const framesBefore = countBelow(frameTimesS, timeS[i]!);
    if (framesBefore < MIN_HALF_SHARE * frameCount || framesBefore > (1 - MIN_HALF_SHARE) * frameCount) continue;
    // The demuxer seeks by its index's decode times, which it shifts by an edit list only as it
    // reads: the keyframe's lies between its decode time and its presentation time as read.
    const seekS = timeS[i]! + SEEK_MARGIN_S + FFMPEG_SEEK_BACK_S;
    // With no B-frames ffmpeg does not step back: the seek must still fall before the next keyframe.
    if (i + 1 < timeS.length && decodeTimeS[i + 1]! <= seekS + SEEK_MARGIN_S) continue;
    if (!best || Math.abs(framesBefore - frameCount / 2) < Math.abs(best.framesBefore - frameCount / 2)) best = { framesBefore, seekS };
  }
  return best;
}

/** How many of the sorted `values` are below `limit`. */
function countBelow(values: ArrayLike<number>, limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The stream in two decodes side by side, one from the start and one from the keyframe near the
 * middle: a slide lesson or a screen recording decodes fast, and its decoder alone keeps a second
 * core half idle. The first half decodes one picture past the split, which must be the second's
 * first picture bit for bit, and the two together must give a frame per packet, without a decode
 * error: anything else (an open group of pictures, a frame the decoder dropped, damage), and the
 * stream is decoded again in one piece, so that the figures are always those of one decode.
 * Null then.
 */
export async function analyzeInHalves(path: string, video: VideoFacts, frameTimesS: ArrayLike<number>, split: Split, reduction: Reduction, options: VideoDecodeOptions): Promise<Measured | null> {
  const frameCount = frameTimesS.length;
  const aspect = video.displayWidth / video.displayHeight || undefined;
  // Room for every frame in the first meter's columns: the second meter writes its frames there.
  const first = new FrameMeter(frameCount, aspect);
  const second = FrameMeter.continuing(first, split.framesBefore, aspect);
  const decoded = [0, 0];
  const report =
    options.onDecodedS &&
    ((half: number) => {
      const onFrames = reportDecoded(frameTimesS, options.onDecodedS!);
      return (frames: number) => {
        decoded[half] = frames;
        onFrames(decoded[0]! + decoded[1]!);
      };
    });
  // One half that fails stops the other.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  // The cores shared between the two decoders (on 2 cores, one each). With ffmpeg's own thread count
  // each decoder's frame threads contend with the other's for the same cores: on the slide lesson
  // the two halves alone took 8.0 s of CPU and 4.1 s, with one thread each 6.6 s and 3.4 s. A half
  // that ends first leaves the other on its share (the split is within 20 % of the middle). A thread
  // count the caller gives (halves asked for in a batch) stands.
  const halfOptions = { ...options, signal, threads: options.threads ?? Math.max(1, Math.floor(availableParallelism() / 2)) };
  const stopOnFailure = (error: unknown): never => {
    stop.abort();
    throw error;
  };
  const halves = await Promise.allSettled([
    decodeInto(first, path, video, reduction, { options: halfOptions, report: report?.(0), output: ['-frames:v', String(split.framesBefore + 1)] }).catch(stopOnFailure),
    decodeInto(second, path, video, reduction, { options: halfOptions, report: report?.(1), input: ['-seek_timestamp', '1', '-ss', split.seekS.toFixed(6), '-noaccurate_seek'] }).catch(stopOnFailure),
  ]);
  for (const half of halves) {
    // A stall or a cancel is the file's; a decode error is decided by the decode in one piece.
    if (half.status === 'rejected' && !(half.reason instanceof DecodeError && options.signal?.aborted !== true)) throw half.reason;
  }
  if (halves[0].status === 'rejected' || halves[1].status === 'rejected') return null;
  const [before, after] = [halves[0].value, halves[1].value];
  if (before.errorCount > 0 || after.errorCount > 0) return null;
  if (first.frameCount !== split.framesBefore + 1 || second.frameCount !== frameCount - split.framesBefore || !first.join(second)) return null;
  return { meter: first, damage: before };
}

/** Runs one decode of the stream into `meter`. */
function decodeInto(
  meter: FrameMeter,
  path: string,
  video: VideoFacts,
  reduction: Reduction,
  { options, report, input = [], output = [] }: { options: VideoDecodeOptions; report?: (frames: number) => void; input?: string[]; output?: string[] },
): Promise<DecodeDamage> {
  const args: DecodeArgs = {
    input: [
      ...(options.threads ? ['-threads', String(options.threads)] : []),
      ...(reduction.skipLoopFilter !== 'none' ? ['-skip_loop_filter', reduction.skipLoopFilter] : []),
      ...input,
    ],
    output: ['-map', `0:${video.streamIndex}`, '-an', '-sn', '-dn', '-vsync', 'passthrough', ...output,
      '-vf', `scale=${FINE_WIDTH}:${FINE_HEIGHT}:flags=${reduction.scaler},format=yuv420p`, '-f', 'rawvideo', 'pipe:1'],
  };
  return streamRaw(
    path,
    args,
    FRAME_BYTES,
    (bytes, units) => {
      for (let i = 0; i < units; i++) meter.push(bytes, i * FRAME_BYTES);
    },
    { ...options, onDelivered: report },
  );
}

/** Reports frames decoded as the presentation time reached. */
function reportDecoded(frameTimesS: ArrayLike<number>, onDecodedS: (seconds: number) => void): (frames: number) => void {
  return (frames) => onDecodedS(frameTimesS[Math.min(frames, frameTimesS.length) - 1] ?? 0);
}
