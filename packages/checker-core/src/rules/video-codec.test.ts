import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule, verdictOf } from '../testing/run-rule.js';

describe('video.codec', () => {
  it('passes H.264 and fails anything else by name', () => {
    expect(verdictOf('video.codec', makeFacts())).toBe('pass');
    const [finding] = runRule('video.codec', makeFacts({ video: { codec: 'hevc', profile: 'Main' } }));
    expect(finding!.status).toBe('fail');
    expect(finding!.message).toContain('hevc');
  });
  it('fails a file with no video stream', () => {
    expect(verdictOf('video.codec', makeFacts({ video: null }))).toBe('fail');
  });
});
