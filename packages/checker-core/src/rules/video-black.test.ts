import { describe, expect, it } from 'vitest';
import { makeAudioAnalysis, makeFrames, withFrames } from '../testing/make-facts.js';
import { runRule, textOf } from '../testing/run-rule.js';

const programme = (...parts: [number, number][]) => makeFrames(parts.reduce((n, [count]) => n + count, 0), { yMean: parts.flatMap(([count, y]) => new Array(count).fill(y)) });
/** Narration that never pauses: no black gap can be mistaken for the end of an intro. */
const speaking = (frames: ReturnType<typeof programme>) => {
  const facts = withFrames(frames);
  facts.audioAnalysis = makeAudioAnalysis({ levelTrack: { stepS: 0.1, levelsDbfs: new Float64Array(Math.ceil(frames.count / 2.5)).fill(-20) } });
  return facts;
};

describe('video.black', () => {
  it('warns on a black stretch of ≥ 1 s in the body', () => {
    const [finding] = runRule('video.black', speaking(programme([100, 120], [50, 5], [100, 120])));
    expect(finding).toMatchObject({ status: 'warn', severity: 'warning', at: [{ start: 4, end: 6 }] });
    expect(finding).toMatchObject({ messageId: 'video.black/found', params: { count: 1, firstStartS: 4, firstEndS: 6, firstDurationS: 2 } });
    expect(textOf(finding!, 'zh')).toBe('正片中有 1 段黑场，第一段在 0:04–0:06（2 秒）：请剪掉黑场或补上画面');
  });
  it('leaves out the fades that open and close the file, and black shorter than 1 s', () => {
    expect(runRule('video.black', speaking(programme([30, 0], [100, 120], [20, 5], [100, 120], [30, 0])))[0]!.status).toBe('pass');
  });
  it('leaves out an intro that ends in black and silence', () => {
    const facts = withFrames(programme([100, 120], [50, 5], [100, 120]));
    facts.audioAnalysis = makeAudioAnalysis({ levelTrack: { stepS: 0.1, levelsDbfs: Float64Array.from({ length: 100 }, (_, i) => (i >= 40 && i < 60 ? -Infinity : -20)) } });
    expect(runRule('video.black', facts)[0]!.status).toBe('pass');
  });
});
