import { describe, expect, it } from 'vitest';
import { makeAudioAnalysis, makeFacts } from '../testing/make-facts.js';
import { runRule, verdictOf } from '../testing/run-rule.js';

describe('audio.clipping', () => {
  it('fails clipped runs or overshoot, with their places', () => {
    const facts = makeFacts({ audioAnalysis: makeAudioAnalysis({ clipping: { peakDbfs: 0.8, clippedRuns: 4, overshootSamples: 30, ranges: [{ start: 1.2, end: 1.3 }], rangeCount: 1 } }) });
    const [finding] = runRule('audio.clipping', facts);
    expect(finding!.status).toBe('fail');
    expect(finding!.message).toContain('4 clipped run(s) and 30 sample(s) above full scale (peak +0.8 dBFS)');
    expect(finding!.at).toEqual([{ start: 1.2, end: 1.3 }]);
  });
  it('passes a clean peak', () => {
    expect(verdictOf('audio.clipping', makeFacts({ audioAnalysis: makeAudioAnalysis() }))).toBe('pass');
  });
});
