import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Cue } from '../../facts/measurements.js';
import { loadSubtitleFile } from '../../subtitles/load.js';
import { fixSubtitleFile, serialize } from '../fix-subtitles.js';
import type { SubtitlePlan } from './plan.js';

/**
 * Cues shown between `fromS` and `toS` of the original, on the clock of a lesson that starts at
 * `fromS` and plays `1 / timeScale` times as fast.
 */
export function retimeCues(cues: readonly Cue[], fromS: number, toS: number | null, timeScale = 1): Cue[] {
  const out: Cue[] = [];
  for (const cue of cues) {
    const startS = (Math.max(cue.startS, fromS) - fromS) * timeScale;
    const endS = (Math.min(cue.endS, toS ?? Infinity) - fromS) * timeScale;
    // A sliver left by the cut (under 0.1 s) would only flash.
    if (endS - startS < 0.1) continue;
    out.push({ ...cue, index: out.length + 1, startS: round3(startS), endS: round3(endS) });
  }
  return out;
}

/**
 * Writes a sidecar's copies beside the fixed lesson (or its parts): copied byte for byte when it
 * passes and the lesson is not cut; else through the subtitle fixer (UTF-8, re-broken lines), and
 * re-timed for each part. Returns the paths written.
 */
export async function writeSidecars(plan: SubtitlePlan, outputDir: string): Promise<string[]> {
  const cut = plan.outputs.some((o) => o.fromS > 0 || o.toS !== null || (o.timeScale ?? 1) !== 1);
  if (!cut && plan.outputs.length === 1) {
    const target = plan.outputs[0]!.path;
    if (!plan.fix) await copyFile(plan.source, target);
    else {
      const fixed = await fixSubtitleFile(plan.source, { outputDir, rewrap: plan.rewrap });
      if (fixed.outputPath !== target) await copyFile(fixed.outputPath, target);
    }
    return [target];
  }
  // Cut: read the cues (through the fixer first when they need it), then write each part's share.
  const scratch = await mkdtemp(join(outputDir, '.fix-subtitles-'));
  try {
    const readable = plan.fix ? (await fixSubtitleFile(plan.source, { outputDir: scratch, rewrap: plan.rewrap })).outputPath : plan.source;
    const track = await loadSubtitleFile(readable);
    const written: string[] = [];
    for (const output of plan.outputs) {
      await writeFile(output.path, serialize(retimeCues(track.cues, output.fromS, output.toS, output.timeScale), track.format), 'utf8');
      written.push(output.path);
    }
    return written;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
