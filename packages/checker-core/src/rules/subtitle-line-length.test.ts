import { describe, expect, it } from 'vitest';
import { makeFacts, makeTrack } from '../testing/make-facts.js';
import { expectedOf, runRule, textOf } from '../testing/run-rule.js';

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
      messageId: 'subtitle.line-length/line',
      params: { cue: 2, lineNumber: 6, kind: 'chinese', width: 19, notSentence: false },
      message: 'cue 2 (line 6): Chinese line of width 19; Chinese line ≤ 18: break or shorten it',
      expected: 'Chinese line ≤ 18',
    });
    expect(textOf(detail!, 'zh')).toBe('第 2 条字幕（文件第 6 行）一行有 19 个字，超过要求（中文每行不超过 18 个字）：请拆成两行或删减文字');
    expect(expectedOf(detail!, 'zh')).toBe('中文每行不超过 18 个字');
    expect(summary!.message).toBe('1 line too long (of 3)');
    expect(textOf(summary!, 'zh')).toBe('字幕中有 1 行太长（共 3 行）：请把过长的行拆开或删减文字');
  });
  it('warns on a mixed line of 18–20 that is not a whole sentence', () => {
    const [summary, detail] = runRule('subtitle.line-length', makeFacts({ subtitles: [makeTrack([['汉'.repeat(18) + 'AB']])] }));
    expect(summary!.status).toBe('warn');
    expect(detail!.message).toContain('not one whole sentence');
    expect(detail!.params).toMatchObject({ kind: 'mixed', width: 19, notSentence: true });
    expect(textOf(detail!, 'zh')).toContain('中英文混合一行有 19 个字，又不是一个整句');
    expect(textOf(summary!, 'zh')).toBe('字幕中有 1 行中英文混合、宽 18–20 个字但不是整句（共 1 行）：请把过长的行拆开或删减文字');
  });
  it('measures a Cyrillic line in characters, as an alphabet, and names it', () => {
    const facts = makeFacts({ subtitles: [makeTrack([['Сегодня мы подробно изучим работу промышленного робота']])] });
    const [summary, line] = runRule('subtitle.line-length', facts);
    expect(summary!.status).toBe('fail');
    expect(line).toMatchObject({ params: { kind: 'latin', script: 'Cyrillic', chars: 54 } });
    expect(line!.message).toMatch(/^cue 1 \(line \d+\): Cyrillic line of 54 characters/);
    expect(textOf(line!, 'zh')).toMatch(/西里尔字母一行有 54 个字符/);
  });
});
