/**
 * What a cheaper reduction of the pictures changes: for each file, the video pass with each lever
 * against the default (swscale `area`, deblocked), as the largest difference of each per-frame
 * statistic and every finding of every rule that differs (status, measured value, times).
 *   tsx --conditions=@courseware-check/source bench/levers.ts FILE…
 */
import { isDeepStrictEqual } from 'node:util';
import { loadProfile, probeMedia } from '@courseware-check/checker-core';
import { analyzeAudio } from '../packages/checker-core/src/analyze/audio/analyze-audio.js';
import { analyzeVideo, type Reduction } from '../packages/checker-core/src/analyze/video/analyze-video.js';
import { judge } from '../packages/checker-core/src/engine/evaluate.js';
import type { Finding, MediaFacts } from '../packages/checker-core/src/facts/index.js';

const LEVERS: Record<string, Partial<Reduction>> = {
  'fast_bilinear': { scaler: 'fast_bilinear' },
  'bilinear': { scaler: 'bilinear' },
  'skip_loop_filter noref': { skipLoopFilter: 'noref' },
  'skip_loop_filter bidir': { skipLoopFilter: 'bidir' },
  'skip_loop_filter all': { skipLoopFilter: 'all' },
};
const STATS = ['yMean', 'uMean', 'vMean', 'diff', 'cut', 'neutralShare', 'neutralU', 'neutralV'] as const;

const web = await loadProfile('web');
const only = process.env.LEVERS?.split(',');
let changedVerdicts = 0;
for (const path of process.argv.slice(2)) {
  const facts = await probeMedia(path);
  if (!facts.video) continue;
  if (facts.audio) facts.audioAnalysis = await analyzeAudio(path, facts.audio);
  const verdicts = async (reduction: Partial<Reduction>) => {
    const withVideo: MediaFacts = { ...facts, videoAnalysis: await analyzeVideo(path, facts.video!, facts.video!.frameTimesS, { reduction }) };
    return { analysis: withVideo.videoAnalysis!, findings: judge(withVideo, web, { language: 'zh' }, false) };
  };
  const base = await verdicts({});
  for (const [name, reduction] of Object.entries(LEVERS)) {
    if (only && !only.includes(name)) continue;
    const lever = await verdicts(reduction);
    const largest = STATS.map((stat) => {
      const a = base.analysis.frames[stat];
      const b = lever.analysis.frames[stat];
      let max = 0;
      for (let i = 0; i < Math.min(a.length, b.length); i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
      return `${stat} ${max.toFixed(3)}`;
    });
    const differing = base.findings.filter((f, i) => !isDeepStrictEqual(strip(f), strip(lever.findings[i]!)));
    const statusChanged = base.findings.filter((f, i) => f.status !== lever.findings[i]?.status);
    changedVerdicts += statusChanged.length;
    process.stdout.write(`${path.replace(/.*\//, '')}  ${name}: frames ${lever.analysis.frameCount}/${base.analysis.frameCount}; largest Δ ${largest.join(', ')}\n`);
    for (const f of differing) {
      const other = lever.findings[base.findings.indexOf(f)]!;
      process.stdout.write(`    ${f.rule}: ${f.status} → ${other.status}; measured ${JSON.stringify(f.measured)} → ${JSON.stringify(other.measured)}${isDeepStrictEqual(f.at, other.at) ? '' : `; at ${JSON.stringify(f.at)} → ${JSON.stringify(other.at)}`}\n`);
    }
  }
}
process.stdout.write(`verdicts changed: ${changedVerdicts}\n`);

/** A finding without its rendered words (the same for the same values). */
function strip(finding: Finding): unknown {
  const { message: _m, expected: _e, ...rest } = finding as Finding & { expected?: unknown };
  return rest;
}
