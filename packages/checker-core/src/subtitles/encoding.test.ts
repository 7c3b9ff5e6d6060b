import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeSubtitleBytes } from './encoding.js';

const SRT = '1\r\n00:00:01,000 --> 00:00:02,000\r\n欢迎来到本课程，今天学习数控机床。\r\n';
const twoChars = '你好';
const manyCues = Array.from({ length: 2000 }, (_, i) => `${i + 1}\n00:00:0${i % 10},000 --> 00:00:0${i % 10},500\n第${i + 1}句字幕，内容不同。\n`).join('\n');
const outsideGbk = '1\n00:00:01,000 --> 00:00:02,000\n𠀀𠀁是扩展汉字\n';
const traditional = '1\n00:00:01,000 --> 00:00:02,000\n歡迎來到本課程，今天學習數控機床。\n';

const bom = (prefix: number[], body: Buffer) => Buffer.concat([Buffer.from(prefix), body]);

describe('decodeSubtitleBytes', () => {
  it.each([
    ['UTF-8', Buffer.from(SRT, 'utf8'), 'utf-8', true, false],
    ['UTF-8 with BOM', bom([0xef, 0xbb, 0xbf], Buffer.from(SRT, 'utf8')), 'utf-8', true, true],
    ['GBK', iconv.encode(SRT, 'gbk'), 'gb18030', false, false],
    ['GB18030 beyond GBK', iconv.encode(outsideGbk, 'gb18030'), 'gb18030', false, false],
    ['Big5', iconv.encode(traditional, 'big5'), 'big5', false, false],
    ['UTF-16 LE with BOM', bom([0xff, 0xfe], iconv.encode(SRT, 'utf-16le')), 'utf-16le', false, true],
    ['UTF-16 BE with BOM', bom([0xfe, 0xff], iconv.encode(SRT, 'utf-16be')), 'utf-16be', false, true],
    ['UTF-16 LE without BOM', iconv.encode(SRT, 'utf-16le'), 'utf-16le', false, false],
    ['UTF-16 BE without BOM', iconv.encode(SRT, 'utf-16be'), 'utf-16be', false, false],
  ] as const)('%s', (_name, bytes, encoding, validUtf8, hasBom) => {
    const decoded = decodeSubtitleBytes(bytes);
    expect(decoded).toMatchObject({ encoding, validUtf8, bom: hasBom });
    expect(decoded.text.replace(/^\uFEFF/, '')).toBe(bytes === null ? '' : decoded.text.replace(/^\uFEFF/, ''));
    expect(decoded.text).toContain(encoding === 'big5' ? '歡迎' : encoding === 'gb18030' && _name.includes('beyond') ? '𠀀𠀁' : '欢迎');
  });

  it('tells GBK from Big5 on two characters', () => {
    expect(decodeSubtitleBytes(iconv.encode(twoChars, 'gbk'))).toMatchObject({ encoding: 'gb18030', text: twoChars });
    expect(decodeSubtitleBytes(iconv.encode('歡迎', 'big5'))).toMatchObject({ encoding: 'big5', text: '歡迎' });
  });

  it('reads 2,000 cues in GBK and in UTF-8', () => {
    expect(decodeSubtitleBytes(iconv.encode(manyCues, 'gbk'))).toMatchObject({ encoding: 'gb18030', text: manyCues });
    expect(decodeSubtitleBytes(Buffer.from(manyCues, 'utf8'))).toMatchObject({ encoding: 'utf-8', validUtf8: true });
  });
});
