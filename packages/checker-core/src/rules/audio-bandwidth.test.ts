import { describe, expect, it } from 'vitest';
import { makeAudioAnalysis, makeFacts } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

const band = (highBelowSpeechDb: number | null) => makeFacts({ audioAnalysis: makeAudioAnalysis({ bandwidth: { highBelowSpeechDb, speechS: 41.5 } }) });

describe('audio.bandwidth', () => {
  it('warns a telephone-band narration, saying how far under', () => {
    const [finding] = runRule('audio.bandwidth', band(-61.4));
    expect(finding).toMatchObject({ status: 'warn', severity: 'warning', messageId: 'audio.bandwidth/narrow', params: { belowDb: 61.4, maxBelowDb: 35, speechS: 41.5 } });
    expect(finding!.message).toMatch(/^the narration sounds muffled or like a telephone: above 4 kHz it is 61.4 dB under/);
    expect(textOf(finding!, 'zh')).toMatch(/^解说声发闷/);
  });

  it('passes natural speech (−15 to −25 dB) and the limit itself', () => {
    expect(verdictOf('audio.bandwidth', band(-18))).toBe('pass');
    expect(verdictOf('audio.bandwidth', band(-35))).toBe('pass');
    expect(verdictOf('audio.bandwidth', band(-35.1))).toBe('warn');
    expect(verdictOf('audio.bandwidth', band(-40), { maxBelowDb: 45 })).toBe('pass');
  });

  it('warns when there was no speech to measure, and skips without audio', () => {
    expect(runRule('audio.bandwidth', band(null))[0]).toMatchObject({ status: 'warn', messageId: 'audio.bandwidth/no-speech' });
    expect(verdictOf('audio.bandwidth', makeFacts())).toBe('skip');
  });
});
