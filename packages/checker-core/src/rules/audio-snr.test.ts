import { describe, expect, it } from 'vitest';
import { makeAudioAnalysis, makeFacts, type AudioAnalysisOverrides } from '../testing/make-facts.js';
import { runRule, verdictOf } from '../testing/run-rule.js';

const withSnr = (snr: AudioAnalysisOverrides['snr']) => makeFacts({ audioAnalysis: makeAudioAnalysis({ snr }) });

describe('audio.snr', () => {
  it('passes above 50 dB and fails at or below it', () => {
    expect(verdictOf('audio.snr', withSnr({ snrDb: 50.1 }))).toBe('pass');
    const [finding] = runRule('audio.snr', withSnr({ snrDb: 50, speechLevelDbfs: -20, noiseLevelDbfs: -70 }));
    expect(finding!.status).toBe('fail');
    expect(finding!.message).toContain('noise floor -70 dBFS');
  });
  it('warns, naming the share, when the pauses are digital silence', () => {
    const [finding] = runRule('audio.snr', withSnr({ pausesAreDigitalSilence: true, digitalSilenceFrames: 15000, frameCount: 60000 }));
    expect(finding!.status).toBe('warn');
    expect(finding!.message).toContain('25% of frames');
  });
  it('skips without audio', () => {
    expect(verdictOf('audio.snr', makeFacts({ audio: null }))).toBe('skip');
  });
});
