import { describe, expect, it } from 'vitest';
import { makeAudioAnalysis, makeFacts, type AudioAnalysisOverrides } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

const withSnr = (snr: AudioAnalysisOverrides['snr']) => makeFacts({ audioAnalysis: makeAudioAnalysis({ snr }) });

describe('audio.snr', () => {
  it('passes above 50 dB and fails at or below it', () => {
    expect(verdictOf('audio.snr', withSnr({ snrDb: 50.1 }))).toBe('pass');
    const [finding] = runRule('audio.snr', withSnr({ snrDb: 50, speechLevelDbfs: -20, noiseLevelDbfs: -70 }));
    expect(finding!.status).toBe('fail');
    expect(finding!.message).toContain('noise floor -70 dBFS');
    expect(finding).toMatchObject({ messageId: 'audio.snr/noisy', params: { snrDb: 50, speechDbfs: -20, noiseDbfs: -70, minSnrDb: 50 } });
    expect(textOf(finding!, 'zh')).toBe('信噪比 50 dB，须大于 50 dB（语音 -20 dBFS，底噪 -70 dBFS）：停顿时能听到背景噪声。请在安静的地方重新录音，或做降噪处理');
  });
  it('warns, naming the share, when the pauses are digital silence', () => {
    const [finding] = runRule('audio.snr', withSnr({ pausesAreDigitalSilence: true, digitalSilenceFrames: 15000, frameCount: 60000 }));
    expect(finding!.status).toBe('warn');
    expect(finding!.message).toContain('25% of frames');
    expect(textOf(finding!, 'zh')).toContain('占 25% 的时间');
  });
  it('skips without audio', () => {
    expect(verdictOf('audio.snr', makeFacts({ audio: null }))).toBe('skip');
  });
});
