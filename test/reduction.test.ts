import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadProfile, probeMedia, type MediaFacts } from '@courseware-check/checker-core';
import { analyzeAudio } from '../packages/checker-core/src/analyze/audio/analyze-audio.js';
import { analyzeVideo, DEFAULT_REDUCTION } from '../packages/checker-core/src/analyze/video/analyze-video.js';
import { judge } from '../packages/checker-core/src/engine/evaluate.js';
import { AAC, makeMedia, testPicture, testSound } from './helpers/media.js';

/**
 * The video pass skips the deblocking of non-reference pictures (`-skip_loop_filter noref`), which
 * no other picture is predicted from. The test media of the rule tests are x264 `ultrafast`, which
 * has neither B-frames nor deblocking: here, on files that have both (x264 `medium`, the sample
 * lessons), the statistics stay within a few hundredths of a code value of a full decode's and no
 * verdict moves.
 */
const STATS = ['yMean', 'uMean', 'vMean', 'diff', 'cut', 'neutralShare'] as const;
const SAMPLE = (name: string) => fileURLToPath(new URL(`../sample-media/${name}`, import.meta.url));

const FILES: Record<string, () => Promise<string>> = {
  'x264 medium, B-frames': () =>
    makeMedia('bframes.mp4', [...testPicture({ durationS: 6 }), ...testSound({ durationS: 6 }), '-c:v', 'libx264', '-preset', 'medium', '-g', '50', '-pix_fmt', 'yuv420p', '-threads', '1', ...AAC]),
  'sample-media/lesson-01-good.mp4': async () => SAMPLE('lesson-01-good.mp4'),
  'sample-media/lesson-05-edit-glitch.mp4 (a flash frame)': async () => SAMPLE('lesson-05-edit-glitch.mp4'),
};

describe('the video pass without the deblocking of non-reference pictures', () => {
  it('is the default', () => {
    expect(DEFAULT_REDUCTION).toEqual({ scaler: 'area', skipLoopFilter: 'noref' });
  });

  for (const [name, make] of Object.entries(FILES)) {
    it(`${name}: the same statistics within 0.05 code values, the same verdicts`, async () => {
      const path = await make();
      const facts = await probeMedia(path);
      facts.audioAnalysis = await analyzeAudio(path, facts.audio!);
      const full = await analyzeVideo(path, facts.video!, facts.video!.frameTimesS, { reduction: { skipLoopFilter: 'none' } });
      const fast = await analyzeVideo(path, facts.video!, facts.video!.frameTimesS);
      expect(fast.frameCount).toBe(full.frameCount);
      for (const stat of STATS) {
        let largest = 0;
        for (let i = 0; i < full.frameCount; i++) largest = Math.max(largest, Math.abs(full.frames[stat][i]! - fast.frames[stat][i]!));
        expect(largest, stat).toBeLessThan(0.05);
      }
      const web = await loadProfile('web');
      const verdicts = (videoAnalysis: MediaFacts['videoAnalysis']) =>
        judge({ ...facts, videoAnalysis }, web, { language: 'zh' }, false).map((f) => `${f.rule} ${f.status} ${JSON.stringify(f.at ?? [])}`);
      expect(verdicts(fast)).toEqual(verdicts(full));
    });
  }
});
