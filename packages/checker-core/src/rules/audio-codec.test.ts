import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { verdictOf } from '../testing/run-rule.js';

describe('audio.codec', () => {
  it.each([
    ['aac', 'pass'],
    ['mp3', 'fail'],
    ['pcm_s16le', 'fail'],
  ] as const)('%s → %s', (codec, status) => {
    expect(verdictOf('audio.codec', makeFacts({ audio: { codec } }))).toBe(status);
  });
});
