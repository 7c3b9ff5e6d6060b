import { speechLikeExpression } from '../../scripts/speech-like.js';
import { makeMedia } from './media.js';

/** One stretch of a generated programme: a lavfi video chain and an audio chain of the same length. */
export interface Segment {
  video: string;
  audio: string;
}

const SIZE = '320x180';
const SPEECH = `${speechLikeExpression({ peak: 0.4 })}+0.0001*(2*random(0)-1)`;

export const speech = (s: number) => `aevalsrc=exprs=${SPEECH}:s=48000:d=${s}`;
export const silence = (s: number) => `anullsrc=r=48000:cl=stereo,atrim=duration=${s}`;
/** A chord, fading out over its last half second: title music. */
export const music = (s: number) => `aevalsrc=exprs=0.1*sin(2*PI*440*t)+0.08*sin(2*PI*554*t)+0.06*sin(2*PI*659*t):s=48000:d=${s},afade=t=out:st=${s - 0.5}:d=0.5`;

export const moving = (s: number, extra = '') => `testsrc2=s=${SIZE}:r=25:d=${s}${extra}`;
/** A static slide: a flat background with a dark box. */
export const slide = (s: number, colour = '0xC8C8C8', boxX = 40, extra = '') =>
  `color=c=${colour}:s=${SIZE}:r=25:d=${s},drawbox=x=${boxX}:y=40:w=120:h=60:color=0x303030:t=fill${extra}`;
export const black = (s: number) => `color=c=black:s=${SIZE}:r=25:d=${s}`;
/** A title or credits card that fades out over its last half second. */
export const card = (s: number, fadeOut = true) =>
  `color=c=0x3060A0:s=${SIZE}:r=25:d=${s},drawbox=x=60:y=70:w=200:h=40:color=white:t=fill${fadeOut ? `,fade=t=out:st=${s - 0.5}:d=0.5` : ''}`;

/** Concatenates segments into an H.264/AAC MP4 (extra args before the output, e.g. chapters). */
export function programme(name: string, segments: Segment[], extra: string[] = []): Promise<string> {
  const chains = segments.flatMap((s, i) => [`${s.video},format=yuv420p,setsar=1[v${i}]`, `${s.audio},aformat=sample_rates=48000:channel_layouts=stereo[a${i}]`]);
  const graph = `${chains.join(';')};${segments.map((_, i) => `[v${i}][a${i}]`).join('')}concat=n=${segments.length}:v=1:a=1[v][a]`;
  return makeMedia(`${name}.mp4`, [
    ...extra.slice(0, extra.indexOf('--') < 0 ? 0 : extra.indexOf('--')),
    '-filter_complex', graph, '-map', '[v]', '-map', '[a]',
    ...extra.slice(extra.indexOf('--') + 1),
    '-c:v', 'libx264', '-preset', 'ultrafast', '-threads', '1', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '192k',
  ]);
}
