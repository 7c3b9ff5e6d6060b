import { describe, expect, it } from 'vitest';
import { makeAudioAnalysis, makeFacts } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

const withLevels = (left: number | null, right: number | null) =>
  makeFacts({
    audioAnalysis: makeAudioAnalysis({
      channelBalance: { levelsDbfs: [left, right], differenceDb: left === null || right === null ? 200 : left - right, activeFrames: 100 },
    }),
  });

describe('audio.channel-balance', () => {
  it('fails a silent channel and names it', () => {
    const [silent] = runRule('audio.channel-balance', withLevels(-20, null));
    expect(silent!.message).toMatch(/^the right channel is silent \(left -20 dBFS, right silent\)/);
    expect(silent).toMatchObject({ messageId: 'audio.channel-balance/silent', params: { silent: 'right', leftDbfs: -20, rightDbfs: null } });
    expect(textOf(silent!, 'zh')).toBe('右声道没有声音（左 -20 dBFS，右 无声）：混音时把解说声放到两个声道');
    expect(verdictOf('audio.channel-balance', withLevels(-20, -95))).toBe('fail');
  });
  it('fails more than 10 dB between the channels, passes 10 dB', () => {
    const [quieter] = runRule('audio.channel-balance', withLevels(-32, -20));
    expect(quieter!.message).toMatch(/^the left channel is 12 dB quieter/);
    expect(textOf(quieter!, 'zh')).toBe('左声道比另一边轻 12 dB（左 -32 dBFS，右 -20 dBFS）：混音时让解说声在两个声道一样响');
    expect(verdictOf('audio.channel-balance', withLevels(-30, -20))).toBe('pass');
  });
  it('skips mono', () => {
    expect(verdictOf('audio.channel-balance', makeFacts({ audioAnalysis: makeAudioAnalysis({ channels: 1 }) }))).toBe('skip');
  });
});
