import { describe, expect, it } from 'vitest';
import { makeAudioAnalysis, makeFacts } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

const humIn = (pausesWithHum: number, pauses = 10) =>
  makeFacts({
    audioAnalysis: makeAudioAnalysis({
      hum: { pauses, strongest: { mainsHz: 50, frequencyHz: 100, levelDbfs: -62, prominenceDb: 25, pausesWithHum, pauses, windowStartsS: [3, 9.5] } },
    }),
  });

describe('audio.hum', () => {
  it('fails when at least half of the pauses hum, naming the frequency and where', () => {
    const [finding] = runRule('audio.hum', humIn(5));
    expect(finding!.status).toBe('fail');
    expect(finding!.message).toMatch(/^50 Hz mains hum \(strongest at 100 Hz, -62 dBFS/);
    expect(finding).toMatchObject({ messageId: 'audio.hum/hum', params: { mainsHz: 50, frequencyHz: 100, levelDbfs: -62, prominenceDb: 25, pausesWithHum: 5, pauses: 10 } });
    expect(textOf(finding!, 'zh')).toBe('有 50 Hz 交流声（电源干扰的嗡嗡声）：10 个停顿中有 5 个能听到，最强在 100 Hz，-62 dBFS，比旁边的频率高 25 dB。请检查话筒线和接地，或用滤波去掉');
    expect(finding!.at).toEqual([
      { start: 3, end: 3.5 },
      { start: 9.5, end: 10 },
    ]);
  });
  it('passes a tone in a minority of pauses, and no tone at all', () => {
    expect(verdictOf('audio.hum', humIn(4))).toBe('pass');
    expect(verdictOf('audio.hum', makeFacts({ audioAnalysis: makeAudioAnalysis() }))).toBe('pass');
  });
  it('takes the share of pauses from the profile', () => {
    expect(verdictOf('audio.hum', humIn(2), { minPauseFraction: 0.2 })).toBe('fail');
  });
});
