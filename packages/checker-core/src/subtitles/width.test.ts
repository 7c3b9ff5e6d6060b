import { describe, expect, it } from 'vitest';
import { judgeLine, measureLine, stripMarkup, lettersByScript } from './width.js';

const han = (n: number) => '汉'.repeat(n);
const latin = (n: number) => 'a'.repeat(n);

/** [line, width, kind, verdict] — the counting rule of RULES.md, case by case. */
const CASES: [string, number, string, 'pass' | 'warn' | 'fail'][] = [
  [han(18), 18, 'chinese', 'pass'],
  [han(19), 19, 'chinese', 'fail'],
  [han(17) + '。', 18, 'chinese', 'pass'], // full-width full stop counts 1
  [han(18) + '。', 19, 'chinese', 'fail'],
  [han(16) + '，', 17, 'chinese', 'pass'],
  ['《' + han(16) + '》', 18, 'chinese', 'pass'],
  ['“' + han(16) + '”', 18, 'chinese', 'pass'], // curly quotes are full-width in Chinese text
  [han(16) + '……', 18, 'chinese', 'pass'],
  [han(16) + '——', 18, 'chinese', 'pass'],
  [han(17) + ',', 17.5, 'chinese', 'pass'], // half-width comma counts ½
  [han(18) + ' ', 18, 'chinese', 'pass'], // trailing space trimmed
  ['你好, 世界', 5, 'chinese', 'pass'],
  ['第1讲', 2.5, 'mixed', 'pass'], // a digit makes it mixed
  [han(19) + 'A.', 20, 'mixed', 'pass'], // width 20 as one whole sentence
  [han(19) + 'AB', 20, 'mixed', 'warn'], // 20 but not a whole sentence
  [han(18) + 'A', 18.5, 'mixed', 'warn'],
  [han(18), 18, 'chinese', 'pass'],
  [han(20) + 'A。', 21.5, 'mixed', 'fail'],
  [han(19) + 'ABC', 20.5, 'mixed', 'fail'],
  [han(10) + 'CNC机床' + '。', 14.5, 'mixed', 'pass'],
  [han(15) + 'ＡＢ。', 18, 'mixed', 'pass'], // full-width Latin letters count 1
  [latin(40), 20, 'latin', 'pass'],
  [latin(41), 20.5, 'latin', 'fail'],
  ['a'.repeat(20) + ' ' + 'b'.repeat(19), 20, 'latin', 'pass'], // spaces count
  ['a'.repeat(20) + ' ' + 'b'.repeat(20), 20.5, 'latin', 'fail'],
  ['1234567890'.repeat(4), 20, 'latin', 'pass'], // digits only: Latin
  ['“' + latin(38) + '”', 20, 'latin', 'pass'], // curly quotes are half-width in English
  ['<i>' + han(18) + '</i>', 18, 'chinese', 'pass'], // markup stripped
  ['<font color="#ffff00">' + han(18) + '</font>', 18, 'chinese', 'pass'],
  ['{\\an8}' + han(18), 18, 'chinese', 'pass'],
  ['<c.yellow>' + latin(40) + '</c>', 20, 'latin', 'pass'],
  [han(17) + '😀', 18, 'chinese', 'pass'], // emoji are East Asian Wide
  [han(18) + '😀', 19, 'chinese', 'fail'],
  ['é'.normalize('NFD').repeat(40), 20, 'latin', 'pass'], // combining accents take no column
  ['', 0, 'empty', 'pass'],
  ['カタカナ' + han(14), 18, 'chinese', 'pass'], // kana count 1
];

describe('the line-width rule', () => {
  it.each(CASES)('%j → width %d, %s, %s', (line, width, kind, verdict) => {
    const measure = measureLine(line);
    expect(measure.width).toBe(width);
    expect(measure.kind).toBe(kind);
    expect(judgeLine(measure).status).toBe(verdict);
  });

  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it('strips VTT timestamps and ASS overrides but keeps text in angle quotes', () => {
    expect(stripMarkup('<00:00:01.500>你好{\\i1}世界')).toBe('你好世界');
    expect(stripMarkup('a < b and c > d')).toBe('a < b and c > d');
  });
});

describe('letters by script', () => {
  it('counts the letters of every script, so that Cyrillic and Greek are not taken for Chinese', () => {
    expect(lettersByScript('Привет, мир! 你好 Hello <i>Γειά</i> 123')).toEqual({ Cyrillic: 9, Han: 2, Latin: 5, Greek: 4 });
    expect(lettersByScript('。，……123')).toEqual({});
  });
  it('measures an alphabetic line of any script in characters, and names its script', () => {
    expect(measureLine('Сегодня мы изучим работу промышленного робота')).toMatchObject({ kind: 'latin', script: 'Cyrillic', width: 22.5 });
    expect(measureLine('Σήμερα μαθαίνουμε')).toMatchObject({ kind: 'latin', script: 'Greek' });
    expect(measureLine('今天学习 робот')).toMatchObject({ kind: 'mixed', script: 'Cyrillic' });
    expect(measureLine('今天我们学习机器人')).toMatchObject({ kind: 'chinese', script: 'Han' });
  });
});
