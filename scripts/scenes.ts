/**
 * Programmes built from lavfi segments with known truth, for sample media and tests: each segment
 * is a video chain and an audio chain of the same length; `programmeArgs` concatenates them.
 */
import { speechLikeExpression } from './speech-like.js';

export interface Segment {
  video: string;
  audio: string;
}

export interface SceneSize {
  size: string;
  rate: string;
}

/** Narration over a faint room noise; another `voice` (fundamental, phrasing) makes another lesson. */
export const speech = (s: number, voice: Parameters<typeof speechLikeExpression>[0] = {}) =>
  `aevalsrc=exprs=${speechLikeExpression({ peak: 0.4, ...voice })}+0.0001*(2*random(0)-1):s=48000:d=${s}`;
export const silence = (s: number) => `anullsrc=r=48000:cl=stereo,atrim=duration=${s}`;
/** The faint noise of a quiet room (about −85 dBFS): a pause that is not digital silence. */
export const roomTone = (s: number) => `aevalsrc=exprs=0.0001*(2*random(0)-1):s=48000:d=${s}`;
/** A chord, fading out over its last half second (unless `fadeOut` is false): title music. */
export const music = (s: number, fadeOut = true) =>
  `aevalsrc=exprs=0.1*sin(2*PI*440*t)+0.08*sin(2*PI*554*t)+0.06*sin(2*PI*659*t):s=48000:d=${s}${fadeOut ? `,afade=t=out:st=${s - 0.5}:d=0.5` : ''}`;

export function scenes({ size, rate }: SceneSize = { size: '320x180', rate: '25' }) {
  return {
    moving: (s: number, extra = '') => `testsrc2=s=${size}:r=${rate}:d=${s}${extra}`,
    /** A static slide: a flat background with a dark box. */
    slide: (s: number, colour = '0xC8C8C8', boxX = 40, extra = '') =>
      `color=c=${colour}:s=${size}:r=${rate}:d=${s},drawbox=x=${boxX}:y=40:w=120:h=60:color=0x303030:t=fill${extra}`,
    black: (s: number) => `color=c=black:s=${size}:r=${rate}:d=${s}`,
    /** A title or credits card that may fade out over its last half second. */
    card: (s: number, fadeOut = true) =>
      `color=c=0x3060A0:s=${size}:r=${rate}:d=${s},drawbox=x=iw/5:y=ih*0.4:w=iw*0.6:h=ih/5:color=white:t=fill${fadeOut ? `,fade=t=out:st=${s - 0.5}:d=0.5` : ''}`,
  };
}

/** ffmpeg arguments (before the encoder options and output) that concatenate the segments. */
export function programmeArgs(segments: Segment[]): string[] {
  const chains = segments.flatMap((s, i) => [`${s.video},format=yuv420p,setsar=1[v${i}]`, `${s.audio},aformat=sample_rates=48000:channel_layouts=stereo[a${i}]`]);
  const graph = `${chains.join(';')};${segments.map((_, i) => `[v${i}][a${i}]`).join('')}concat=n=${segments.length}:v=1:a=1[v][a]`;
  return ['-filter_complex', graph, '-map', '[v]', '-map', '[a]'];
}
