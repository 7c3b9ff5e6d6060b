import { describe, expect, it } from 'vitest';
import { makeAudioAnalysis, makeFacts } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

describe('audio.clipping', () => {
  it('fails clipped runs or overshoot, with their places', () => {
    const facts = makeFacts({ audioAnalysis: makeAudioAnalysis({ clipping: { peakDbfs: 0.8, clippedRuns: 4, overshootSamples: 30, ranges: [{ start: 1.2, end: 1.3 }], rangeCount: 1 } }) });
    const [finding] = runRule('audio.clipping', facts);
    expect(finding!.status).toBe('fail');
    expect(finding!.message).toBe('distortion: 4 clipped runs and 30 samples above full scale (peak +0.8 dBFS) in 1 place; lower the recording or mixing level');
    expect(finding).toMatchObject({ messageId: 'audio.clipping/clipped', params: { clippedRuns: 4, overshootSamples: 30, both: true, peakDbfs: 0.8, places: 1 } });
    expect(textOf(finding!, 'zh')).toBe('声音削波失真：4 处削顶，30 个采样超过满刻度（峰值 +0.8 dBFS），共 1 个位置：录音或混音时把音量调低一些');
    expect(finding!.at).toEqual([{ start: 1.2, end: 1.3 }]);
  });
  it('passes a clean peak', () => {
    expect(verdictOf('audio.clipping', makeFacts({ audioAnalysis: makeAudioAnalysis() }))).toBe('pass');
  });
});
