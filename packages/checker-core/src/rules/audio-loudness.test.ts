import { describe, expect, it } from 'vitest';
import { makeAudioAnalysis, makeFacts, type AudioAnalysisOverrides } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

const withLoudness = (loudness: AudioAnalysisOverrides['loudness']) => makeFacts({ audioAnalysis: makeAudioAnalysis({ loudness }) });

describe('audio.loudness', () => {
  it('passes a steady file', () => {
    expect(verdictOf('audio.loudness', withLoudness({}))).toBe('pass');
  });
  it('fails, as a warning, a range over 10 LU and each swing with its time', () => {
    const [finding] = runRule('audio.loudness', withLoudness({ loudnessRangeLu: 12.3, swings: [{ start: 61, end: 75, medianLufs: -12, deviationLu: 8 }] }));
    expect(finding!.status).toBe('warn');
    expect(finding!.severity).toBe('warning');
    expect(finding!.message).toContain('loudness range 12.3 LU; louder by 8 LU at 1:01–1:15');
    expect(finding!.params.problems).toEqual([
      { messageId: 'audio.loudness/range', params: { rangeLu: 12.3 } },
      { messageId: 'audio.loudness/swing', params: { louder: true, deviationLu: 8, startS: 61, endS: 75 } },
    ]);
    expect(textOf(finding!, 'zh')).toMatch(/^音量忽大忽小：响度范围 12.3 LU；1:01–1:15 偏响 8 LU（整体响度 .* LUFS，响度范围 12.3 LU）。请在混音时把音量调平稳/);
    expect(finding!.at).toEqual([{ start: 61, end: 75 }]);
  });
  it('takes the range limit from the profile', () => {
    expect(verdictOf('audio.loudness', withLoudness({ loudnessRangeLu: 12 }), { maxRangeLu: 15 })).toBe('pass');
  });
});
