import { describe, expect, it } from 'vitest';
import { makeAudioAnalysis, makeFacts } from '../testing/make-facts.js';
import { runRule, verdictOf } from '../testing/run-rule.js';

const withLevels = (left: number | null, right: number | null) =>
  makeFacts({
    audioAnalysis: makeAudioAnalysis({
      channelBalance: { levelsDbfs: [left, right], differenceDb: left === null || right === null ? 200 : left - right, activeFrames: 100 },
    }),
  });

describe('audio.channel-balance', () => {
  it('fails a silent channel and names it', () => {
    expect(runRule('audio.channel-balance', withLevels(-20, null))[0]!.message).toMatch(/^the right channel is silent/);
    expect(verdictOf('audio.channel-balance', withLevels(-20, -95))).toBe('fail');
  });
  it('fails more than 10 dB between the channels, passes 10 dB', () => {
    expect(runRule('audio.channel-balance', withLevels(-32, -20))[0]!.message).toMatch(/^the left channel is 12 dB quieter/);
    expect(verdictOf('audio.channel-balance', withLevels(-30, -20))).toBe('pass');
  });
  it('skips mono', () => {
    expect(verdictOf('audio.channel-balance', makeFacts({ audioAnalysis: makeAudioAnalysis({ channels: 1 }) }))).toBe('skip');
  });
});
