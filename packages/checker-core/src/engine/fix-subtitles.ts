import { mkdir, realpath, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import type { MediaFacts } from '../facts/facts.js';
import type { Finding } from '../facts/finding.js';
import { evaluate } from './evaluate.js';
import { defaultOptionsOf } from '../rules/rule.js';
import { rulesById } from '../rules/index.js';
import type { SubtitleEncoding } from '../subtitles/encoding.js';
import { loadSubtitleFile } from '../subtitles/load.js';
import type { Cue } from '../subtitles/parse.js';
import { rewrapCues } from '../subtitles/rewrap.js';

export interface FixOptions {
  /** Where the fixed copy goes; never the original's own path. */
  outputDir: string;
  /** Re-break over-long lines (and split cues in time where two lines cannot hold them). */
  rewrap?: boolean;
}

export interface FixResult {
  inputPath: string;
  outputPath: string;
  encodingIn: SubtitleEncoding;
  cuesIn: number;
  cuesOut: number;
  /** Lines the tolerant parser could not read; they are not in the copy. */
  droppedProblems: number;
  /** subtitle.encoding and subtitle.line-length on the written copy. */
  recheck: Finding[];
  passes: boolean;
}

export class FixError extends Error {
  override name = 'FixError';
}

/** Writes a UTF-8 copy of a subtitle file with the same cues (rewrapped if asked) and re-checks it. */
export async function fixSubtitleFile(inputPath: string, options: FixOptions): Promise<FixResult> {
  const track = await loadSubtitleFile(inputPath);
  const cues = options.rewrap ? rewrapCues(track.cues) : track.cues;
  const outputPath = join(options.outputDir, basename(inputPath));
  await mkdir(options.outputDir, { recursive: true });
  const [realInput, realOutputDir] = await Promise.all([realpath(inputPath), realpath(options.outputDir)]);
  if (resolve(realOutputDir, basename(inputPath)) === realInput || realOutputDir === dirname(realInput)) {
    throw new FixError(`${inputPath}: the fixed copy would go beside or over the original; choose another --output folder`);
  }
  await writeFile(outputPath, serialize(cues, track.format), 'utf8');

  const written = await loadSubtitleFile(outputPath);
  const facts: MediaFacts = {
    kind: 'subtitle', sizeBytes: 0, durationS: null, video: null, audio: null, audioStreamCount: 0, subtitleStreams: [], chapters: [], sync: null,
    container: { signature: 'other', majorBrand: null, compatibleBrands: [], formatName: written.format, statedBitrateBps: null },
    subtitles: [written],
  };
  const recheck = ['subtitle.encoding', 'subtitle.line-length'].flatMap((id) => {
    const rule = rulesById.get(id)!;
    return evaluate({ rule, severity: rule.severity, options: defaultOptionsOf(rule) }, facts, { language: 'zh' }, false);
  });
  const passes = recheck.every((f) => f.status === 'pass' || f.status === 'skip');
  return { inputPath, outputPath, encodingIn: track.encoding.encoding, cuesIn: track.cueCount, cuesOut: cues.length, droppedProblems: track.problems.length, recheck, passes };
}

/** Well-formed output through the `subtitle` package: SRT or WebVTT as the input was. */
export function serialize(cues: readonly Cue[], format: 'srt' | 'vtt'): string {
  const nodes = cues.map((cue) => ({
    type: 'cue' as const,
    data: { start: Math.round(cue.startS * 1000), end: Math.round(cue.endS * 1000), text: cue.lines.join('\n') },
  }));
  return subtitlePackage().stringifySync(nodes, { format: format === 'vtt' ? 'WebVTT' : 'SRT' });
}

type SubtitlePackage = typeof import('subtitle');
let loaded: SubtitlePackage | undefined;
/** Loaded on first use (~25 ms): the package's root imports this file, and a check writes no subtitles. */
function subtitlePackage(): SubtitlePackage {
  loaded ??= createRequire(import.meta.url)('subtitle') as SubtitlePackage;
  return loaded;
}
