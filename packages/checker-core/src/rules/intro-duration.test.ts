import { describe, expect, it } from 'vitest';
import { makeFacts, makeFrames, withFrames } from '../testing/make-facts.js';
import { runRule } from '../testing/run-rule.js';

describe('intro.duration', () => {
  it('takes a chapter named 片头 / intro exactly', () => {
    const facts = makeFacts({ chapters: [{ title: '片头', startS: 0, endS: 12 }, { title: '正文', startS: 12, endS: 600 }] });
    expect(runRule('intro.duration', facts)[0]).toMatchObject({ status: 'fail', measured: { durationS: 12, source: 'chapter' } });
    expect(runRule('intro.duration', makeFacts({ chapters: [{ title: 'Intro', startS: 0, endS: 8 }] }))[0]!.status).toBe('pass');
  });
  it('finds a black gap with silence in the first 30 s', () => {
    const yMean = [...new Array(150).fill(90), ...new Array(10).fill(3), ...new Array(340).fill(120)];
    const levels = Float64Array.from({ length: 200 }, (_, i) => (i >= 60 && i < 64 ? -Infinity : -20));
    const facts = withFrames(makeFrames(500, { yMean }), {});
    facts.audioAnalysis = { ...(facts.audioAnalysis ?? ({} as never)), levelTrack: { stepS: 0.1, levelsDbfs: levels } } as never;
    expect(runRule('intro.duration', facts)[0]).toMatchObject({ status: 'pass', measured: { durationS: 6.4, source: 'signal' } });
  });
  it('warns "not detected" when nothing marks the end of an intro', () => {
    expect(runRule('intro.duration', withFrames(makeFrames(500)))[0]).toMatchObject({ status: 'warn', message: expect.stringMatching(/^intro not detected/) });
  });
});
