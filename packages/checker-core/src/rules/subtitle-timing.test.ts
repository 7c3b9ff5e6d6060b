import { describe, expect, it } from 'vitest';
import { makeFacts, makeTrack } from '../testing/make-facts.js';
import { runRule, textOf } from '../testing/run-rule.js';

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
    expect(summary).toMatchObject({ status: 'warn', severity: 'warning', measured: { cues: 4, problems: 5, malformed: 1 } });
    expect(details.every((d) => d.status === 'warn' && d.severity === 'warning')).toBe(true);
    expect(details.map((d) => d.messageId)).toEqual([
      'subtitle.timing/malformed',
      'subtitle.timing/overlap',
      'subtitle.timing/ends-early',
      'subtitle.timing/out-of-order',
      'subtitle.timing/after-end',
    ]);
    expect(details[1]!.params).toEqual({ cue: 2, lineNumber: 6, startS: 0.5, previousCue: 1, overlapMs: 400 });
    expect(details.map((d) => textOf(d, 'zh'))).toEqual([
      '文件第 30 行格式有误：malformed timing line "x"',
      '第 2 条字幕（文件第 6 行，0:00.5）与第 1 条重叠 400 毫秒：请调整时间，不要让两条字幕同时出现',
      '第 3 条字幕（文件第 10 行，0:02）结束时间等于开始时间：请修改它的时间',
      '第 4 条字幕（文件第 14 行，0:00.2）比第 3 条开始得还早，顺序颠倒了：请按时间顺序排列',
      '第 4 条字幕（文件第 14 行，0:00.2）在 11:40 结束，晚于视频结尾（10:00）：请删掉或提前这条字幕',
    ]);
    expect(details.map((d) => d.message)).toEqual([
      'line 30: malformed timing line "x"',
      'cue 2 (line 6, 0:00.5): overlaps cue 1 by 400 ms',
      'cue 3 (line 10, 0:02): ends when it starts',
      'cue 4 (line 14, 0:00.2): starts before cue 3 (out of order)',
      'cue 4 (line 14, 0:00.2): ends at 11:40, after the video ends (10:00)',
    ]);
  });
});
