import { describe, expect, it } from 'vitest';
import type { FileResult } from '../facts/finding.js';
import { makeFacts } from '../testing/make-facts.js';
import { runRule } from '../testing/run-rule.js';
import { formatHtml } from './html.js';
import { rulesMetaOf } from '../engine/run.js';
import { loadProfile } from '../profiles/load-profile.js';
import { buildReport } from './report.js';

const versions = { ffmpeg: 'ffmpeg version test', ffprobe: 'ffprobe version test' };
const rules = rulesMetaOf(await loadProfile('web'));
const file = (path: string, status: FileResult['status'], findings = runRule('video.codec', makeFacts())): FileResult => ({ path, status, facts: makeFacts(), findings, error: null });

describe('formatHtml', () => {
  const failing = runRule('video.codec', makeFacts({ video: { codec: 'hevc' } }));
  const report = buildReport(
    [file('a <script>.mp4', 'pass'), file('b.mp4', 'fail', failing), { path: 'c.mp4', status: 'error', facts: null, findings: [], error: { code: 'empty', message: 'empty file (0 bytes)', messageId: 'file-error/empty', params: { detail: 'empty file (0 bytes)' } } }],
    { profile: 'web', versions, rules, quick: false, language: 'zh', locale: 'zh' },
  );
  const html = formatHtml(report);

  it('is one self-contained file that loads nothing from the network', () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('escapes every name and message', () => {
    expect(html).toContain('a &lt;script&gt;.mp4');
    expect(html).not.toContain('a <script>.mp4');
  });

  it('lists failures first, with the failing rule counted in the summary', () => {
    expect(html.indexOf('c.mp4')).toBeLessThan(html.indexOf('b.mp4'));
    expect(html.indexOf('b.mp4')).toBeLessThan(html.indexOf('a &lt;script&gt;.mp4'));
    expect(html).toMatch(/<code>video\.codec<\/code><\/td><td>视频编码：H\.264<\/td><td class="num fail">1<\/td>/);
    expect(html).toContain('视频编码为 hevc（High），不是 H.264：导出时视频编码选择 H.264');
  });

  it('follows the report’s locale, findings included, and speaks English when asked', () => {
    expect(html).toContain('<html lang="zh">');
    expect(html).toContain('<p class="error-line">文件是空的（0 字节）：请重新导出或重新拷贝</p>');
    const english = formatHtml(report, { lang: 'en' });
    expect(english).toContain('<h1>Courseware check report</h1>');
    expect(english).toContain('video codec is hevc (High); re-encode as H.264');
    expect(english).toContain('<p class="error-line">empty file (0 bytes)</p>');
    expect(english).not.toContain('不是 H.264');
  });

  it('shows failures first, then warnings, by area, the passes collapsed, and counts problems by rule', () => {
    const failingCard = html.slice(html.indexOf('b.mp4'), html.indexOf('</details>\n</details>', html.indexOf('b.mp4')));
    expect(failingCard).toContain('<span class="count">1 个问题</span>');
    expect(failingCard.indexOf('video.codec')).toBeLessThan(failingCard.indexOf('<details class="passes">'));
    expect(html).toMatch(/<details class="passes"><summary>\d+ 项通过/);
  });
});
