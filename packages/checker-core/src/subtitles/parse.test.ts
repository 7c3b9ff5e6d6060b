import { describe, expect, it } from 'vitest';
import { parseSubtitles } from './parse.js';

const good = ['1', '00:00:01,000 --> 00:00:02,500', '第一句', '', '2', '00:00:03,000 --> 00:00:04,000', '第二句', '第二行', ''];

describe('parseSubtitles (SRT)', () => {
  it('reads cues with their times, lines and line numbers, with LF and CRLF alike', () => {
    for (const eol of ['\n', '\r\n']) {
      const { cues, problems } = parseSubtitles(good.join(eol), 'srt');
      expect(problems).toEqual([]);
      expect(cues).toEqual([
        { index: 1, startS: 1, endS: 2.5, lines: ['第一句'], lineNumber: 2 },
        { index: 2, startS: 3, endS: 4, lines: ['第二句', '第二行'], lineNumber: 6 },
      ]);
    }
  });

  it('names each malformed cue by its line and goes on with the rest', () => {
    const text = [
      '1', '00:00:01,000 --> 00:00:02,000', '好的', '',
      '2', '00:00:03,000-->00:00:04,000', '箭头没有空格', '',
      '3', '00:00:05,000 --> 00:0x:06,000', '坏时间', '',
      '4', '00:00:07,000 --> 00:61:08,000', '不可能的分钟', '',
      'a stray line', '',
      '6', '00:00:09.000 --> 00:00:10.000', '句号代替逗号', '',
      '7', '00:00:11,000 --> 00:00:12,000', '最后一句', '',
    ].join('\n');
    const { cues, problems } = parseSubtitles(text, 'srt');
    expect(problems.map((p) => p.lineNumber)).toEqual([6, 10, 14, 17, 20]);
    expect(problems[0]!.message).toMatch(/space on each side/);
    expect(problems[1]!.message).toMatch(/malformed timing line/);
    expect(problems[2]!.message).toMatch(/minutes and seconds run 00–59/);
    expect(problems[3]!.message).toMatch(/stray text outside any cue: "a stray line"/);
    expect(problems[4]!.message).toMatch(/comma before the milliseconds/);
    expect(cues.map((c) => c.lines[0])).toEqual(['好的', '箭头没有空格', '句号代替逗号', '最后一句']);
    expect(cues.at(-1)!.lineNumber).toBe(24);
  });

  it('keeps a cue whose end is before its start, for the timing rule to judge', () => {
    const { cues, problems } = parseSubtitles('1\n00:00:05,000 --> 00:00:04,000\n倒了\n', 'srt');
    expect(problems).toEqual([]);
    expect(cues[0]).toMatchObject({ startS: 5, endS: 4 });
  });
});

describe('parseSubtitles (WebVTT)', () => {
  it('reads cues with and without identifiers, minutes-only times and settings; skips NOTE blocks', () => {
    const text = ['WEBVTT', '', 'NOTE a comment', 'over two lines', '', 'intro', '00:01.000 --> 00:02.000 align:start', '你好', '', '01:00:03.000 --> 01:00:04.000', '<v Teacher>再见', ''].join('\n');
    const { cues, problems } = parseSubtitles(text, 'vtt');
    expect(problems).toEqual([]);
    expect(cues).toEqual([
      { index: 1, startS: 1, endS: 2, lines: ['你好'], lineNumber: 7 },
      { index: 2, startS: 3603, endS: 3604, lines: ['<v Teacher>再见'], lineNumber: 10 },
    ]);
  });

  it('reports a missing header and a bad timing line, and still reads the rest', () => {
    const { cues, problems } = parseSubtitles(['00:01.000 --> 00:02.000', '一', '', '00:03.000 -> 00:04.000', '二', '', '00:05.000 --> 00:06.000', '三'].join('\n'), 'vtt');
    expect(problems.map((p) => [p.lineNumber, p.message.slice(0, 20)])).toEqual([
      [1, 'a WebVTT file must s'],
      [4, 'the arrow must be " '],
    ]);
    expect(cues.map((c) => c.lines[0])).toEqual(['一', '二', '三']);
  });
});

describe('parseSubtitles: the strict timestamp grammar', () => {
  it.each([
    ['00:00:03,4560 --> 00:00:04,000', '00:00:03,4560', 3.456],
    ['02:00:08,90 --> 02:00:09,000', '02:00:08,90', 7208.9],
    ['00:00,000 --> 00:00:01,000', '00:00,000', 0],
    ['00:00:0,000 --> 00:00:01,000', '00:00:0,000', 0],
  ])('names %s as a malformed timestamp on its line, and still reads the cue', (timing, bad, startS) => {
    const { cues, problems } = parseSubtitles(`1\n${timing}\n一句\n\n2\n00:00:05,000 --> 00:00:06,000\n下一句\n`, 'srt');
    expect(problems).toEqual([{ lineNumber: 2, message: `malformed timestamp "${bad}": write it as HH:MM:SS,mmm` }]);
    expect(cues.map((c) => c.startS)).toEqual([startS, 5]);
  });
  it('accepts what the formats allow: SRT hours of more than two digits, WebVTT without hours', () => {
    expect(parseSubtitles('1\n100:00:00,000 --> 100:00:01,000\n长\n', 'srt').problems).toEqual([]);
    expect(parseSubtitles('WEBVTT\n\n00:01.000 --> 00:02.500\n短\n', 'vtt').problems).toEqual([]);
    expect(parseSubtitles('WEBVTT\n\n0:01.000 --> 00:02.500\n短\n', 'vtt').problems).toEqual([{ lineNumber: 3, message: 'malformed timestamp "0:01.000": write it as MM:SS.mmm or HH:MM:SS.mmm' }]);
  });
});
