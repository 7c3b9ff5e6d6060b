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
    expect(verdictOf('subtitle.present', makeFacts({ kind: 'subtitle', subtitles: [makeTrack([])] }))).toBe('pass');
  });
});
