import { describe, expect, it } from 'vitest';
import { makeFacts, makeTrack } from '../testing/make-facts.js';
import { runRule, textOf } from '../testing/run-rule.js';

const chinese = makeTrack([['欢迎学习数控机床'], ['CNC是计算机数控的缩写']], { path: '01.zh.srt' });
const english = makeTrack([['Welcome to the lesson'], ['CNC machines']], { path: '01.en.srt' });

describe('subtitle.language', () => {
  it('passes Chinese subtitles on a Chinese course and fails English ones', () => {
    expect(runRule('subtitle.language', makeFacts({ subtitles: [chinese] }))[0]!.status).toBe('pass');
    const [wrong] = runRule('subtitle.language', makeFacts({ subtitles: [english] }));
    expect(wrong).toMatchObject({ status: 'fail', messageId: 'subtitle.language/wrong-language', params: { script: 'Latin', otherPercent: 100, language: 'zh' }, message: expect.stringContaining('mostly English') });
    expect(textOf(wrong!, 'zh')).toBe('字幕文件 01.en.srt 主要是英文（占文字的 100%），而这是中文课程：请换成中文字幕');
  });
  it('follows --language en', () => {
    expect(runRule('subtitle.language', makeFacts({ subtitles: [english] }), {}, { language: 'en' })[0]!.status).toBe('pass');
  });
  it('passes a bilingual set when one track is in the course language, warning on the other', () => {
    const findings = runRule('subtitle.language', makeFacts({ subtitles: [chinese, english] }));
    expect(findings.map((f) => f.status)).toEqual(['pass', 'warn']);
    expect(textOf(findings[0]!, 'zh')).toBe('2 个字幕中有 1 个是中文字幕');
  });
  it('counts letters of every script: Russian or Greek on a Chinese course fails, naming the script', () => {
    const russian = makeTrack([['Добро пожаловать на урок'], ['Станки с ЧПУ']], { path: '01.ru.srt' });
    const [finding] = runRule('subtitle.language', makeFacts({ subtitles: [russian] }));
    expect(finding).toMatchObject({ status: 'fail', params: { script: 'Cyrillic', otherPercent: 100 }, measured: { hanLetters: 0, latinLetters: 0, otherLetters: 31, share: 0 } });
    expect(finding!.message).toBe('01.ru.srt is mostly Cyrillic (Russian and others) (100% of letters) on a Chinese course');
    expect(textOf(finding!, 'zh')).toBe('字幕文件 01.ru.srt 主要是西里尔字母（俄文等）（占文字的 100%），而这是中文课程：请换成中文字幕');
    const greek = makeTrack([['Καλώς ήρθατε'], ['你好']], { path: '01.el.srt' });
    expect(runRule('subtitle.language', makeFacts({ subtitles: [greek] }))[0]).toMatchObject({ status: 'fail', params: { script: 'Greek' } });
    const mixed = makeTrack([['欢迎来到数控机床课程'], ['Привет']], { path: '01.srt' });
    expect(runRule('subtitle.language', makeFacts({ subtitles: [mixed] }))[0]!.status).toBe('pass');
  });
});
