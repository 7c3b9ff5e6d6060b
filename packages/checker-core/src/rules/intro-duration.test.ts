import { describe, expect, it } from 'vitest';
import { makeFacts, makeFrames, withFrames } from '../testing/make-facts.js';
import { runRule, textOf } from '../testing/run-rule.js';

describe('intro.duration', () => {
  it('takes a chapter named 片头 / intro exactly', () => {
    const facts = makeFacts({ chapters: [{ title: '片头', startS: 0, endS: 12 }, { title: '正文', startS: 12, endS: 600 }] });
    const [long] = runRule('intro.duration', facts);
    expect(long).toMatchObject({ status: 'fail', measured: { durationS: 12, source: 'chapter' }, messageId: 'intro.duration/too-long', params: { durationS: 12, maxS: 10, source: 'chapter' } });
    expect(long!.message).toBe('intro lasts 12 s, over 10 s (chapter "片头" 0–12 s); shorten it');
    expect(textOf(long!, 'zh')).toBe('片头长 12 秒，超过 10 秒（章节“片头”，0–12 秒）：请把片头剪到 10 秒以内');
    expect(runRule('intro.duration', makeFacts({ chapters: [{ title: 'Intro', startS: 0, endS: 8 }] }))[0]!.status).toBe('pass');
  });
  it('finds a black gap with silence in the first 30 s', () => {
    const yMean = [...new Array(150).fill(90), ...new Array(10).fill(3), ...new Array(340).fill(120)];
    const levels = Float64Array.from({ length: 200 }, (_, i) => (i >= 60 && i < 64 ? -Infinity : -20));
    const facts = withFrames(makeFrames(500, { yMean }), {});
    facts.audioAnalysis = { ...(facts.audioAnalysis ?? ({} as never)), levelTrack: { stepS: 0.1, levelsDbfs: levels } } as never;
    const [found] = runRule('intro.duration', facts);
    expect(found).toMatchObject({ status: 'pass', measured: { durationS: 6.4, source: 'signal' } });
    expect(found!.message).toBe('intro 6.4 s (black 6–6.4 s with silence from 6 s)');
    expect(textOf(found!, 'zh')).toBe('片头 6.4 秒（6–6.4 秒黑场，同时从 6 秒起静音）');
  });
  it('warns "not detected" when nothing marks the end of an intro', () => {
    const [missing] = runRule('intro.duration', withFrames(makeFrames(500)));
    expect(missing).toMatchObject({ status: 'warn', messageId: 'intro.duration/not-detected', message: expect.stringMatching(/^intro not detected/) });
    expect(textOf(missing!, 'zh')).toMatch(/^没有找到片头在哪里结束/);
  });
});
