import { describe, expect, it } from 'vitest';
import { probeMedia, type FrameStats } from '@courseware-check/checker-core';
import { analyzeInHalves, analyzeVideo, analyzeWhole, DEFAULT_REDUCTION, middleKeyframe } from '../packages/checker-core/src/analyze/video/analyze-video.js';
import { AAC, makeMedia, testSound } from './helpers/media.js';

/**
 * A file checked alone has its picture stream decoded in two halves side by side, split at the
 * keyframe nearest the middle (analyze/video/analyze-video.ts). Here the halves give exactly what
 * one decode gives, frame for frame and value for value, and where they cannot (an open group of
 * pictures), the check still does.
 */
const DURATION_S = 40;
const moving = ['-f', 'lavfi', '-i', `testsrc2=size=320x180:rate=25:duration=${DURATION_S}`];
const still = ['-f', 'lavfi', '-i', `smptebars=size=320x180:rate=25:duration=${DURATION_S}`];
const sound = testSound({ durationS: DURATION_S });
const x264 = (preset: string, params = '') => ['-c:v', 'libx264', '-preset', preset, '-g', '50', '-pix_fmt', 'yuv420p', '-threads', '1', ...(params ? ['-x264-params', params] : [])];

const FILES: Record<string, { make: () => Promise<string>; halves: boolean }> = {
  'x264 medium (B-frames, an edit list), moving picture, with sound': { make: () => makeMedia('halves-medium.mp4', [...moving, ...sound, ...x264('medium'), ...AAC]), halves: true },
  'x264 ultrafast (no B-frames)': { make: () => makeMedia('halves-ultrafast.mp4', [...moving, ...x264('ultrafast')]), halves: true },
  'a still picture (every frame repeats the last, across the split too)': { make: () => makeMedia('halves-still.mp4', [...still, ...sound, ...x264('medium'), ...AAC]), halves: true },
  'QuickTime': { make: () => makeMedia('halves.mov', [...moving, ...sound, ...x264('medium'), ...AAC]), halves: true },
  'Matroska': { make: () => makeMedia('halves.mkv', [...moving, ...sound, ...x264('medium'), ...AAC]), halves: true },
  // The second half starts at a keyframe whose leading B-frames refer to the group before it.
  'open groups of pictures (decoded in one piece instead)': { make: () => makeMedia('halves-open-gop.mp4', [...moving, ...x264('medium', 'open-gop=1')]), halves: false },
};

function expectSameFrames(actual: FrameStats, expected: FrameStats): void {
  expect(actual.count).toBe(expected.count);
  for (const column of Object.keys(expected) as (keyof FrameStats)[]) {
    if (column === 'count') continue;
    const [a, b] = [actual[column], expected[column]];
    let differing = 0;
    for (let i = 0; i < expected.count; i++) if (!Object.is(a[i], b[i])) differing++;
    expect(differing, column).toBe(0);
  }
}

describe('the picture stream decoded in two halves side by side', () => {
  for (const [name, { make, halves }] of Object.entries(FILES)) {
    it(`${name}: the statistics of one decode, value for value`, async () => {
      const path = await make();
      const { video } = await probeMedia(path);
      const split = middleKeyframe(video!, video!.frameTimesS);
      expect(split).not.toBeNull();
      // A keyframe every 50 frames: the middle one is at most 25 frames from the middle.
      expect(Math.abs(split!.framesBefore - video!.frameTimesS.length / 2)).toBeLessThanOrEqual(25);
      const whole = await analyzeWhole(path, video!, video!.frameTimesS, DEFAULT_REDUCTION, {});
      const inHalves = await analyzeInHalves(path, video!, video!.frameTimesS, split!, DEFAULT_REDUCTION, {});
      expect(inHalves !== null).toBe(halves);
      if (inHalves) expectSameFrames(inHalves.meter.finish(video!.frameTimesS, 0.04), whole.meter.finish(video!.frameTimesS, 0.04));
      // The check as it runs (halves where they serve) gives one decode's figures either way.
      const checked = await analyzeVideo(path, video!, video!.frameTimesS);
      const single = await analyzeVideo(path, video!, video!.frameTimesS, { halves: false });
      expect(checked.frameCount).toBe(DURATION_S * 25);
      // Clean files: nothing counts as damage (ffmpeg's complaint about the raw output's timestamps,
      // which Matroska with B-frames draws, is about our pipe, not the file).
      expect(single.damage.errorCount).toBe(0);
      expect(checked.damage).toEqual(single.damage);
      expectSameFrames(checked.frames, single.frames);
    });
  }

  it('a short stream, or one whose first frames an edit list hides, is decoded in one piece', async () => {
    const short = await probeMedia(await makeMedia('halves-short.mp4', ['-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25:duration=20', ...x264('medium')]));
    expect(middleKeyframe(short.video!, short.video!.frameTimesS)).toBeNull();
    const source = await makeMedia('halves-medium.mp4', [...moving, ...sound, ...x264('medium'), ...AAC]);
    const cut = await probeMedia(await makeMedia('halves-cut.mp4', ['-ss', '1.3', '-i', source, '-c', 'copy']));
    expect(cut.video!.seekIndex.discardedPacketCount).toBeGreaterThan(0);
    expect(middleKeyframe(cut.video!, cut.video!.frameTimesS)).toBeNull();
  });
});
