import { describe, expect, it } from 'vitest';
import { makeFacts, makeTrack } from '../testing/make-facts.js';
import { runRule } from '../testing/run-rule.js';

describe('subtitle.timing', () => {
  it('passes ordered, separate cues inside the video', () => {
    expect(runRule('subtitle.timing', makeFacts({ subtitles: [makeTrack([['一'], ['二']])] }))[0]!.status).toBe('pass');
  });
  it('finds overlap, zero duration, disorder, overrun and parse problems, each with its cue and line', () => {
    const track = makeTrack([['一'], ['二'], ['三'], ['四']], { problems: [{ lineNumber: 30, message: 'malformed timing line "x"' }] });
    track.cues[1]!.startS = 0.5; // overlaps cue 1 by 400 ms
    track.cues[2]!.endS = track.cues[2]!.startS; // zero duration
    track.cues[3]!.startS = 0.2; // before cue 3
    track.cues[3]!.endS = 700; // after the video's 600 s
    const [summary, ...details] = runRule('subtitle.timing', makeFacts({ subtitles: [track] }));
    expect(summary).toMatchObject({ status: 'fail', severity: 'warning', measured: { cues: 4, problems: 5, malformed: 1 } });
    expect(details.map((d) => d.message)).toEqual([
      'line 30: malformed timing line "x"',
      'cue 2 (line 6, 0:00.5): overlaps cue 1 by 400 ms',
      'cue 3 (line 10, 0:02): ends when it starts',
      'cue 4 (line 14, 0:00.2): starts before cue 3 (out of order)',
      'cue 4 (line 14, 0:00.2): ends at 11:40, after the video ends (10:00)',
    ]);
  });
});
