import { describe, expect, it } from 'vitest';
import { rewrapCues } from './rewrap.js';
import { judgeLine, measureLine } from './width.js';

const cue = (lines: string[], startS = 10, endS = 16) => ({ index: 1, startS, endS, lines, lineNumber: 2 });
const allFit = (lines: string[]) => lines.every((l) => judgeLine(measureLine(l)).status === 'pass');

describe('rewrapCues', () => {
  it('leaves cues that fit alone', () => {
    expect(rewrapCues([cue(['短句。'])])).toEqual([cue(['短句。'])]);
  });

  it('breaks a long Chinese line into two lines, preferring the comma', () => {
    const [out, ...rest] = rewrapCues([cue(['数控机床的操作需要严格遵守安全规范，每一步都要仔细确认。'])]);
    expect(rest).toEqual([]);
    expect(out!.lines).toEqual(['数控机床的操作需要严格遵守安全规范，', '每一步都要仔细确认。']);
  });

  it('never breaks inside a Latin word', () => {
    const [out] = rewrapCues([cue(['Programmable logic controllers coordinate industrial robots safely.'])]);
    expect(out!.lines).toHaveLength(2);
    const words = new Set('Programmable logic controllers coordinate industrial robots safely.'.split(' '));
    for (const line of out!.lines) for (const word of line.split(' ')) expect(words.has(word)).toBe(true);
    expect(allFit(out!.lines)).toBe(true);
  });

  it('splits a cue in time by text length when two lines cannot hold it', () => {
    const text = '第一部分介绍机床结构，第二部分讲解操作面板，第三部分演示加工过程，第四部分总结注意事项。';
    const out = rewrapCues([cue([text], 10, 16)]);
    expect(out.length).toBeGreaterThan(1);
    expect(out.every((c) => c.lines.length <= 2 && allFit(c.lines))).toBe(true);
    expect(out[0]!.startS).toBe(10);
    expect(out.at(-1)!.endS).toBe(16);
    for (let i = 1; i < out.length; i++) expect(out[i]!.startS).toBe(out[i - 1]!.endS);
    expect(out.map((c) => c.lines.join('')).join('')).toBe(text);
    expect(out.map((c) => c.index)).toEqual(out.map((_, i) => i + 1));
  });
});
