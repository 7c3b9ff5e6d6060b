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
    [file('a <script>.mp4', 'pass'), file('b.mp4', 'fail', failing), { path: 'c.mp4', status: 'error', facts: null, findings: [], error: { code: 'empty', message: 'empty file (0 bytes)' } }],
    { profile: 'web', versions, rules, quick: false, language: 'zh' },
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
    expect(html).toContain('video codec is hevc (High); re-encode as H.264');
  });

  it('speaks English when asked', () => {
    expect(formatHtml(report, { lang: 'en' })).toContain('<h1>Courseware check report</h1>');
  });
});
