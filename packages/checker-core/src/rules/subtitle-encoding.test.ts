import { describe, expect, it } from 'vitest';
import { makeFacts, makeTrack } from '../testing/make-facts.js';
import { runRule, textOf } from '../testing/run-rule.js';

describe('subtitle.encoding', () => {
  it('passes UTF-8, with or without a BOM', () => {
    const track = makeTrack([['你好']], { encoding: { encoding: 'utf-8', bom: true, validUtf8: true, confidence: 1 } });
    expect(runRule('subtitle.encoding', makeFacts({ subtitles: [track] }))[0]).toMatchObject({ status: 'pass', message: expect.stringContaining('byte-order mark') });
  });
  it('fails GBK naming it and the file, in a detail finding with `subtitle`', () => {
    const track = makeTrack([['你好']], { path: 'a/01.srt', encoding: { encoding: 'gb18030', bom: false, validUtf8: false, confidence: 0.6 } });
    const [summary, detail] = runRule('subtitle.encoding', makeFacts({ subtitles: [track] }));
    expect(summary).toMatchObject({ status: 'fail', measured: 'gb18030' });
    expect(detail).toMatchObject({ status: 'fail', subtitle: 'a/01.srt', message: expect.stringContaining('a/01.srt is GBK/GB18030, not UTF-8') });
    expect(detail!.params).toMatchObject({ encoding: 'gb18030', encodingName: 'GBK/GB18030', bom: false, track: { messageId: 'subtitle/file', params: { path: 'a/01.srt' } } });
    expect(textOf(detail!, 'zh')).toBe('字幕文件 a/01.srt 的编码是 GBK/GB18030，不是 UTF-8：请用文本编辑器“另存为 UTF-8”，或运行 courseware-check fix-subtitles 自动转换');
    expect(textOf(summary!, 'zh')).toBe('1 个字幕文件中有 1 个不是 UTF-8 编码（GBK/GB18030）');
  });
  it('skips a video without subtitles', () => {
    expect(runRule('subtitle.encoding', makeFacts())[0]!.status).toBe('skip');
  });
});
