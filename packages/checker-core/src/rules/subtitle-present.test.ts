import { describe, expect, it } from 'vitest';
import { makeFacts, makeTrack } from '../testing/make-facts.js';
import { runRule, verdictOf } from '../testing/run-rule.js';

describe('subtitle.present', () => {
  it('fails a video without subtitles, saying where they go', () => {
    expect(runRule('subtitle.present', makeFacts())[0]!.message).toMatch(/put LESSON\.srt/);
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
  });
  it('names a sidecar that could not be read, and fails', () => {
    const findings = runRule('subtitle.present', makeFacts({ unreadableSubtitles: [{ path: 'c.srt', message: 'permission denied: cannot read the file' }] }));
    expect(findings[0]!.status).toBe('fail');
    expect(findings[1]).toMatchObject({ subtitle: 'c.srt', message: 'c.srt: permission denied: cannot read the file' });
  });
});
