import { describe, expect, it } from 'vitest';
import { makeFacts, makeTrack } from '../testing/make-facts.js';
import { runRule } from '../testing/run-rule.js';

const chinese = makeTrack([['欢迎学习数控机床'], ['CNC是计算机数控的缩写']], { path: '01.zh.srt' });
const english = makeTrack([['Welcome to the lesson'], ['CNC machines']], { path: '01.en.srt' });

describe('subtitle.language', () => {
  it('passes Chinese subtitles on a Chinese course and fails English ones', () => {
    expect(runRule('subtitle.language', makeFacts({ subtitles: [chinese] }))[0]!.status).toBe('pass');
    expect(runRule('subtitle.language', makeFacts({ subtitles: [english] }))[0]).toMatchObject({ status: 'fail', message: expect.stringContaining('mostly English') });
  });
  it('follows --language en', () => {
    expect(runRule('subtitle.language', makeFacts({ subtitles: [english] }), {}, { language: 'en' })[0]!.status).toBe('pass');
  });
  it('passes a bilingual set when one track is in the course language, warning on the other', () => {
    const findings = runRule('subtitle.language', makeFacts({ subtitles: [chinese, english] }));
    expect(findings.map((f) => f.status)).toEqual(['pass', 'warn']);
  });
});
