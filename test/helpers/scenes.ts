import { programmeArgs, scenes, type Segment } from '../../scripts/scenes.js';
import { makeMedia } from './media.js';

export { music, silence, speech, type Segment } from '../../scripts/scenes.js';
export const { moving, slide, black, card } = scenes();

/** Concatenates segments into an H.264/AAC MP4; `extra` goes before (`inputs`) and after the graph. */
export function programme(name: string, segments: Segment[], extra: { inputs?: string[]; options?: string[] } = {}): Promise<string> {
  return makeMedia(`${name}.mp4`, [
    ...(extra.inputs ?? []),
    ...programmeArgs(segments),
    ...(extra.options ?? []),
    '-c:v', 'libx264', '-preset', 'ultrafast', '-threads', '1', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '192k',
  ]);
}
