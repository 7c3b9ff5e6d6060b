import type { VideoAnalysis, VideoFacts } from '../../facts/facts.js';
import { damageOf, streamRaw, type PassOptions } from '../decode-stream.js';
import { ANALYSIS_HEIGHT, ANALYSIS_WIDTH, FINE_HEIGHT, FINE_WIDTH, FRAME_BYTES, FrameMeter } from './frame-stats.js';

export interface VideoDecodeOptions extends PassOptions {
  /** ffmpeg decoder threads; 1 when several files are decoded at once (more throughput in a batch). */
  threads?: number;
  /** How each picture is reduced (the defaults unless a benchmark measures another way; see bench/levers.ts). */
  reduction?: Partial<Reduction>;
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
  const meter = new FrameMeter(frameTimesS.length || undefined, video.displayWidth / video.displayHeight || undefined);
  const reduction = { ...DEFAULT_REDUCTION, ...options.reduction };
  const args = {
    input: [...(options.threads ? ['-threads', String(options.threads)] : []), ...(reduction.skipLoopFilter !== 'none' ? ['-skip_loop_filter', reduction.skipLoopFilter] : [])],
    output: ['-map', `0:${video.streamIndex}`, '-an', '-sn', '-dn', '-vsync', 'passthrough',
      '-vf', `scale=${FINE_WIDTH}:${FINE_HEIGHT}:flags=${reduction.scaler},format=yuv420p`, '-f', 'rawvideo', 'pipe:1'],
  };
  const damage = await streamRaw(
    path,
    args,
    FRAME_BYTES,
    (bytes, units) => {
      for (let i = 0; i < units; i++) meter.push(bytes, i * FRAME_BYTES);
    },
    { ...options, onDelivered: options.onDecodedS && ((frames) => options.onDecodedS!(frameTimesS[Math.min(frames, frameTimesS.length) - 1] ?? 0)) },
  );
  const frames = meter.finish(frameTimesS, video.timing.nominalFrameDurationS ?? 0.04);
  return { frameCount: frames.count, damage: damageOf(damage, (frame) => frameTimesS[Math.min(frame, frameTimesS.length - 1)] ?? 0), analysisWidth: ANALYSIS_WIDTH, analysisHeight: ANALYSIS_HEIGHT, frames };
}
