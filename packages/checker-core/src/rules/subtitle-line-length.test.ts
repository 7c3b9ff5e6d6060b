import { describe, expect, it } from 'vitest';
import { makeFacts, makeTrack } from '../testing/make-facts.js';
import { runRule } from '../testing/run-rule.js';

describe('subtitle.line-length', () => {
  it('passes lines within the limits', () => {
    expect(runRule('subtitle.line-length', makeFacts({ subtitles: [makeTrack([['汉'.repeat(18)], ['a'.repeat(40)]])] }))[0]!.status).toBe('pass');
  });
  it('names the cue, its time, its line number and the offending line with its width', () => {
    const track = makeTrack([['好'], ['好', '汉'.repeat(19)]], { path: '01.srt' });
    const [summary, detail] = runRule('subtitle.line-length', makeFacts({ subtitles: [track] }));
    expect(summary).toMatchObject({ status: 'fail', measured: { lines: 3, tooLong: 1, warnings: 0, widest: 19 } });
    expect(detail).toMatchObject({
      status: 'fail',
      cue: 2,
      line: '汉'.repeat(19),
      measured: 19,
      subtitle: '01.srt',
      at: [{ start: 1, end: 1.9 }],
      message: 'cue 2 (line 6): chinese line of width 19; Chinese line ≤ 18',
    });
  });
  it('warns on a mixed line of 18–20 that is not a whole sentence', () => {
    const [summary, detail] = runRule('subtitle.line-length', makeFacts({ subtitles: [makeTrack([['汉'.repeat(18) + 'AB']])] }));
    expect(summary!.status).toBe('warn');
    expect(detail!.message).toContain('not one whole sentence');
  });
});
