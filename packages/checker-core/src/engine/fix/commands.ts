import { inputArgs, mediaUrl } from '../../probe/run-tool.js';
import type { LoudnormMeasurement } from './measurements.js';

/**
 * The exact argument arrays of every ffmpeg and ffprobe run of a fix. Each input goes through
 * `inputArgs()` (an absolute `file:` address, the file protocol and container demuxers only); each
 * output is a `file:` address too, never a bare name. Pure: nothing here starts a process.
 */

/** The loudness a fixed lesson is normalised to: see LOUDNESS_TARGET's note in plan.ts. */
export interface LoudnessTarget {
  integratedLufs: number;
  rangeLu: number;
  truePeakDbtp: number;
}

/** What is done to the picture of one output. */
export interface VideoEncoding {
  mode: 'copy' | 'encode';
  /** The filter chain (`-filter:v`), when encoding. */
  filters: string[];
  /** Constant bit rate, bit/s, when encoding. */
  rateBps: number | null;
  /** Output frame rate as ffmpeg reads it (`25`, `30000/1001`), when it is converted. */
  fps: string | null;
  /** x264 preset (speed against size at the same quality). */
  preset: string;
}

/** What is done to the sound of one output. */
export interface AudioEncoding {
  mode: 'copy' | 'encode';
  /** Filters before loudnorm (channels, resampling, hum, noise, levelling). */
  filters: string[];
  /** EBU R128 normalisation (the second loudnorm pass), when the loudness is fixed. */
  loudness: LoudnessTarget | null;
  rateBps: number | null;
  /** Seconds to move the sound by (negative: earlier), from the second input of the same file. */
  shiftS: number;
  /** Pad the sound with silence to this time of the input (the picture's end), when it stops early. */
  padToEndS: number | null;
  /**
   * Code left and right in full, without mid/side stereo: for audio.bitrate. ffmpeg's AAC encoder
   * spends what the content needs, and codes a narration that is the same on both sides (mono made
   * stereo) as one channel and silence, at about half its nominal rate.
   */
  fullStereo?: boolean;
}

export interface EncodeSpec {
  input: string;
  /** Where the output starts in the input, and how long it lasts (null: to the end); a placeholder while not known. */
  startS: number | string;
  durationS: number | string | null;
  video: VideoEncoding | null;
  audio: AudioEncoding | null;
  /** Text subtitle streams inside the input to carry over (as MP4 `mov_text`), by stream index. */
  subtitleStreams: number[];
  /** The file ffmpeg writes (the partial name; it is renamed when ffmpeg succeeds). */
  output: string;
  /** loudnorm's first pass; `<loudness.…>` placeholders while it has not run. */
  measured: LoudnormMeasurement | null;
  /** Output seconds per input second (below 1 when the lesson is sped up); `durationS` is in input seconds. */
  timeScale?: number;
}

/** The placeholder a plan shows for a value measured when the fix runs. */
export function placeholder(name: string): string {
  return `<${name}>`;
}

/** `file:` + the absolute path: what every output is written as (the same address inputs are read by). */
export function outputUrl(path: string): string {
  return mediaUrl(path);
}

const COMMON = ['-hide_banner', '-nostdin'];

/** Seconds as ffmpeg reads them, to the millisecond. */
export function seconds(value: number): string {
  return (Math.round(value * 1000) / 1000).toFixed(3);
}

/** The whole encode (or remux) of one output. */
export function encodeArgs(spec: EncodeSpec): string[] {
  const seek = typeof spec.startS === 'string' ? ['-ss', spec.startS] : spec.startS > 0 ? ['-ss', seconds(spec.startS)] : [];
  const args = [...COMMON, '-v', 'error', '-nostats', '-progress', 'pipe:1', '-y', ...seek, ...inputArgs(spec.input)];
  const audioInput = spec.audio && spec.audio.shiftS !== 0 ? 1 : 0;
  if (audioInput === 1) args.push(...seek, '-itsoffset', seconds(spec.audio!.shiftS), ...inputArgs(spec.input));
  if (spec.video) args.push('-map', '0:v:0');
  if (spec.audio) args.push('-map', `${audioInput}:a:0`);
  for (const index of spec.subtitleStreams) args.push('-map', `0:${index}`);
  args.push('-map_metadata', '0', '-map_chapters', '0');

  if (spec.video?.mode === 'copy') args.push('-c:v', 'copy');
  else if (spec.video) {
    const v = spec.video;
    const rate = `${Math.round(v.rateBps! / 1000)}k`;
    if (v.filters.length > 0) args.push('-filter:v', v.filters.join(','));
    args.push('-c:v', 'libx264', '-preset', v.preset, '-profile:v', 'high', '-pix_fmt', 'yuv420p');
    // Constant bit rate with filler: a still slide cannot fall under the profile's floor.
    args.push('-b:v', rate, '-minrate', rate, '-maxrate', rate, '-bufsize', rate, '-x264-params', 'nal-hrd=cbr');
    if (v.fps) args.push('-r', v.fps, '-vsync', 'cfr');
  }

  if (spec.audio?.mode === 'copy') args.push('-c:a', 'copy');
  else if (spec.audio) {
    const filters = [...spec.audio.filters];
    if (spec.audio.loudness) filters.push(loudnormFilter(spec.audio.loudness, spec.measured));
    // loudnorm works at 192 kHz: back to 48 kHz stereo, whatever came before.
    if (filters.at(-1) !== 'aresample=48000') filters.push('aresample=48000');
    if (spec.audio.padToEndS !== null && typeof spec.startS === 'number' && typeof spec.durationS !== 'string') {
      const lengthS = (spec.durationS ?? spec.audio.padToEndS - spec.startS) * (spec.timeScale ?? 1);
      filters.push(`apad=whole_len=${Math.round(lengthS * 48000)}`);
    }
    filters.push('aformat=sample_rates=48000:channel_layouts=stereo');
    args.push('-filter:a', filters.join(','), '-c:a', 'aac', '-b:a', `${Math.round(spec.audio.rateBps! / 1000)}k`, '-ar', '48000', '-ac', '2');
    if (spec.audio.fullStereo) args.push('-aac_ms', '0');
  }
  if (spec.subtitleStreams.length > 0) args.push('-c:s', 'mov_text');
  // `-t` counts output seconds.
  if (spec.durationS !== null) args.push('-t', typeof spec.durationS === 'string' ? spec.durationS : seconds(spec.durationS * (spec.timeScale ?? 1)));
  // A slow picture (a slide a second) holds back many sound packets while the encoder looks ahead.
  args.push('-max_muxing_queue_size', '4096', '-movflags', '+faststart', '-f', 'mp4', outputUrl(spec.output));
  return args;
}

/** The second loudnorm pass: the first pass's figures, linear gain where the range allows. */
export function loudnormFilter(target: LoudnessTarget, measured: LoudnormMeasurement | null): string {
  const m = (key: keyof LoudnormMeasurement) => measured?.[key] ?? placeholder(`loudness.${key}`);
  return (
    `loudnorm=I=${target.integratedLufs}:LRA=${target.rangeLu}:TP=${target.truePeakDbtp}` +
    `:measured_I=${m('input_i')}:measured_TP=${m('input_tp')}:measured_LRA=${m('input_lra')}:measured_thresh=${m('input_thresh')}` +
    `:offset=${m('target_offset')}:linear=true`
  );
}

/** loudnorm's first pass over the sound as the output will have it (same cut, same filters before it). */
export function loudnessMeasureArgs(input: string, startS: number, durationS: number | null, filters: string[], target: LoudnessTarget): string[] {
  const seek = startS > 0 ? ['-ss', seconds(startS)] : [];
  const chain = [...filters, `loudnorm=I=${target.integratedLufs}:LRA=${target.rangeLu}:TP=${target.truePeakDbtp}:print_format=json`].join(',');
  const length = durationS === null ? [] : ['-t', seconds(durationS)];
  // loudnorm prints its figures at the `info` level.
  return [...COMMON, '-v', 'info', '-nostats', '-progress', 'pipe:1', ...seek, ...inputArgs(input), '-map', '0:a:0', '-filter:a', chain, ...length, '-f', 'null', '-'];
}

/**
 * One pass that finds the natural boundaries: black (on a 64×36 copy of the picture), scene changes
 * (slides), and silence below `silenceDb` lasting at least half a second.
 */
export function boundaryArgs(input: string, silenceDb: number, hasAudio: boolean): string[] {
  const video = "scale=64:36,blackdetect=d=0.5:pix_th=0.10,select='gt(scene,0.3)',metadata=print";
  const audio = hasAudio ? ['-map', '0:a:0', '-filter:a', `silencedetect=n=${silenceDb}dB:d=0.5`] : [];
  return [...COMMON, '-v', 'info', '-nostats', '-progress', 'pipe:1', ...inputArgs(input), '-map', '0:v:0', '-filter:v', video, ...audio, '-f', 'null', '-'];
}

/** A command line a person can paste into a POSIX shell. */
export function shellLine(binary: string, args: readonly string[]): string {
  return [binary, ...args].map(shellQuote).join(' ');
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
