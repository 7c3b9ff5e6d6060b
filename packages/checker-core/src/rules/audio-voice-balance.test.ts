import { describe, expect, it } from 'vitest';
import type { VoiceBalance } from '../facts/measurements.js';
import { makeAudioAnalysis, makeFacts } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

const withBed = (voiceBalance: Partial<VoiceBalance>) => makeFacts({ audioAnalysis: makeAudioAnalysis({ voiceBalance }) });
const music = (differenceLu: number) => withBed({ speechLufs: -20, bedLufs: -20 - differenceLu, differenceLu, pauseS: 12.3, bedSpreadDb: 7.8, bed: 'moving' });

describe('audio.voice-balance', () => {
  it('fails a music bed less than 10 LU under the narration, with both levels', () => {
    const [finding] = runRule('audio.voice-balance', music(8.5));
    expect(finding).toMatchObject({ status: 'fail', messageId: 'audio.voice-balance/bed-too-loud', params: { speechLufs: -20, bedLufs: -28.5, differenceLu: 8.5, pauseS: 12.3, minDifferenceLu: 10 } });
    expect(finding!.message).toMatch(/^the music or sound under the narration is too loud: the narration \(-20 LUFS\) is only 8.5 LU above it/);
    expect(textOf(finding!, 'zh')).toMatch(/^背景音乐或现场声太响/);
  });

  it('passes a bed 10 LU or more under, and takes the threshold from the profile', () => {
    expect(verdictOf('audio.voice-balance', music(10))).toBe('pass');
    expect(verdictOf('audio.voice-balance', music(14.8))).toBe('pass');
    expect(verdictOf('audio.voice-balance', music(14.8), { minDifferenceLu: 15 })).toBe('fail');
  });

  it('passes silent pauses and a steady floor whatever its level (noise is audio.snr’s matter)', () => {
    expect(runRule('audio.voice-balance', withBed({ bed: 'silent', bedLufs: null, differenceLu: null }))[0]).toMatchObject({ status: 'pass', messageId: 'audio.voice-balance/silent' });
    const steady = runRule('audio.voice-balance', withBed({ bed: 'steady', bedLufs: -30, differenceLu: 10, bedSpreadDb: 0.3 }))[0]!;
    expect(steady).toMatchObject({ status: 'pass', messageId: 'audio.voice-balance/steady', params: { spreadDb: 0.3 } });
  });

  it('warns when no pause between utterances lets the bed be heard alone', () => {
    expect(runRule('audio.voice-balance', withBed({ bed: 'none', bedLufs: null, differenceLu: null, pauseS: 0 }))[0]).toMatchObject({ status: 'warn', messageId: 'audio.voice-balance/no-pauses' });
  });

  it('skips a file without audio', () => {
    expect(verdictOf('audio.voice-balance', makeFacts())).toBe('skip');
  });
});
