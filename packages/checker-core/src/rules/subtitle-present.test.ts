import { describe, expect, it } from 'vitest';
import { makeFacts, makeTrack } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

describe('subtitle.present', () => {
  it('fails a video without subtitles, saying where they go', () => {
    const [none] = runRule('subtitle.present', makeFacts());
    expect(none).toMatchObject({ messageId: 'subtitle.present/none', message: expect.stringMatching(/put LESSON\.srt/) });
    expect(textOf(none!, 'zh')).toMatch(/^没有字幕：请把与视频同名的字幕文件/);
  });
  it('passes a sidecar or a stream inside the file, and a subtitle file on its own', () => {
    expect(verdictOf('subtitle.present', makeFacts({ subtitles: [makeTrack([['你好']])] }))).toBe('pass');
    expect(verdictOf('subtitle.present', makeFacts({ subtitles: [makeTrack([['你好']], { source: 'embedded', path: 'x.mp4#stream:2' })] }))).toBe('pass');
    expect(verdictOf('subtitle.present', makeFacts({ kind: 'subtitle', subtitles: [makeTrack([['你好']])] }))).toBe('pass');
  });
  it('fails a track with no cues, on its own or beside a video', () => {
    expect(runRule('subtitle.present', makeFacts({ kind: 'subtitle', subtitles: [makeTrack([], { path: 'a.srt' })] }))[0]).toMatchObject({ status: 'fail', message: 'a.srt: no cues could be read' });
    const findings = runRule('subtitle.present', makeFacts({ subtitles: [makeTrack([['你好']]), makeTrack([], { path: 'b.zh.srt' })] }));
    expect(findings.map((f) => f.status)).toEqual(['fail', 'fail']);
    expect(findings[1]).toMatchObject({ subtitle: 'b.zh.srt', message: 'b.zh.srt: no cues could be read' });
    expect(textOf(findings[1]!, 'zh')).toBe('字幕文件 b.zh.srt 里读不到任何一条字幕：请检查它是不是 SRT 或 WebVTT 格式');
    expect(textOf(findings[0]!, 'zh')).toBe('1 个字幕无法使用，1 个可用');
  });
  it('names a sidecar that could not be read, and fails', () => {
    const findings = runRule('subtitle.present', makeFacts({ unreadableSubtitles: [{ path: 'c.srt', message: 'permission denied: cannot read the file' }] }));
    expect(findings[0]!.status).toBe('fail');
    expect(findings[1]).toMatchObject({ subtitle: 'c.srt', message: 'c.srt: permission denied: cannot read the file' });
  });
});
