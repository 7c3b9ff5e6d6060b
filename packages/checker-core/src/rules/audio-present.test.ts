import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { verdictOf } from '../testing/run-rule.js';

describe('audio.present', () => {
  it('fails a silent file and passes one with audio', () => {
    expect(verdictOf('audio.present', makeFacts({ audio: null }))).toBe('fail');
    expect(verdictOf('audio.present', makeFacts())).toBe('pass');
  });
  it('makes the other audio rules skip rather than pile on', () => {
    expect(verdictOf('audio.codec', makeFacts({ audio: null }))).toBe('skip');
  });
});
